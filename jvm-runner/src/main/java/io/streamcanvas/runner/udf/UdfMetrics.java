// A TS UDF's Flink metrics (rows, batches, recent batch round-trip latency), named so the server can find its node.
package io.streamcanvas.runner.udf;

import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;

/**
 * Registered under the operator's group as {@code streamcanvas_udf.<nodeId>.rows|batches|latencyMs}; Flink's REST API
 * lists them per vertex as {@code <operator>.streamcanvas_udf.<nodeId>.<metric>} (node ids need no escaping there).
 */
public final class UdfMetrics {
  public static final String GROUP = "streamcanvas_udf";
  /** Batches whose latency the gauge looks back over: enough to show a slow tail, few enough to follow changes. */
  private static final int WINDOW = 128;

  private final Counter rows;
  private final Counter batches;
  private final long[] recentNanos = new long[WINDOW];
  private int next;
  private int filled;

  private UdfMetrics(Counter rows, Counter batches) {
    this.rows = rows;
    this.batches = batches;
  }

  /** Counters that count but report nowhere (a worker outside a Flink task, e.g. the runner's Try-it calls). */
  static UdfMetrics detached() {
    return new UdfMetrics(new SimpleCounter(), new SimpleCounter());
  }

  public static UdfMetrics register(MetricGroup operator, String nodeId) {
    MetricGroup g = operator.addGroup(GROUP).addGroup(nodeId);
    UdfMetrics m = new UdfMetrics(g.counter("rows"), g.counter("batches"));
    g.gauge("latencyMs", (Gauge<Double>) m::recentMaxMs);
    return m;
  }

  /** One answered batch (or aggregate call, counted as one row) and its round trip to the worker. */
  void batch(int size, long nanos) {
    rows.inc(size);
    batches.inc();
    synchronized (recentNanos) {
      recentNanos[next] = nanos;
      next = (next + 1) % WINDOW;
      filled = Math.min(WINDOW, filled + 1);
    }
  }

  public long rows() {
    return rows.getCount();
  }

  public long batches() {
    return batches.getCount();
  }

  /** The slowest round trip among the last {@value #WINDOW} batches (about their p99), in milliseconds; 0 before any. */
  public double recentMaxMs() {
    long max = 0;
    synchronized (recentNanos) {
      for (int i = 0; i < filled; i++) max = Math.max(max, recentNanos[i]);
    }
    return max / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }
}
