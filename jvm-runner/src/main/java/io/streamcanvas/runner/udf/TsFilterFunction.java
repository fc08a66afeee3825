// A TypeScript filter UDF as a Flink AsyncScalarFunction returning ROW<k, input…>: whether the UDF keeps the row, and
// the row (the translator filters on k), batched to a Node.js worker like the map. (Flink's async path fails on a null
// result, so rejected rows cannot be null.) Async, so batching, ordering and checkpoints are the map's.
package io.streamcanvas.runner.udf;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.AsyncScalarFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.types.Row;

public final class TsFilterFunction extends AsyncScalarFunction {
  /** The worker answers a filter's row as [keep]: one BOOLEAN column. */
  static final List<UdfSpec.Column> KEEP = List.of(new UdfSpec.Column("keep", "BOOLEAN NOT NULL"));

  private final UdfSpec spec;
  private final WorkerSettings settings;
  private transient WorkerProcess worker;

  public TsFilterFunction(String name, String code, List<UdfSpec.Column> inputColumns, WorkerSettings settings) {
    this.spec = new UdfSpec("filter", name, code, inputColumns, KEEP);
    this.settings = settings;
  }

  @Override
  public void open(FunctionContext context) throws Exception {
    worker = WorkerProcess.start(spec, settings, context);
  }

  public void eval(CompletableFuture<Row> result, Row input) {
    worker.submit(input, result);
  }

  @Override
  public void close() {
    if (worker != null) worker.close();
  }

  @Override
  public TypeInference getTypeInference(DataTypeFactory typeFactory) {
    return TypeInference.newBuilder()
        .typedArguments(UdfSpec.rowType(spec.inputColumns()).notNull())
        .outputTypeStrategy(TypeStrategies.explicit(spec.echoType().notNull()))
        .build();
  }

  /** Not deterministic: the planner must call it exactly once per row, never duplicate or fold it. */
  @Override
  public boolean isDeterministic() {
    return false;
  }

  @Override
  public String toString() {
    return "ts-filter:" + spec.name();
  }
}
