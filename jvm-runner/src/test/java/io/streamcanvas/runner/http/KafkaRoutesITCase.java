// POST /kafka/sample and /kafka/offsets against the real test broker: the latest N messages per partition exactly, text
// or base64, headers, an equal share under `max`, committed transactions only, no consumer group left behind, and
// errors (unknown topic, unreachable broker, bad request) that say what is wrong and never show a secret.
package io.streamcanvas.runner.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.KafkaBroker;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
class KafkaRoutesITCase {
  static final String TOPIC = "sample-clicks";

  @BeforeAll
  static void topics() throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(3), Optional.empty()), new NewTopic("sample-tx", Optional.of(1), Optional.empty()),
          new NewTopic("sample-other", Optional.of(1), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<byte[], byte[]> p = producer(Map.of())) {
      for (int i = 0; i < 150; i++) {
        var r = new ProducerRecord<>(TOPIC, 0, 1_700_000_000_000L + i, ("u" + i).getBytes(StandardCharsets.UTF_8),
            ("{\"user\":\"u" + i + "\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        if (i == 149) r.headers().add("source", "web".getBytes(StandardCharsets.UTF_8)).add("bin", new byte[] {(byte) 0xff, 0});
        p.send(r);
      }
      for (int i = 0; i < 4; i++) p.send(new ProducerRecord<>(TOPIC, 1, null, ("Zoë " + i).getBytes(StandardCharsets.UTF_8)));
      p.send(new ProducerRecord<>(TOPIC, 1, null, new byte[] {(byte) 0xc3, (byte) 0x28, 1, 2})); // not UTF-8
      p.send(new ProducerRecord<>("sample-other", 0, null, "x".getBytes(StandardCharsets.UTF_8)));
      p.flush();
    }
    // a committed and an aborted transaction: the sample shows only the committed message and still finishes
    try (KafkaProducer<byte[], byte[]> p = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "sample-tx-1"))) {
      p.initTransactions();
      p.beginTransaction();
      p.send(new ProducerRecord<>("sample-tx", 0, null, "kept".getBytes(StandardCharsets.UTF_8)));
      p.commitTransaction();
      p.beginTransaction();
      p.send(new ProducerRecord<>("sample-tx", 0, null, "aborted".getBytes(StandardCharsets.UTF_8)));
      p.flush();
      p.abortTransaction();
    }
  }

  static KafkaProducer<byte[], byte[]> producer(Map<String, Object> extra) {
    Map<String, Object> c = new java.util.HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrap(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    c.putAll(extra);
    return new KafkaProducer<>(c);
  }

  static ObjectNode body(Map<String, String> properties) {
    ObjectNode b = ControlServer.JSON.createObjectNode();
    ObjectNode p = b.putObject("properties");
    properties.forEach(p::put);
    return b;
  }

  static ObjectNode body() {
    return body(Map.of("bootstrap.servers", KafkaBroker.bootstrap()));
  }

  static JsonNode sample(ObjectNode body) throws Exception {
    return KafkaRoutes.handle("POST", "/kafka/sample", body);
  }

  static List<String> offsetsOf(JsonNode answer, int partition) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : answer.get("messages")) if (m.get("partition").asInt() == partition) out.add(m.get("offset").asText());
    return out;
  }

  @Test
  void reads_the_latest_messages_of_each_partition_with_key_value_timestamp_and_headers() throws Exception {
    ObjectNode b = body();
    b.putArray("topics").add(TOPIC);
    JsonNode a = sample(b);
    assertTrue(a.get("complete").asBoolean());
    List<String> p0 = offsetsOf(a, 0);
    assertEquals(100, p0.size());
    assertEquals("50", p0.get(0));
    assertEquals("149", p0.get(99));
    assertEquals(List.of("0", "1", "2", "3", "4"), offsetsOf(a, 1));
    assertEquals(105, a.get("messages").size());

    JsonNode last = a.get("messages").get(99);
    assertEquals("{\"user\":\"u149\",\"n\":149}", last.get("value").get("text").asText());
    assertEquals("u149", last.get("key").get("text").asText());
    assertEquals(1_700_000_000_149L, last.get("timestamp").asLong());
    assertEquals("CreateTime", last.get("timestampType").asText());
    assertEquals("{\"key\":\"source\",\"value\":{\"text\":\"web\"}}", last.get("headers").get(0).toString());
    assertEquals("{\"key\":\"bin\",\"value\":{\"base64\":\"/wA=\"}}", last.get("headers").get(1).toString());

    JsonNode zoe = a.get("messages").get(100);
    assertTrue(zoe.get("key").isNull());
    assertEquals("Zoë 0", zoe.get("value").get("text").asText());
    assertEquals("{\"base64\":\"wygBAg==\"}", a.get("messages").get(104).get("value").toString());

    assertEquals("{\"topic\":\"sample-clicks\",\"partition\":0,\"earliest\":0,\"latest\":150,\"from\":50,\"read\":100}", a.get("partitions").get(0).toString());
    assertEquals("{\"topic\":\"sample-clicks\",\"partition\":2,\"earliest\":0,\"latest\":0,\"from\":0,\"read\":0}", a.get("partitions").get(2).toString());
  }

  @Test
  void max_shares_the_sample_equally_and_a_small_partition_leaves_its_rest_to_the_others() throws Exception {
    ObjectNode b = body().put("maxPerPartition", 10).put("max", 12);
    b.putArray("topics").add(TOPIC);
    JsonNode a = sample(b);
    assertEquals(List.of("143", "144", "145", "146", "147", "148", "149"), offsetsOf(a, 0));
    assertEquals(List.of("0", "1", "2", "3", "4"), offsetsOf(a, 1));
  }

  @Test
  void a_pattern_selects_topics_by_whole_name_and_internal_topics_never() throws Exception {
    ObjectNode b = body().put("pattern", "sample-(other|tx)").put("maxPerPartition", 5);
    JsonNode a = sample(b);
    List<String> values = new ArrayList<>();
    for (JsonNode m : a.get("messages")) values.add(m.get("topic").asText() + ":" + m.get("value").get("text").asText());
    assertEquals(List.of("sample-other:x", "sample-tx:kept"), values, "the aborted message is never shown");
    assertTrue(a.get("complete").asBoolean(), "the transaction markers end the partition as well");
    assertEquals(404, assertThrows(ControlServer.HttpError.class, () -> sample(body().put("pattern", "nothing-.*"))).status);
  }

  @Test
  void a_sample_joins_no_consumer_group_and_writes_nothing() throws Exception {
    ObjectNode b = body(Map.of("bootstrap.servers", KafkaBroker.bootstrap(), "group.id", "should-not-appear"));
    b.putArray("topics").add(TOPIC);
    sample(b);
    try (Admin admin = KafkaBroker.admin()) {
      assertEquals(List.of(), admin.listGroups().all().get(10, TimeUnit.SECONDS).stream().map(g -> g.groupId()).toList());
    }
    JsonNode offsets = KafkaRoutes.handle("POST", "/kafka/offsets", body().put("pattern", "sample-clicks"));
    assertEquals("[{\"topic\":\"sample-clicks\",\"partition\":0,\"earliest\":0,\"latest\":150},"
        + "{\"topic\":\"sample-clicks\",\"partition\":1,\"earliest\":0,\"latest\":5},"
        + "{\"topic\":\"sample-clicks\",\"partition\":2,\"earliest\":0,\"latest\":0}]", offsets.get("partitions").toString());
  }

  @Test
  void an_unknown_topic_is_named() throws Exception {
    ObjectNode b = body();
    b.putArray("topics").add("no-such-topic");
    var e = assertThrows(ControlServer.HttpError.class, () -> sample(b));
    assertEquals(404, e.status);
    assertEquals("topic \"no-such-topic\" does not exist on the cluster", e.getMessage());
  }

  @Test
  void an_unreachable_broker_is_said_within_the_deadline_and_no_secret_appears() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String secret = "pa55-w0rd-do-not-show";
    ObjectNode b = body(Map.of("bootstrap.servers", "127.0.0.1:" + port, "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
        "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"" + secret + "\";"))
        .put("timeoutMs", 2000);
    b.putArray("topics").add(TOPIC);
    long t0 = System.nanoTime();
    var e = assertThrows(ControlServer.HttpError.class, () -> sample(b));
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(15), "answers near its deadline");
    assertEquals(504, e.status);
    assertEquals("could not reach the Kafka cluster at 127.0.0.1:" + port + " within 2 s (is the broker up, and bootstrap.servers and the security settings right?)", e.getMessage());

    // a property Kafka refuses whose message would quote it: the secret is hidden
    ObjectNode bad = body(Map.of("bootstrap.servers", KafkaBroker.bootstrap(), "ssl.keystore.password", secret,
        "security.protocol", "SSL", "ssl.keystore.location", "/nonexistent/" + secret + ".jks"));
    bad.putArray("topics").add(TOPIC);
    var e2 = assertThrows(ControlServer.HttpError.class, () -> sample(bad));
    assertFalse(e2.getMessage().contains(secret), e2.getMessage());
    assertTrue(e2.getMessage().contains(io.streamcanvas.runner.job.SecretScrubber.HIDDEN), e2.getMessage());
  }

  @Test
  void bad_requests_say_which_field() throws Exception {
    assertEquals("properties: bootstrap.servers is missing",
        assertThrows(ControlServer.HttpError.class, () -> sample(body(Map.of()).put("pattern", "x"))).getMessage());
    assertEquals("give either topics (a list of names) or pattern (a regular expression)",
        assertThrows(ControlServer.HttpError.class, () -> sample(body())).getMessage());
    assertEquals("pattern: Unclosed group at index 2",
        assertThrows(ControlServer.HttpError.class, () -> sample(body().put("pattern", "(a"))).getMessage());
    ObjectNode b = body().put("maxPerPartition", 0);
    b.putArray("topics").add(TOPIC);
    assertEquals("maxPerPartition: expected a whole number from 1 to 10000", assertThrows(ControlServer.HttpError.class, () -> sample(b)).getMessage());
    assertEquals(405, assertThrows(ControlServer.HttpError.class, () -> KafkaRoutes.handle("GET", "/kafka/sample", null)).status);
  }
}
