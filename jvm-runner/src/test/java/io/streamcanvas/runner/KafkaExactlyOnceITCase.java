// Exactly-once into Kafka across a failure: a kafka source → an injected failure after two completed checkpoints →
// the kafka sink's IR (delivery exactly-once, as the kafka-sink kind compiles it), restored from the checkpoint; read
// back with read_committed every id is there once: 0 missing, 0 duplicates. The broker keeps Kafka's default
// transaction.max.timeout.ms (15 min), which the sink's transaction timeout must stay within.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.translate.ProgramContext;
import io.streamcanvas.runner.translate.Translators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({SharedCluster.class, KafkaBroker.class})
class KafkaExactlyOnceITCase {
  static final int ROWS = 2000;

  @Test
  void a_failure_and_restore_from_checkpoint_leaves_every_row_exactly_once_for_read_committed() throws Exception {
    KafkaTopics.create("eo-in", 1);
    KafkaTopics.create("eo-out", 2);
    List<Object[]> in = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) in.add(new Object[] {0, null, "{\"id\":" + i + "}"});
    KafkaTopics.write("eo-in", in);

    Configuration conf = new Configuration();
    conf.setString("parallelism.default", "1");
    conf.setString("execution.checkpointing.interval", "200 ms");
    conf.setString("restart-strategy.type", "fixed-delay");
    conf.setString("restart-strategy.fixed-delay.attempts", "3");
    conf.setString("restart-strategy.fixed-delay.delay", "200 ms");
    var cluster = SharedCluster.cluster();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig(conf));
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    ProgramContext ctx = new ProgramContext(env, tEnv, DataRoot.NONE, KafkaTopics.connection("k"), "sc-eo-test");
    Translators.translate(new Statement.From("src", new TableDescriptorIr("kafka", "k",
        List.of(new TableDescriptorIr.Column("id", "BIGINT")), null, null, null, null, Map.of("topic", "eo-in", "value.format", "json",
        "scan.startup.mode", "earliest-offset", "scan.bounded.mode", "latest-offset"))), ctx);
    DataStream<Row> rows = tEnv.toDataStream(ctx.table("src"));
    ctx.define("failing", tEnv.fromDataStream(rows.map(new FailOnce()).returns(rows.getType())));
    // the options the kafka-sink kind compiles for delivery exactly-once (kafka-sinks.test.ts)
    Translators.translate(new Statement.InsertInto("out", "failing", new TableDescriptorIr("kafka", "k", null, null, null, null, null,
        Map.of("topic", "eo-out", "value.format", "json", "sink.delivery-guarantee", "exactly-once",
            "sink.transactional-id-prefix", "out", "properties.transaction.timeout.ms", "600000"))), ctx);
    ctx.statementSet().attachAsDataStream();

    FailOnce.failed = false;
    FailOnce.checkpoints = 0;
    JobClient job = env.executeAsync("kafka-exactly-once");
    job.getJobExecutionResult().get(180, TimeUnit.SECONDS);
    assertTrue(FailOnce.failed, "the failure was injected after completed checkpoints");

    TreeMap<Long, Integer> seen = new TreeMap<>();
    for (String kv : KafkaTopics.read("eo-out", true)) {
      seen.merge(Long.parseLong(kv.replaceAll("[^0-9]", "")), 1, Integer::sum);
    }
    List<Long> missing = new ArrayList<>();
    for (long i = 1; i <= ROWS; i++) if (!seen.containsKey(i)) missing.add(i);
    List<Long> duplicates = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    assertEquals(List.of(), missing, "missing ids");
    assertEquals(List.of(), duplicates, "duplicate ids");
    assertEquals(ROWS, seen.size());
  }

  /** Slows the stream so checkpoints complete mid-way, then throws once past the middle after two of them. */
  static final class FailOnce implements MapFunction<Row, Row>, CheckpointListener {
    static volatile boolean failed;
    static volatile int checkpoints;

    @Override
    public Row map(Row r) throws Exception {
      Thread.sleep(2);
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
