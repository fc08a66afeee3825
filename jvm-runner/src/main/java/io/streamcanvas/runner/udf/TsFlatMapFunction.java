// A TypeScript flatMap UDF as a Flink AsyncScalarFunction returning ROW<input…, a ARRAY<ROW<outputs>>>, batched to a
// Node.js worker like the map; the translator unnests the array. (Flink 2.3's AsyncTableFunction correlate refuses
// any filter or projection pushed into it, so a plain filter after the node could not be planned.)
package io.streamcanvas.runner.udf;

public final class TsFlatMapFunction extends TsAsyncFunction {
  public TsFlatMapFunction(UdfSpec spec, WorkerSettings settings) {
    super(requireKind(spec), settings, "ts-flatMap");
  }

  private static UdfSpec requireKind(UdfSpec spec) {
    if (!spec.kind().equals("flatMap")) throw new IllegalArgumentException("not a flatMap UDF: " + spec.kind());
    return spec;
  }
}
