// A TypeScript filter UDF as a Flink AsyncScalarFunction returning ROW<k, input…>: whether the UDF keeps the row, and
// the row (the translator filters on k), batched to a Node.js worker like the map. (Flink's async path fails on a null
// result, so rejected rows cannot be null.) Async, so batching, ordering and checkpoints are the map's.
package io.streamcanvas.runner.udf;

import java.util.List;

public final class TsFilterFunction extends TsAsyncFunction {
  /** The worker answers a filter's row as [keep]: one BOOLEAN column. */
  static final List<UdfSpec.Column> KEEP = List.of(new UdfSpec.Column("keep", "BOOLEAN NOT NULL"));

  public TsFilterFunction(String name, String code, List<UdfSpec.Column> inputColumns, WorkerSettings settings) {
    super(new UdfSpec("filter", name, code, inputColumns, KEEP), settings, "ts-filter");
  }
}
