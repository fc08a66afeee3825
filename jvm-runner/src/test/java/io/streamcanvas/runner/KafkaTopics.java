// Test helpers on the test broker: create a topic, write keyed messages, read a topic back (read_committed or not).
package io.streamcanvas.runner;

import io.streamcanvas.runner.ir.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

final class KafkaTopics {
  private KafkaTopics() {}

  /** The test broker as a connection, as the server hands one over with a submission. */
  static Map<String, Connection> connection(String name) {
    return Map.of(name, new Connection("kafka", Map.of("bootstrap.servers", KafkaBroker.bootstrap())));
  }

  static void create(String topic, int partitions) throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
    }
  }

  /** Writes [partition, key, value] messages (key may be null), in order. */
  static void write(String topic, List<Object[]> messages) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", KafkaBroker.bootstrap());
    try (var producer = new KafkaProducer<byte[], byte[]>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Object[] m : messages) {
        byte[] key = m[1] == null ? null : ((String) m[1]).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, (Integer) m[0], key, ((String) m[2]).getBytes(StandardCharsets.UTF_8))).get();
      }
    }
  }

  /** Writes unkeyed binary values to partition 0, in order. */
  static void writeBytes(String topic, List<byte[]> values) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", KafkaBroker.bootstrap());
    try (var producer = new KafkaProducer<byte[], byte[]>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] v : values) producer.send(new ProducerRecord<>(topic, 0, null, v)).get();
    }
  }

  /** Every record of the topic as "key|value" text, up to its end offsets; read_committed skips aborted transactions. */
  static List<String> read(String topic, boolean readCommitted) {
    Properties p = new Properties();
    p.put("bootstrap.servers", KafkaBroker.bootstrap());
    p.put("isolation.level", readCommitted ? "read_committed" : "read_uncommitted");
    List<String> out = new ArrayList<>();
    try (var consumer = new KafkaConsumer<byte[], byte[]>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 30_000;
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          String k = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
          out.add(k + "|" + (r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8)));
        }
      }
    }
    return out;
  }
}
