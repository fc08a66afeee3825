// Where a preview's Kafka source starts (LatestStart, behind streamcanvas.scan.latest-per-partition) against the real
// test broker: exact offsets per partition for one topic, the earliest timestamp among the latest N for several, the
// latest offset when empty, and a missing topic named.
package io.streamcanvas.runner.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streamcanvas.runner.KafkaBroker;
import io.streamcanvas.runner.kafka.TopicPartitions.Selection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBroker.class)
class LatestStartITCase {
  static KafkaClientConfig config;

  @BeforeAll
  static void topics() throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new NewTopic("ls-one", Optional.of(2), Optional.empty()), new NewTopic("ls-two", Optional.of(1), Optional.empty()),
          new NewTopic("ls-empty", Optional.of(1), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrap(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
      byte[] v = "{}".getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 250; i++) p.send(new ProducerRecord<>("ls-one", 0, 1_000L + i, null, v));
      for (int i = 0; i < 30; i++) p.send(new ProducerRecord<>("ls-one", 1, 5_000L + i, null, v));
      for (int i = 0; i < 10; i++) p.send(new ProducerRecord<>("ls-two", 0, 900L + i, null, v));
      p.flush();
    }
    config = KafkaClientConfig.fromMap(Map.of("bootstrap.servers", KafkaBroker.bootstrap()));
  }

  @Test
  void one_topic_starts_at_exact_offsets_n_before_each_partitions_end() throws Exception {
    assertEquals(Map.of("scan.startup.mode", "specific-offsets", "scan.startup.specific-offsets", "partition:0,offset:150;partition:1,offset:0"),
        LatestStart.options(config, new Selection(List.of("ls-one"), null), 100));
  }

  @Test
  void several_topics_start_at_the_earliest_timestamp_among_their_latest_n() throws Exception {
    // ls-one p0 from offset 240 (t=1240), p1 from 20 (t=5020), ls-two from 0 (t=900): the earliest is 900
    assertEquals(Map.of("scan.startup.mode", "timestamp", "scan.startup.timestamp-millis", "900"),
        LatestStart.options(config, new Selection(null, Pattern.compile("ls-(one|two)")), 10));
    assertEquals(Map.of("scan.startup.mode", "latest-offset"), LatestStart.options(config, new Selection(null, Pattern.compile("ls-empty")), 10));
  }

  @Test
  void a_missing_topic_is_named() {
    var e = assertThrows(KafkaErrors.KafkaRequestException.class, () -> LatestStart.options(config, new Selection(List.of("ls-nope"), null), 10));
    assertEquals("topic \"ls-nope\" does not exist on the cluster", e.getMessage());
  }
}
