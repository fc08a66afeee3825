// A TypeScript flatMap UDF as a Flink AsyncTableFunction (FLIP-498): each input row yields zero or more output rows,
// batched to a Node.js worker like the map; Flink's ordered async correlate keeps order and checkpoints rows in flight.
package io.streamcanvas.runner.udf;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.AsyncTableFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.types.Row;

public final class TsFlatMapFunction extends AsyncTableFunction<Row> {
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

  public void eval(CompletableFuture<Collection<Row>> result, Row input) {
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
        .outputTypeStrategy(TypeStrategies.explicit(UdfSpec.rowType(spec.outputColumns()).notNull()))
        .build();
  }

  @Override
  public boolean isDeterministic() {
    return false;
  }

  @Override
  public String toString() {
    return "ts-flatMap:" + spec.name();
  }
}
