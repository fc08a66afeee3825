// A TypeScript map UDF as a Flink AsyncScalarFunction: ROW of input columns in, ROW of them and the outputs out, batched
// to a Node.js worker. Flink's async operator keeps order, holds watermarks back and checkpoints rows in flight.
package io.streamcanvas.runner.udf;

public final class TsMapFunction extends TsAsyncFunction {
  public TsMapFunction(UdfSpec spec, WorkerSettings settings) {
    super(spec, settings, "ts");
  }
}
