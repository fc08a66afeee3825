// Kafka client properties as a request gives them (the connection's, resolved by the server), made safe for a
// read-only look at a cluster: bytes in, no group, no commits; and the text of any error with every secret value hidden.
package io.streamcanvas.runner.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcanvas.runner.job.SecretScrubber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

public final class KafkaClientConfig {
  /** Properties a sample decides itself: a request may not turn it into a group member or point it elsewhere. */
  private static final List<String> OWN = List.of(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
      ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
      ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);

  private final Map<String, String> given;
  private final SecretScrubber scrubber;

  private KafkaClientConfig(Map<String, String> given) {
    this.given = given;
    this.scrubber = new SecretScrubber(given);
  }

  /** `properties`: a JSON object of string values holding at least bootstrap.servers. */
  public static KafkaClientConfig fromJson(JsonNode properties) {
    if (properties == null || !properties.isObject()) throw new IllegalArgumentException("properties: expected an object of Kafka client properties");
    Map<String, String> map = new HashMap<>();
    properties.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new IllegalArgumentException("properties." + e.getKey() + ": expected a string");
      }
      map.put(e.getKey(), e.getValue().asText());
    });
    if (map.getOrDefault(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "").isBlank()) {
      throw new IllegalArgumentException("properties: bootstrap.servers is missing");
    }
    return new KafkaClientConfig(map);
  }

  /** Client properties as a connection holds them (the runner's submissions). */
  public static KafkaClientConfig fromMap(Map<String, String> properties) {
    if (properties.getOrDefault(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "").isBlank()) {
      throw new IllegalArgumentException("the connection has no bootstrap.servers");
    }
    return new KafkaClientConfig(new HashMap<>(properties));
  }

  public String bootstrap() {
    return given.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
  }

  /** A consumer's configuration that reads bytes by assign()+seek only: no group id, so it can commit nothing. */
  public Map<String, Object> readOnlyConsumer(String clientId, int requestTimeoutMs) {
    Map<String, Object> c = new HashMap<>(given);
    OWN.forEach(c::remove);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // an offset that retention removed after the range was read: start from what is left (the reader filters by offset)
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    c.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(requestTimeoutMs));
    c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(requestTimeoutMs));
    // fail fast on a host that does not answer instead of backing off for minutes
    c.putIfAbsent(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    c.putIfAbsent(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, String.valueOf(Math.min(requestTimeoutMs, 10_000)));
    return c;
  }

  /** `text` with every secret value of these properties hidden. */
  public String scrub(String text) {
    return scrubber.scrub(text);
  }
}
