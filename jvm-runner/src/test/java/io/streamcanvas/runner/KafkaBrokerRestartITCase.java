// A broker outage mid-run: the broker is stopped while a job reads one topic and writes another exactly-once, kept down
// longer than the sink's producer waits (so the job fails, as a real outage does), then started again on the same ports;
// the restart strategy restarts the job from its checkpoint and it finishes with every id written once for
// read_committed: nothing lost, nothing doubled. Flink's exception history holds the failure and its task, which is
// what the job page maps to the nodes (server/monitor/job-extras.ts).
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.translate.ProgramContext;
import io.streamcanvas.runner.translate.Translators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.net.SSLUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({SharedCluster.class, KafkaBroker.class})
class KafkaBrokerRestartITCase {
  static final int ROWS = 3000;

  @Test
  void a_broker_stopped_and_started_again_mid_run_restarts_the_job_which_loses_and_doubles_nothing() throws Exception {
    KafkaTopics.create("outage-in", 1);
    KafkaTopics.create("outage-out", 1);
    List<Object[]> in = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) in.add(new Object[] {0, null, "{\"id\":" + i + "}"});
    KafkaTopics.write("outage-in", in);

    Configuration conf = new Configuration();
    conf.setString("parallelism.default", "1");
    conf.setString("execution.checkpointing.interval", "300 ms");
    conf.setString("restart-strategy.type", "fixed-delay");
    conf.setString("restart-strategy.fixed-delay.attempts", "20");
    conf.setString("restart-strategy.fixed-delay.delay", "1 s");
    var cluster = SharedCluster.cluster();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig(conf));
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    ProgramContext ctx = new ProgramContext(env, tEnv, DataRoot.NONE, outageConnection(), "sc-outage-test");
    Translators.translate(new Statement.From("src", new TableDescriptorIr("kafka", "k",
        List.of(new TableDescriptorIr.Column("id", "BIGINT")), null, null, null, null, Map.of("topic", "outage-in", "value.format", "json",
        "scan.startup.mode", "earliest-offset", "scan.bounded.mode", "latest-offset"))), ctx);
    DataStream<Row> rows = tEnv.toDataStream(ctx.table("src"));
    ctx.define("slow", tEnv.fromDataStream(rows.map(new Slow()).returns(rows.getType())));
    Translators.translate(new Statement.InsertInto("out", "slow", new TableDescriptorIr("kafka", "k", null, null, null, null, null,
        Map.of("topic", "outage-out", "value.format", "json", "sink.delivery-guarantee", "exactly-once",
            "sink.transactional-id-prefix", "out", "properties.transaction.timeout.ms", "600000"))), ctx);
    ctx.statementSet().attachAsDataStream();

    Slow.seen = 0;
    JobClient job = env.executeAsync("kafka-broker-outage");
    long deadline = System.currentTimeMillis() + 60_000;
    while (Slow.seen < ROWS / 3 && System.currentTimeMillis() < deadline) Thread.sleep(50);
    assertTrue(Slow.seen >= ROWS / 3, "the job was under way before the outage");
    KafkaBroker.restart(8_000);
    job.getJobExecutionResult().get(240, TimeUnit.SECONDS);

    TreeMap<Long, Integer> seen = new TreeMap<>();
    for (String kv : KafkaTopics.read("outage-out", true)) seen.merge(Long.parseLong(kv.replaceAll("[^0-9]", "")), 1, Integer::sum);
    List<Long> missing = new ArrayList<>();
    for (long i = 1; i <= ROWS; i++) if (!seen.containsKey(i)) missing.add(i);
    assertEquals(List.of(), missing, "missing ids");
    assertEquals(List.of(), seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(), "duplicate ids");

    // the outage failed the job and the restart strategy restarted it. Flink's history names the failing task (the
    // vertex holding the Kafka source and sink, which the job page maps to their nodes). Its cause: the writer's
    // "Failed to send data to Kafka" is thrown again while the task fails, which Flink 2.3 treats as fatal to the
    // TaskManager (the runner starts a new one), so the history may hold "The TaskExecutor is shutting down" instead
    // (the job page then tells the failure from the runner's log: server/monitor/task-failures.ts)
    JsonNode entries = exceptions(job.getJobID().toString()).path("exceptionHistory").path("entries");
    assertTrue(entries.size() >= 1, "the job restarted after the outage: " + entries);
    JsonNode first = entries.get(entries.size() - 1);
    String stack = first.path("stacktrace").asText();
    System.out.printf("[outage] %d restart(s); first failure in %s: %s%n", entries.size(), first.path("taskName").asText(),
        stack.lines().filter(l -> !l.startsWith("\t")).reduce((a, b) -> b).orElse(""));
    assertTrue(first.path("taskName").asText().contains("out["), "the failure names the Kafka sink's task: " + first.path("taskName"));
    assertTrue(stack.matches("(?s).*(\\bat org\\.apache\\.flink\\.connector\\.kafka\\.sink\\.|The TaskExecutor is shutting down).*"),
        "the failure is the Kafka writer's or the TaskManager it brought down: " + stack);
  }

  /**
   * The test broker as a connection whose producer gives up on a record within seconds (client properties a user may set
   * on a connection; Kafka's default waits 2 min), so the outage fails the job rather than stalling it.
   */
  private static Map<String, Connection> outageConnection() {
    return Map.of("k", new Connection("kafka", Map.of("bootstrap.servers", KafkaBroker.bootstrap(),
        "delivery.timeout.ms", "4000", "request.timeout.ms", "2000")));
  }

  /** The job's exception history from Flink's REST API (mutual TLS: the runner's client certificate). */
  private static JsonNode exceptions(String jobId) throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(SSLUtils.createRestSSLContext(SharedCluster.cluster().clientConfig(), true)).build();
    String url = SharedCluster.cluster().restUrl() + "/jobs/" + jobId + "/exceptions";
    return new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  /** Paces the stream (about 3 s in all) so the outage falls in the middle of it. */
  static final class Slow implements MapFunction<Row, Row> {
    static volatile int seen;

    @Override
    public Row map(Row r) throws Exception {
      Thread.sleep(1);
      seen++;
      return r;
    }
  }
}
