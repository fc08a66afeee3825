// The Kafka node kinds' IR on the MiniCluster against the real test broker: the kafka-source golden fixture reads keyed
// JSON messages with metadata columns and skips a bad one; a descriptor's connection is resolved by the runner, one not
// given is refused naming node and connection, client properties from a program are refused, secrets never reach an
// error; a bad message fails the job naming topic, partition, offset and its first 200 bytes, or is skipped.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import io.streamcanvas.runner.job.SubmissionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({SharedCluster.class, KafkaBroker.class})
class KafkaNodesITCase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path FIXTURES = Path.of("../pipeline/fixtures");

  static ObjectNode fixture(String name) throws Exception {
    return (ObjectNode) JSON.readTree(Files.readString(FIXTURES.resolve(name + ".ir.json")));
  }

  /** The values of collect sink `sink`, each row's JSON array text, sorted; only the first `columns` values. */
  static List<String> rows(RunningJob job, String sink, int columns) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : job.toJson(true).get("sinks").get(sink).get("rows")) {
      List<String> v = new ArrayList<>();
      for (int i = 0; i < columns; i++) v.add(r.get("values").get(i).toString());
      out.add(r.get("kind").asText() + v);
    }
    return out.stream().sorted().toList();
  }

  @Test
  void the_kafka_source_fixture_reads_keyed_json_with_metadata_and_skips_a_bad_message() throws Exception {
    KafkaTopics.create("orders", 2);
    KafkaTopics.write("orders", List.of(
        new Object[] {0, "{\"id\":1}", "{\"customer\":\"Zoë\",\"amount\":12.50}"},
        new Object[] {0, "{\"id\":2}", "{\"customer\":\"small\",\"amount\":3.00}"},
        new Object[] {0, "{\"id\":3}", "not json at all"},
        new Object[] {1, "{\"id\":4}", "{\"id\":99,\"customer\":\"名前\",\"amount\":100.00}"}));
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(fixture("kafka-source")), KafkaTopics.connection("orders-kafka"));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 90_000), () -> job.toJson(true).toPrettyString());
    // id, customer, amount, kafka_partition, kafka_offset: id from the key only (EXCEPT_KEY: the value's 99 is not a
    // column of it); the bad message became a row of NULLs (ignore-parse-errors), which the filter drops
    assertEquals(List.of(
        "+I[\"1\", \"Zoë\", \"12.50\", 0, \"0\"]",
        "+I[\"4\", \"名前\", \"100.00\", 1, \"0\"]"), rows(job, "rows", 5));
  }

  @Test
  void a_connection_not_given_is_refused_naming_the_node_and_the_connection() throws Exception {
    var e = assertThrows(SubmissionException.class,
        () -> SharedCluster.submitter().submit(IrReader.read(fixture("kafka-source")), Map.of()));
    assertEquals("orders", e.node());
    assertTrue(e.getMessage().contains("\"orders\"") && e.getMessage().contains("connection \"orders-kafka\" was not given"), e.getMessage());
  }

  @Test
  void client_properties_from_a_program_are_refused() throws Exception {
    ObjectNode p = fixture("kafka-source");
    ((ObjectNode) p.get("statements").get(0).get("descriptor").get("options")).put("properties.bootstrap.servers", "elsewhere:9092");
    var e = assertThrows(SubmissionException.class,
        () -> SharedCluster.submitter().submit(IrReader.read(p), KafkaTopics.connection("orders-kafka")));
    assertTrue(e.getMessage().contains("kafka option \"properties.bootstrap.servers\" is not allowed"), e.getMessage());
  }

  @Test
  void a_connection_secret_never_reaches_an_error() throws Exception {
    String password = "s3cr3t-Pa55word-" + System.nanoTime();
    String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" password=\"" + password + "\";";
    var connections = Map.of("orders-kafka", new Connection("kafka", Map.of("bootstrap.servers", KafkaBroker.bootstrap(),
        "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-256", "sasl.jaas.config", jaas,
        "ssl.truststore.password", password)));
    ObjectNode p = fixture("kafka-source");
    // an option value Flink refuses: its error lists the table's options, the connection's among them
    ((ObjectNode) p.get("statements").get(0).get("descriptor").get("options")).put("scan.startup.mode", "bogus-mode");
    var e = assertThrows(SubmissionException.class, () -> SharedCluster.submitter().submit(IrReader.read(p), connections));
    String all = e.getMessage() + "\n" + e.rootCause();
    assertTrue(all.contains("bogus-mode"), all);
    assertFalse(all.contains(password), all);
    assertFalse(all.contains("s3cr3t"), all);
  }

  /** A bounded json kafka source on `topic` into collect "rows"; `skip` = the bad-message policy skip. */
  static String jsonSource(String topic, boolean skip) {
    return """
        {"irVersion": 1, "name": "bad messages", "statements": [
          {"op": "from", "table": "src", "descriptor": {"connector": "kafka", "connection": "k",
            "schema": [{"name": "id", "type": "BIGINT"}, {"name": "name", "type": "STRING"}],
            "options": {"topic": "%s", "value.format": "json", %s"scan.startup.mode": "earliest-offset", "scan.bounded.mode": "latest-offset"}}},
          {"op": "collect", "sink": "rows", "input": "src", "maxRows": 100}]}
        """.formatted(topic, skip ? "\"value.json.ignore-parse-errors\": \"true\", " : "");
  }

  static final String LONG_BAD = "{\"id\": 3, \"name\": \"" + "x".repeat(250) + " <- never closed";

  static void writeWithABadMessage(String topic) throws Exception {
    KafkaTopics.create(topic, 2);
    KafkaTopics.write(topic, List.of(new Object[] {1, null, "{\"id\":1,\"name\":\"a\"}"}, new Object[] {0, null, "{\"id\":2,\"name\":\"b\"}"},
        new Object[] {0, null, "{\"id\":4,\"name\":\"d\"}"}, new Object[] {0, null, LONG_BAD}, new Object[] {1, null, "{\"id\":5,\"name\":\"e\"}"}));
  }

  @Test
  void a_bad_message_under_the_fail_policy_fails_the_job_naming_topic_partition_offset_and_its_first_200_bytes() throws Exception {
    writeWithABadMessage("bad-fail");
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(jsonSource("bad-fail", false)), KafkaTopics.connection("k"));
    assertEquals(JobStatus.FAILED, Jobs.awaitTerminal(job, 90_000), () -> job.toJson(true).toPrettyString());
    String cause = job.toJson(false).get("error").get("rootCause").asText();
    String first200 = new String(LONG_BAD.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 200, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(cause.startsWith("kafka source \"src\" cannot read the message at topic \"bad-fail\", partition 0, offset 2 as json: \""
        + first200 + "\" (first 200 of " + LONG_BAD.length() + " bytes) — "), cause);
  }

  @Test
  void a_bad_message_under_the_skip_policy_is_dropped_and_the_rest_arrive() throws Exception {
    writeWithABadMessage("bad-skip");
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(jsonSource("bad-skip", true)), KafkaTopics.connection("k"));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 90_000), () -> job.toJson(true).toPrettyString());
    assertEquals(List.of("+I[\"1\", \"a\"]", "+I[\"2\", \"b\"]", "+I[\"4\", \"d\"]", "+I[\"5\", \"e\"]"), rows(job, "rows", 2));
  }

  @Test
  void the_kafka_avro_fixture_reads_messages_written_with_the_users_avro_schema() throws Exception {
    JsonNode graph = JSON.readTree(FIXTURES.resolve("kafka-avro.graph.json").toFile());
    org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(graph.get("nodes").get(0).get("config").get("avroSchema").asText());
    org.apache.avro.Schema ship = schema.getField("ship").schema().getTypes().get(1);
    var one = new org.apache.avro.generic.GenericData.Record(schema);
    one.put("id", 1L);
    one.put("customer", "Zoë");
    one.put("amount", java.nio.ByteBuffer.wrap(new java.math.BigDecimal("12.50").unscaledValue().toByteArray()));
    one.put("at", 1704103200000L); // 2024-01-01 10:00:00 UTC
    one.put("tags", List.of("a", "b"));
    var city = new org.apache.avro.generic.GenericData.Record(ship);
    city.put("city", "Oslo");
    one.put("ship", city);
    var two = new org.apache.avro.generic.GenericData.Record(schema);
    two.put("id", 2L);
    two.put("customer", null);
    two.put("amount", java.nio.ByteBuffer.wrap(new java.math.BigDecimal("-0.05").unscaledValue().toByteArray()));
    two.put("at", 1704103201500L);
    two.put("tags", List.of());
    two.put("ship", null);
    KafkaTopics.create("avro-orders", 1);
    KafkaTopics.writeBytes("avro-orders", List.of(avro(schema, one), avro(schema, two)));
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(fixture("kafka-avro")), KafkaTopics.connection("orders-kafka"));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 90_000), () -> job.toJson(true).toPrettyString());
    assertEquals(List.of(
        "+I[\"1\", \"Zoë\", \"12.50\", \"2024-01-01T10:00:00.000\", [\"a\",\"b\"], {\"city\":\"Oslo\"}]",
        "+I[\"2\", null, \"-0.05\", \"2024-01-01T10:00:01.500\", [], null]"), rows(job, "rows", 6));
  }

  static byte[] avro(org.apache.avro.Schema schema, org.apache.avro.generic.GenericRecord r) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    var encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
    new org.apache.avro.generic.GenericDatumWriter<org.apache.avro.generic.GenericRecord>(schema).write(r, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Test
  void topic_and_headers_metadata_columns_read_the_records_topic_and_its_headers_as_text() throws Exception {
    KafkaTopics.create("with-headers", 1);
    java.util.Properties p = new java.util.Properties();
    p.put("bootstrap.servers", KafkaBroker.bootstrap());
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(p,
        new org.apache.kafka.common.serialization.ByteArraySerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      var record = new org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]>("with-headers", 0, null,
          "{\"id\":7}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      record.headers().add("trace", "abc-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      producer.send(record).get();
    }
    // the kafka-source kind's KAFKA_METADATA columns for topic and headers
    String program = """
        {"irVersion": 1, "name": "headers", "statements": [
          {"op": "from", "table": "src", "descriptor": {"connector": "kafka", "connection": "k",
            "schema": [{"name": "id", "type": "BIGINT"}],
            "metadata": [{"name": "kafka_topic", "type": "STRING NOT NULL", "key": "topic"},
                         {"name": "kafka_headers", "type": "MAP<STRING, STRING> NOT NULL", "key": "headers"}],
            "options": {"topic": "with-headers", "value.format": "json", "scan.startup.mode": "earliest-offset", "scan.bounded.mode": "latest-offset"}}},
          {"op": "collect", "sink": "rows", "input": "src", "maxRows": 100}]}
        """;
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(program), KafkaTopics.connection("k"));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 90_000), () -> job.toJson(true).toPrettyString());
    assertEquals(List.of("+I[\"7\", \"with-headers\", [[\"trace\",\"abc-1\"]]]"), rows(job, "rows", 3));
  }
}
