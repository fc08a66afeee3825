// bench:kafka's messages: JSON {"id":n,"s":"…"} of about 100 bytes, written fast (batched, acks=1) or at a steady rate
// with each record's CreateTime kept for the latency measurement.
package io.streamcanvas.runner.kafka;

import io.streamcanvas.runner.KafkaBroker;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

final class BenchProducer {
  private static final String TEXT = "The Quick Brown Fox Jumps Over The Lazy Dog While StreamCanvas Counts Every Row ";

  private BenchProducer() {}

  static String message(long id) {
    return "{\"id\":" + id + ",\"s\":\"" + TEXT + (id % 100_000) + "\"}";
  }

  static KafkaProducer<String, String> producer(boolean fast) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrap(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.ACKS_CONFIG, fast ? "1" : "all", ProducerConfig.LINGER_MS_CONFIG, fast ? "20" : "0",
        ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(fast ? 512 * 1024 : 16 * 1024)));
  }

  /** Writes `n` messages to partition 0 of `topic` as fast as the broker takes them. */
  static void fill(String topic, int n) throws Exception {
    try (KafkaProducer<String, String> p = producer(true)) {
      for (int i = 0; i < n; i++) p.send(new ProducerRecord<>(topic, 0, null, message(i)));
      p.flush();
    }
  }

  /** Writes `n` messages at `perSecond`, stamping each with the wall clock; `sentAt[id]` = that record's timestamp. */
  static void steady(String topic, int n, int perSecond, long[] sentAt) throws Exception {
    try (KafkaProducer<String, String> p = producer(false)) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long due = start + TimeUnit.SECONDS.toNanos(1) * i / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        long now = System.currentTimeMillis();
        sentAt[i] = now;
        p.send(new ProducerRecord<>(topic, 0, now, null, message(i)));
      }
      p.flush();
    }
  }
}
