// A TypeScript map UDF as a Flink AsyncScalarFunction: ROW of input columns in, ROW of them and the outputs out, batched
// to a Node.js worker. Flink's async operator keeps order, holds watermarks back and checkpoints rows in flight.
package io.streamcanvas.runner.udf;

import java.util.concurrent.CompletableFuture;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.AsyncScalarFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.types.Row;

public final class TsMapFunction extends AsyncScalarFunction {
  private final UdfSpec spec;
  private final WorkerSettings settings;
  private transient WorkerProcess worker;

  public TsMapFunction(UdfSpec spec, WorkerSettings settings) {
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
    return "ts:" + spec.name();
  }
}
