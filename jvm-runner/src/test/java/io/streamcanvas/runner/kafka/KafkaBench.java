// bench:kafka — one broker (the test harness's), one embedded Flink, parallelism 1: Kafka → map → Kafka with the map as a
// Java built-in expression (select lower(s)) and as a TypeScript UDF (through the production IR translator), over the
// same topic of ~100-byte JSON messages; rows/s of both and TS ÷ Java; then end-to-end latency at 1,000 messages/s,
// record timestamp (CreateTime at the producer) → the sink's record timestamp. Prints figures; never a test.
package io.streamcanvas.runner.kafka;

import static org.apache.flink.table.api.Expressions.$;

import io.streamcanvas.runner.KafkaBroker;
import io.streamcanvas.runner.cluster.EmbeddedCluster;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.ir.UdfIr;
import io.streamcanvas.runner.translate.ProgramContext;
import io.streamcanvas.runner.translate.Translators;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

public final class KafkaBench {
  static final String TS_LOWER = "export default (row) => ({ id: row.id, s: row.s.toLowerCase() });";
  static final Schema SCHEMA = Schema.newBuilder().column("id", DataTypes.BIGINT()).column("s", DataTypes.STRING()).build();

  public static void main(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    KafkaBroker.ensureStarted();
    try (EmbeddedCluster cluster = EmbeddedCluster.start("0", 4)) {
      createTopics("bench-warm", "bench-in", "bench-out");
      BenchProducer.fill("bench-warm", 50_000);
      long t0 = System.nanoTime();
      BenchProducer.fill("bench-in", messages);
      System.out.printf("bench:kafka — %,d JSON messages of ~%d bytes produced in %.1f s; Kafka → map → Kafka, parallelism 1, best of %d%n",
          messages, BenchProducer.message(0).length(), (System.nanoTime() - t0) / 1e9, rounds);
      for (String m : List.of("java", "ts")) throughput(cluster, m, "bench-warm", 50_000); // warm planner, JIT, Node
      double java = 0, ts = 0;
      for (int r = 0; r < rounds; r++) { // the order alternates, so neither case always runs on the warmer broker
        double j = 0, t = 0;
        if (r % 2 == 1) t = throughput(cluster, "ts", "bench-in", messages);
        j = throughput(cluster, "java", "bench-in", messages);
        if (r % 2 == 0) t = throughput(cluster, "ts", "bench-in", messages);
        System.out.printf("    round %d: Java %,.0f rows/s, TypeScript %,.0f rows/s%n", r + 1, j, t);
        java = Math.max(java, j);
        ts = Math.max(ts, t);
      }
      System.out.printf("(a) Java map (built-in select lower(s)) %,12.0f rows/s%n", java);
      System.out.printf("(b) TypeScript map                     %,12.0f rows/s%n", ts);
      System.out.printf("b/a = %.2f   (goal ≥ 0.9)%n", ts / java);
      KafkaLatency.run(cluster);
    }
  }

  static void createTopics(String... names) throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(java.util.Arrays.stream(names).map(n -> new NewTopic(n, Optional.of(1), Optional.empty())).toList())
          .all().get(60, TimeUnit.SECONDS);
    }
  }

  static TableDescriptor.Builder kafka(String topic) {
    return TableDescriptor.forConnector("kafka").schema(SCHEMA).option("topic", topic)
        .option("properties.bootstrap.servers", KafkaBroker.bootstrap()).option("format", "json");
  }

  /** Reads `topic` from the earliest to the latest offset at start (bounded), maps and writes; rows/s over the job's wall time. */
  static double throughput(EmbeddedCluster cluster, String mode, String topic, int messages) throws Exception {
    Envs e = envs(cluster);
    Table src = e.tEnv().from(kafka(topic).option("scan.startup.mode", "earliest-offset").option("scan.bounded.mode", "latest-offset").build());
    Table out = mapped(e, mode, src);
    long t0 = System.nanoTime();
    TableResult r = out.insertInto(kafka("bench-out").option("sink.delivery-guarantee", "at-least-once").build()).execute();
    r.await();
    return messages / ((System.nanoTime() - t0) / 1e9);
  }

  record Envs(StreamExecutionEnvironment env, StreamTableEnvironment tEnv) {}

  static Envs envs(EmbeddedCluster cluster) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig());
    env.setParallelism(1);
    return new Envs(env, StreamTableEnvironment.create(env));
  }

  /** java: a built-in expression; ts: the TypeScript UDF through the production IR translator, as a pipeline runs it. */
  static Table mapped(Envs e, String mode, Table src) {
    if (mode.equals("java")) return src.select($("id"), $("s").lowerCase().as("s"));
    ProgramContext ctx = new ProgramContext(e.env(), e.tEnv());
    ctx.define("src", src);
    List<TableDescriptorIr.Column> cols = List.of(new TableDescriptorIr.Column("id", "BIGINT"), new TableDescriptorIr.Column("s", "STRING"));
    Translators.translate(new Statement.UdfMap("mapped", "src", new UdfIr("lower", TS_LOWER, cols, cols)), ctx);
    return ctx.table("mapped");
  }
}
