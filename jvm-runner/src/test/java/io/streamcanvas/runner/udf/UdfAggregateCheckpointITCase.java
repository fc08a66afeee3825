// Exactly-once through a TS aggregate: its accumulator and buffered rows live in Flink state, so a checkpoint mid-stream,
// an injected failure after it and the restore neither lose nor double-count a row.
package io.streamcanvas.runner.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamcanvas.runner.Runner;
import io.streamcanvas.runner.cluster.EmbeddedCluster;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.ir.UdfIr;
import io.streamcanvas.runner.translate.ProgramContext;
import io.streamcanvas.runner.translate.Translators;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

class UdfAggregateCheckpointITCase {
  static final int ROWS = 6000;
  static final String SUM = """
      export function create() { return { n: 0, total: 0n }; }
      export function add(acc, row) { acc.n++; acc.total += row.id; }
      export default (acc) => ({ n: acc.n, total: acc.total });
      """;

  @Test
  void restoreAfterFailureLosesAndDoubleCountsNothing() throws Exception {
    try (EmbeddedCluster cluster = EmbeddedCluster.start("0", Runner.TASK_SLOTS)) {
      Configuration conf = new Configuration();
      conf.setString("execution.checkpointing.interval", "200 ms");
      conf.setString("restart-strategy.type", "fixed-delay");
      conf.setString("restart-strategy.fixed-delay.attempts", "2");
      conf.setString("restart-strategy.fixed-delay.delay", "100 ms");
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig(conf));
      env.setParallelism(1);
      StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
      ProgramContext ctx = new ProgramContext(env, tEnv);
      List<TableDescriptorIr.Column> cols = List.of(new TableDescriptorIr.Column("id", "BIGINT"),
          new TableDescriptorIr.Column("k", "INT"));
      Translators.translate(new Statement.From("src", new TableDescriptorIr("datagen", cols, null, Map.of(
          "fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", String.valueOf(ROWS),
          "fields.k.min", "1", "fields.k.max", "5", "rows-per-second", "1500"))), ctx);
      Translators.translate(new Statement.UdfAggregate("agg", "src", List.of("k"), new UdfIr("sum", SUM,
          List.of(cols.get(0)), List.of(new TableDescriptorIr.Column("n", "INT NOT NULL"),
              new TableDescriptorIr.Column("total", "BIGINT NOT NULL")))), ctx);

      FailOnce.failed = false;
      FailOnce.checkpoints = 0;
      Map<Integer, Row> latest = new HashMap<>();
      try (CloseableIterator<Row> rows = tEnv.toChangelogStream(ctx.table("agg")).map(new FailOnce()).collectAsync()) {
        env.executeAsync("udf-aggregate-checkpoint");
        while (rows.hasNext()) {
          Row r = rows.next();
          int k = (Integer) r.getField("k");
          if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) latest.put(k, r);
          else {
            Row prev = latest.remove(k);
            assertTrue(prev != null && prev.getField("n").equals(r.getField("n"))
                && prev.getField("total").equals(r.getField("total")), "retracts the row emitted before: " + r);
          }
        }
      }
      assertTrue(FailOnce.failed, () -> "the failure was injected after a completed checkpoint; checkpoints: "
          + FailOnce.checkpoints + ", latest: " + latest);
      int n = latest.values().stream().mapToInt(r -> (Integer) r.getField("n")).sum();
      long total = latest.values().stream().mapToLong(r -> (Long) r.getField("total")).sum();
      assertEquals(ROWS, n, "every row counted once");
      assertEquals((long) ROWS * (ROWS + 1) / 2, total, "every id summed once");
    }
  }

  /** Throws once, at a result after the second completed checkpoint, so that the job restores from one. */
  static final class FailOnce implements MapFunction<Row, Row>, CheckpointListener {
    static volatile boolean failed;
    static volatile int checkpoints;

    @Override
    public Row map(Row r) {
      if (!failed && checkpoints >= 2 && (Integer) r.getField("n") > ROWS / 10) {
        failed = true;
        throw new IllegalStateException("injected failure");
      }
      return r;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpoints++;
    }
  }
}
