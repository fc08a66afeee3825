// The shared shape of the TypeScript UDFs that Flink calls as AsyncScalarFunctions (map, filter, flatMap): a ROW of the
// input columns in, the worker's answer as one ROW out, batched to a Node.js worker started when the function opens.
// Flink's async operator keeps order, holds watermarks back and checkpoints rows in flight.
package io.streamcanvas.runner.udf;

import java.util.concurrent.CompletableFuture;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.AsyncScalarFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.table.data.RowData;

public abstract class TsAsyncFunction extends AsyncScalarFunction {
  private final UdfSpec spec;
  private final WorkerSettings settings;
  private final String label;
  private transient WorkerProcess worker;

  protected TsAsyncFunction(UdfSpec spec, WorkerSettings settings, String label) {
    this.spec = spec;
    this.settings = settings;
    this.label = label;
  }

  @Override
  public void open(FunctionContext context) throws Exception {
    worker = WorkerProcess.start(spec, settings, context);
  }

  /** Flink's internal rows in and out (bridgedTo RowData below): no conversion to Java objects and back per row. */
  public void eval(CompletableFuture<RowData> result, RowData input) {
    worker.submit(input, result);
  }

  @Override
  public void close() {
    if (worker != null) worker.close();
  }

  @Override
  public TypeInference getTypeInference(DataTypeFactory typeFactory) {
    return TypeInference.newBuilder()
        .typedArguments(UdfSpec.rowType(spec.inputColumns()).notNull().bridgedTo(RowData.class))
        .outputTypeStrategy(TypeStrategies.explicit(spec.echoType().notNull().bridgedTo(RowData.class)))
        .build();
  }

  /** Not deterministic: the planner must call it exactly once per row, never duplicate or fold it. */
  @Override
  public boolean isDeterministic() {
    return false;
  }

  @Override
  public String toString() {
    return label + ":" + spec.name();
  }
}
