// The Kafka sinks' IR on the MiniCluster against the real test broker: the kafka-sinks fixture writes exactly its rows
// (read back read_committed) and an upsert topic whose final table is the group aggregate's; the kafka-changelog
// fixture's debezium-json updates and deletes, through a group aggregate into upsert-kafka, end as the table Flink SQL
// gives for the same query, and written to a plain Kafka sink as debezium-json change messages they end as that table too.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({SharedCluster.class, KafkaBroker.class})
class KafkaSinksITCase {
  /** The fixture with checkpoints every 300 ms (the run settings the server would apply). */
  static ObjectNode withCheckpoints(String fixture) throws Exception {
    ObjectNode p = KafkaNodesITCase.fixture(fixture);
    p.putObject("config").put("execution.checkpointing.interval", "300 ms");
    return p;
  }

  /** key → value after every message in order: an upsert topic's final table (a null value deletes its key). */
  static Map<String, String> finalTable(List<String> keyValues) {
    Map<String, String> table = new TreeMap<>();
    for (String kv : keyValues) {
      String[] parts = kv.split("\\|", 2);
      if (parts[1].equals("null")) table.remove(parts[0]);
      else table.put(parts[0], parts[1]);
    }
    return table;
  }

  @Test
  void the_kafka_sinks_fixture_writes_its_rows_exactly_once_and_an_upsert_topic_of_final_totals() throws Exception {
    KafkaTopics.create("big-orders", 2);
    KafkaTopics.create("customer-totals", 1);
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(withCheckpoints("kafka-sinks")), KafkaTopics.connection("orders-kafka"));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 120_000), () -> job.toJson(true).toPrettyString());
    assertEquals(List.of(
        "{\"id\":1}|{\"id\":1,\"customer\":\"ann\",\"amount\":12.50}",
        "{\"id\":3}|{\"id\":3,\"customer\":\"ann\",\"amount\":100.00}"),
        KafkaTopics.read("big-orders", true).stream().sorted().toList());
    assertEquals(Map.of(
        "{\"customer\":\"ann\"}", "{\"customer\":\"ann\",\"total\":112.50,\"orders\":2}",
        "{\"customer\":\"bob\"}", "{\"customer\":\"bob\",\"total\":3.00,\"orders\":1}"),
        finalTable(KafkaTopics.read("customer-totals", false)));
  }

  static String debezium(String op, String before, String after) {
    return "{\"before\":" + before + ",\"after\":" + after + ",\"op\":\"" + op + "\"}";
  }

  @Test
  void debezium_updates_and_deletes_through_a_group_aggregate_end_as_flink_sqls_final_table() throws Exception {
    KafkaTopics.create("accounts", 1);
    KafkaTopics.create("owner-totals", 1);
    KafkaTopics.create("owner-changes", 1);
    String a1 = "{\"id\":1,\"owner\":\"ann\",\"balance\":50.00,\"updated\":\"2024-01-01 10:00:00\"}";
    String a1b = "{\"id\":1,\"owner\":\"ann\",\"balance\":150.00,\"updated\":\"2024-01-01 10:00:30\"}";
    String b2 = "{\"id\":2,\"owner\":\"bob\",\"balance\":70.00,\"updated\":\"2024-01-01 10:00:10\"}";
    String a3 = "{\"id\":3,\"owner\":\"ann\",\"balance\":30.00,\"updated\":\"2024-01-01 10:01:05\"}";
    String c4 = "{\"id\":4,\"owner\":\"cy\",\"balance\":500.00,\"updated\":\"2024-01-01 10:01:10\"}";
    String c4b = "{\"id\":4,\"owner\":\"dee\",\"balance\":500.00,\"updated\":\"2024-01-01 10:01:20\"}";
    List<Object[]> messages = new ArrayList<>();
    for (String m : List.of(debezium("c", "null", a1), debezium("c", "null", b2), debezium("u", a1, a1b), debezium("d", b2, "null"),
        debezium("c", "null", a3), debezium("c", "null", c4), debezium("u", c4, c4b))) {
      messages.add(new Object[] {0, null, m});
    }
    KafkaTopics.write("accounts", messages);
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(withCheckpoints("kafka-changelog")), KafkaTopics.connection("orders-kafka"));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 120_000), () -> job.toJson(true).toPrettyString());
    Map<String, String> written = finalTable(KafkaTopics.read("owner-totals", false));
    assertEquals(flinkSqlTotals(), written);
    // and what that is: bob's only account was deleted (a tombstone), cy's moved to dee
    assertEquals(Map.of("{\"owner\":\"ann\"}", "{\"owner\":\"ann\",\"total\":180.00}",
        "{\"owner\":\"dee\"}", "{\"owner\":\"dee\",\"total\":500.00}"), written);
    // the same updating totals into a plain Kafka sink as debezium-json change messages: applied in order, the same table
    assertEquals(written, appliedDebezium(KafkaTopics.read("owner-changes", false)));
  }

  /** Debezium change messages applied in order (c: the after image in, d: the before image out), keyed by owner. */
  static Map<String, String> appliedDebezium(List<String> keyValues) {
    var image = java.util.regex.Pattern.compile("\"(before|after)\":(\\{\"owner\":\"(\\w+)\",\"total\":[0-9.]+\\})");
    Map<String, String> table = new TreeMap<>();
    for (String kv : keyValues) {
      String op = kv.substring(kv.indexOf("\"op\":\"") + 6, kv.indexOf("\"op\":\"") + 7);
      var m = image.matcher(kv);
      if (!m.find() || !(op.equals("c") || op.equals("d"))) throw new AssertionError("not a debezium-json change of one owner: " + kv);
      String key = "{\"owner\":\"" + m.group(3) + "\"}";
      if (op.equals("c")) table.put(key, m.group(2));
      else table.remove(key);
    }
    return table;
  }

  /** SELECT owner, SUM(balance) … GROUP BY owner in Flink SQL over the same topic, its changelog applied. */
  static Map<String, String> flinkSqlTotals() throws Exception {
    var cluster = SharedCluster.cluster();
    Configuration conf = new Configuration();
    conf.setString("parallelism.default", "1");
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(
        StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig(conf)));
    tEnv.executeSql("CREATE TEMPORARY TABLE acc (id BIGINT, owner STRING, balance DECIMAL(10, 2), updated TIMESTAMP(3)) WITH ("
        + "'connector' = 'kafka', 'topic' = 'accounts', 'properties.bootstrap.servers' = '" + KafkaBroker.bootstrap() + "', "
        + "'value.format' = 'debezium-json', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')");
    Map<String, String> table = new TreeMap<>();
    try (CloseableIterator<Row> it = tEnv.executeSql("SELECT owner, SUM(balance) AS total FROM acc GROUP BY owner").collect()) {
      while (it.hasNext()) {
        Row r = it.next();
        String key = "{\"owner\":\"" + r.getField(0) + "\"}";
        switch (r.getKind()) {
          case INSERT, UPDATE_AFTER -> table.put(key, "{\"owner\":\"" + r.getField(0) + "\",\"total\":" + r.getField(1) + "}");
          default -> table.remove(key);
        }
      }
    }
    return table;
  }
}
