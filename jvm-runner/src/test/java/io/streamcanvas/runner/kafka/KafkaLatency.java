// bench:kafka latency part: a streaming Kafka → map → Kafka job (Java map, then TypeScript map) fed 1,000 messages/s;
// latency = the sink's record timestamp (set by Flink's producer when it sends) − the input record's timestamp.
package io.streamcanvas.runner.kafka;

import io.streamcanvas.runner.KafkaBroker;
import io.streamcanvas.runner.cluster.EmbeddedCluster;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

final class KafkaLatency {
  static final int RATE = 1000;
  static final int MESSAGES = 15_000;
  static final int SKIP = 3_000; // start-up: the job's first fetches, the TS worker's start, JIT
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private KafkaLatency() {}

  static void run(EmbeddedCluster cluster) throws Exception {
    System.out.printf("latency at %,d messages/s (%,d messages, first %,d skipped), input record timestamp → sink record timestamp:%n",
        RATE, MESSAGES, SKIP);
    int round = 0;
    for (String mode : List.of("java", "ts")) {
      long[] ms = measure(cluster, mode, round++);
      System.out.printf("(%s) %-15s p50 %5d ms   p99 %5d ms   max %5d ms%n", mode.equals("java") ? "a" : "b",
          mode.equals("java") ? "Java map" : "TypeScript map", pct(ms, 50), pct(ms, 99), ms[ms.length - 1]);
    }
  }

  /** Starts the job reading only new messages, feeds it at RATE, reads the output back; latencies in ms, sorted. */
  private static long[] measure(EmbeddedCluster cluster, String mode, int round) throws Exception {
    String in = "bench-lat-in-" + round, out = "bench-lat-out-" + round;
    KafkaBench.createTopics(in, out);
    KafkaBench.Envs e = KafkaBench.envs(cluster);
    Table src = e.tEnv().from(KafkaBench.kafka(in).option("scan.startup.mode", "earliest-offset").build());
    TableResult r = KafkaBench.mapped(e, mode, src).insertInto(KafkaBench.kafka(out).option("sink.delivery-guarantee", "at-least-once").build()).execute();
    JobClient job = r.getJobClient().orElseThrow();
    awaitRunning(job);
    long[] sentAt = new long[MESSAGES];
    long[] lat = new long[MESSAGES];
    Arrays.fill(lat, -1);
    try (KafkaConsumer<String, String> c = consumer()) {
      TopicPartition tp = new TopicPartition(out, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      Thread feed = new Thread(() -> {
        try {
          BenchProducer.steady(in, MESSAGES, RATE, sentAt);
        } catch (Exception ex) {
          throw new RuntimeException(ex);
        }
      }, "bench-feed");
      feed.start();
      int got = 0;
      long deadline = System.currentTimeMillis() + MESSAGES * 1000L / RATE + 60_000;
      while (got < MESSAGES && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> rec : c.poll(Duration.ofMillis(200))) {
          Matcher m = ID.matcher(rec.value());
          if (!m.find()) continue;
          int id = Integer.parseInt(m.group(1));
          if (id < MESSAGES && lat[id] < 0) {
            lat[id] = rec.timestamp();
            got++;
          }
        }
      }
      feed.join();
      if (got < MESSAGES) throw new IllegalStateException("only " + got + " of " + MESSAGES + " messages came out");
    } finally {
      job.cancel().get();
    }
    long[] ms = new long[MESSAGES - SKIP];
    for (int i = SKIP; i < MESSAGES; i++) ms[i - SKIP] = lat[i] - sentAt[i];
    Arrays.sort(ms);
    return ms;
  }

  /** The job's tasks running and its reader given the partition, so start-up never counts as latency beyond SKIP. */
  private static void awaitRunning(JobClient job) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (job.getJobStatus().get() != org.apache.flink.api.common.JobStatus.RUNNING) {
      if (System.currentTimeMillis() > deadline) throw new IllegalStateException("the latency job did not start");
      Thread.sleep(100);
    }
    Thread.sleep(2_000);
  }

  private static KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrap(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"));
  }

  static long pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
  }
}
