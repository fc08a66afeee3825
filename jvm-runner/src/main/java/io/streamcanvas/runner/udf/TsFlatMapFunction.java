// A TypeScript flatMap UDF as a Flink AsyncScalarFunction returning ROW<input…, a ARRAY<ROW<outputs>>>, batched to a
// Node.js worker like the map; the translator unnests the array. (Flink 2.3's AsyncTableFunction correlate refuses
// any filter or projection pushed into it, so a plain filter after the node could not be planned.)
package io.streamcanvas.runner.udf;

import java.util.concurrent.CompletableFuture;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.AsyncScalarFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.types.Row;

public final class TsFlatMapFunction extends AsyncScalarFunction {
  private final UdfSpec spec;
  private final WorkerSettings settings;
  private transient WorkerProcess worker;

  public TsFlatMapFunction(UdfSpec spec, WorkerSettings settings) {
    if (!spec.kind().equals("flatMap")) throw new IllegalArgumentException("not a flatMap UDF: " + spec.kind());
    this.spec = spec;
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
    return "ts-flatMap:" + spec.name();
  }
}
