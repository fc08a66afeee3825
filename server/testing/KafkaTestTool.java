// Test-only Kafka chores for Node tests, run with the source launcher on the test broker's classpath
// (server/testing/kafka-tool.ts): create a topic with a partition count; produce JSON-lines records read from stdin.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

public class KafkaTestTool {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[1];
    switch (args[0]) {
      case "create-topic" -> {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
          admin.createTopics(List.of(new NewTopic(args[2], Optional.of(Integer.parseInt(args[3])), Optional.empty())))
              .all().get(30, TimeUnit.SECONDS);
        }
      }
      case "produce" -> produce(bootstrap, args[2]);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  /** Each stdin line {"key"?: string, "value": string|null, "partition"?: int, "timestamp"?: long}; acks=all, flushed. */
  static void produce(String bootstrap, String topic) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> conf = Map.of("bootstrap.servers", bootstrap, "acks", "all",
        "key.serializer", ByteArraySerializer.class.getName(), "value.serializer", ByteArraySerializer.class.getName());
    // sent in batches, not one round trip per record: the idempotent producer (acks=all) keeps each partition's order
    List<Future<?>> sent = new ArrayList<>();
    try (var producer = new KafkaProducer<byte[], byte[]>(conf);
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode r = json.readTree(line);
        sent.add(producer.send(new ProducerRecord<>(topic, r.hasNonNull("partition") ? r.get("partition").asInt() : null,
            r.hasNonNull("timestamp") ? r.get("timestamp").asLong() : null, bytes(r.get("key")), bytes(r.get("value")))));
      }
      for (var f : sent) f.get();
    }
    System.out.println(sent.size());
  }

  static byte[] bytes(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText().getBytes(StandardCharsets.UTF_8);
  }
}
