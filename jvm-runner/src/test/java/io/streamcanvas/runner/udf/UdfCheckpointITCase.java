// Exactly-once through a TS UDF: checkpoints mid-stream, an injected failure after the UDF, restore; nothing lost or doubled.
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

class UdfCheckpointITCase {
  static final int ROWS = 6000;

  @Test
  void restoreAfterFailureLosesAndDuplicatesNothing() throws Exception {
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
      List<TableDescriptorIr.Column> id = List.of(new TableDescriptorIr.Column("id", "BIGINT"));
      Translators.translate(new Statement.From("src", new TableDescriptorIr("datagen", id, null, Map.of(
          "fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", String.valueOf(ROWS),
          "rows-per-second", "1500"))), ctx);
      Translators.translate(new Statement.UdfMap("mapped", "src", new UdfIr("double",
          "export default (row) => ({ twice: row.id * 2n });", id,
          List.of(new TableDescriptorIr.Column("twice", "BIGINT")))), ctx);

      FailOnce.failed = false;
      FailOnce.checkpoints = 0;
      TreeMap<Long, Integer> seen = new TreeMap<>();
      try (CloseableIterator<Row> rows = tEnv.toDataStream(ctx.table("mapped")).map(new FailOnce()).collectAsync()) {
        env.executeAsync("udf-checkpoint");
        while (rows.hasNext()) {
          Row r = rows.next();
          long key = (Long) r.getField("id");
          assertEquals(key * 2, r.getField("twice"), "row " + key);
          seen.merge(key, 1, Integer::sum);
        }
      }
      assertTrue(FailOnce.failed, "the failure was injected after a completed checkpoint");
      assertEquals(ROWS, seen.size(), "every id arrives");
      assertEquals(1L, seen.firstKey());
      assertEquals((long) ROWS, seen.lastKey());
      assertTrue(seen.values().stream().allMatch(n -> n == 1), "no id arrives twice");
    }
  }

  /** Throws once, at a row after the first completed checkpoint, so that the job restores from it. */
  static final class FailOnce implements MapFunction<Row, Row>, CheckpointListener {
    static volatile boolean failed;
    static volatile int checkpoints;

    @Override
    public Row map(Row r) {
      if (!failed && checkpoints >= 2 && (Long) r.getField("id") > ROWS / 2) {
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
