// Flink's own Kafka connector on the MiniCluster through the Table API, against the real test broker: rows written with
// the `kafka` connector (json) are read back, exactly, by a bounded `kafka` source (scan.bounded.mode = latest-offset).
// Versions proven here: flink-connector-kafka 5.0.0-2.2 (built for Flink 2.2) runs on the runner's Flink 2.3.0, with the
// kafka-clients 4.2.0 it brings, against a kafka_2.13 4.2.0 broker in KRaft mode.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({SharedCluster.class, KafkaBroker.class})
class KafkaITCase {
  static final DataType ROW = DataTypes.ROW(DataTypes.FIELD("id", DataTypes.BIGINT()),
      DataTypes.FIELD("name", DataTypes.STRING()), DataTypes.FIELD("amount", DataTypes.DECIMAL(10, 2)));
  static final Schema SCHEMA = Schema.newBuilder().fromRowDataType(ROW).build();

  /** A kafka descriptor as the runner will build it: connector, schema, string options. */
  static TableDescriptor.Builder kafka(String topic) {
    return TableDescriptor.forConnector("kafka").schema(SCHEMA).option("topic", topic)
        .option("properties.bootstrap.servers", KafkaBroker.bootstrap()).option("format", "json");
  }

  static StreamTableEnvironment tableEnv() {
    Configuration conf = new Configuration();
    conf.setString("parallelism.default", "1");
    conf.setString("restart-strategy.type", "none");
    var cluster = SharedCluster.cluster();
    return StreamTableEnvironment.create(StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig(conf)));
  }

  @Test
  void rows_written_to_a_topic_are_read_back_exactly_by_a_bounded_source() throws Exception {
    String topic = "orders-roundtrip";
    // two partitions: unkeyed rows may all land in one, and the bounded read must still end on the empty one
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, Optional.of(2), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
    }
    StreamTableEnvironment tEnv = tableEnv();
    tEnv.fromValues(ROW,
            Row.of(1L, "Zoë \"Z\" Müller", new BigDecimal("12.50")),
            Row.of(2L, null, new BigDecimal("0.01")),
            Row.of(3L, "名前, with a comma", null))
        .insertInto(kafka(topic).option("sink.delivery-guarantee", "at-least-once").build())
        .execute().await(90, TimeUnit.SECONDS);

    TableDescriptor source = kafka(topic).option("scan.startup.mode", "earliest-offset")
        .option("scan.bounded.mode", "latest-offset").build();
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = tEnv.from(source).execute().collect()) {
      it.forEachRemaining(r -> rows.add(r.toString()));
    }
    assertEquals(List.of(
        "+I[1, Zoë \"Z\" Müller, 12.50]",
        "+I[2, null, 0.01]",
        "+I[3, 名前, with a comma, null]"), rows.stream().sorted().toList());
  }
}
