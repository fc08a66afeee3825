// Limits of one UDF worker: rows per batch, how long a partial batch may wait, per-batch deadline, heap cap.
package io.streamcanvas.runner.udf;

import java.io.Serializable;
import java.time.Duration;

public record WorkerSettings(int batchSize, Duration linger, Duration deadline, int heapMb) implements Serializable {
  /** 1,024-row batches amortise the process boundary; 2 ms linger keeps latency low when rows trickle in. */
  public static final WorkerSettings DEFAULTS = new WorkerSettings(1024, Duration.ofMillis(2), Duration.ofSeconds(10), 256);

  public WorkerSettings withDeadline(Duration d) {
    return new WorkerSettings(batchSize, linger, d, heapMb);
  }
}
