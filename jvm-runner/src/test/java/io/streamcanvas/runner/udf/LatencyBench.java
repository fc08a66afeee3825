// bench:udf latency part: rows at 1,000/s stamped with System.nanoTime() at the source, measured after the pipeline,
// without a UDF and through the TypeScript UDF; prints p50/p99 and the p99 the UDF adds.
package io.streamcanvas.runner.udf;

import io.streamcanvas.runner.cluster.EmbeddedCluster;
import java.util.Arrays;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

final class LatencyBench {
  static final int RATE = 1000;
  static final int ROWS = 12_000;
  static final int SKIP = 2_000; // start-up: job deployment, worker start, JIT
  /** The MiniCluster runs in this JVM, so the sink's measurements land here directly. */
  static final long[] NANOS = new long[ROWS];

  private LatencyBench() {}

  static void run(EmbeddedCluster cluster, String tsCode) throws Exception {
    System.out.printf("latency at %,d rows/s (%,d rows, first %,d skipped), source stamp → after the UDF:%n", RATE, ROWS, SKIP);
    long[] none = measure(cluster, null);
    long[] ts = measure(cluster, tsCode);
    System.out.printf("(a) no UDF          p50 %6.2f ms   p99 %6.2f ms%n", pct(none, 50), pct(none, 99));
    System.out.printf("(c) TypeScript UDF  p50 %6.2f ms   p99 %6.2f ms%n", pct(ts, 50), pct(ts, 99));
    System.out.printf("    TS UDF p90 %.2f  p95 %.2f  p99.9 %.2f  max %.2f ms%n", pct(ts, 90), pct(ts, 95), pct(ts, 99.9), pct(ts, 100));
    System.out.printf("added latency p99 = %.2f ms   (target ≤ 10 ms)%n", pct(ts, 99) - pct(none, 99));
  }

  private static long[] measure(EmbeddedCluster cluster, String tsCode) throws Exception {
    Arrays.fill(NANOS, -1);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig());
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    String text = "A".repeat(90);
    DataGeneratorSource<Row> gen = new DataGeneratorSource<>(i -> Row.of(i, text, System.nanoTime()), ROWS,
        RateLimiterStrategy.perSecond(RATE), Types.ROW_NAMED(new String[] {"id", "s", "t"}, Types.LONG, Types.STRING, Types.LONG));
    DataStream<Row> rows = env.fromSource(gen, WatermarkStrategy.noWatermarks(), "gen");
    Table t = tEnv.fromDataStream(rows);
    Table out = tsCode == null ? t : UdfBench.tsMap(env, tEnv, t, tsCode);
    tEnv.toDataStream(out).map(new Stamp()).sinkTo(new DiscardingSink<>());
    env.execute("latency");
    if (System.getenv("LATENCY_TRACE") != null) {
      for (int i = SKIP; i < ROWS; i++) if (NANOS[i] > 20_000_000L) System.out.printf("slow row %d: %.1f ms%n", i, NANOS[i] / 1e6);
    }
    long[] got = Arrays.stream(NANOS, SKIP, ROWS).filter(n -> n >= 0).sorted().toArray();
    if (got.length < ROWS - SKIP) throw new IllegalStateException("only " + got.length + " rows measured");
    return got;
  }

  static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
  }

  static final class Stamp implements MapFunction<Row, Row> {
    @Override
    public Row map(Row r) {
      NANOS[((Long) r.getField("id")).intValue()] = System.nanoTime() - (Long) r.getField("t");
      return r;
    }
  }
}
