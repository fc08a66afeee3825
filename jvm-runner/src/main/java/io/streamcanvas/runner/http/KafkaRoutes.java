// Control-API routes that look at a Kafka cluster for the server (API.md): sample a topic's latest messages and read
// its partitions' offset ranges. Properties come resolved from a connection; no answer or error echoes a secret.
package io.streamcanvas.runner.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.http.ControlServer.HttpError;
import io.streamcanvas.runner.kafka.KafkaClientConfig;
import io.streamcanvas.runner.kafka.KafkaErrors;
import io.streamcanvas.runner.kafka.KafkaErrors.KafkaRequestException;
import io.streamcanvas.runner.kafka.KafkaSampler;
import io.streamcanvas.runner.kafka.TopicPartitions;
import io.streamcanvas.runner.kafka.TopicPartitions.Deadline;
import io.streamcanvas.runner.kafka.TopicPartitions.Range;
import io.streamcanvas.runner.kafka.TopicPartitions.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.consumer.KafkaConsumer;

final class KafkaRoutes {
  static final long DEFAULT_TIMEOUT_MS = 10_000;
  static final long MAX_TIMEOUT_MS = 60_000;

  private KafkaRoutes() {}

  /** The answer for a /kafka/… path this class serves, or null when it serves no such path. */
  static JsonNode handle(String method, String path, JsonNode body) throws HttpError {
    return switch (path) {
      case "/kafka/sample" -> post(method, path) ? sample(body) : null;
      case "/kafka/offsets" -> post(method, path) ? offsets(body) : null;
      default -> null;
    };
  }

  private static boolean post(String method, String path) throws HttpError {
    if (!method.equals("POST")) throw new HttpError(405, "use POST " + path);
    return true;
  }

  private static JsonNode sample(JsonNode body) throws HttpError {
    KafkaClientConfig config = config(body);
    int perPartition = intField(body, "maxPerPartition", 100, 1, 10_000);
    int max = intField(body, "max", 1000, 1, 10_000);
    long timeout = intField(body, "timeoutMs", (int) DEFAULT_TIMEOUT_MS, 100, (int) MAX_TIMEOUT_MS);
    try {
      return KafkaSampler.sample(new KafkaSampler.Request(config, selection(body), perPartition, max, timeout));
    } catch (KafkaRequestException e) {
      throw new HttpError(e.status, e.getMessage());
    }
  }

  private static JsonNode offsets(JsonNode body) throws HttpError {
    KafkaClientConfig config = config(body);
    long timeout = intField(body, "timeoutMs", (int) DEFAULT_TIMEOUT_MS, 100, (int) MAX_TIMEOUT_MS);
    Selection selection = selection(body);
    try (KafkaConsumer<byte[], byte[]> c = TopicPartitions.consumer(config, "streamcanvas-offsets", timeout)) {
      ObjectNode out = ControlServer.JSON.createObjectNode();
      ArrayNode parts = out.putArray("partitions");
      for (Range r : TopicPartitions.ranges(c, selection, Deadline.in(timeout))) {
        parts.addObject().put("topic", r.partition().topic()).put("partition", r.partition().partition())
            .put("earliest", r.earliest()).put("latest", r.latest());
      }
      return out;
    } catch (KafkaRequestException e) {
      throw new HttpError(e.status, e.getMessage());
    } catch (RuntimeException e) {
      KafkaRequestException k = KafkaErrors.describe(e, config, timeout);
      throw new HttpError(k.status, k.getMessage());
    }
  }

  private static KafkaClientConfig config(JsonNode body) throws HttpError {
    if (body == null || !body.isObject()) throw new HttpError(400, "expected {\"properties\": {…}, \"topics\": […] or \"pattern\": \"…\"}");
    try {
      return KafkaClientConfig.fromJson(body.get("properties"));
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, e.getMessage());
    }
  }

  private static Selection selection(JsonNode body) throws HttpError {
    JsonNode topics = body.get("topics");
    JsonNode pattern = body.get("pattern");
    boolean hasTopics = topics != null && !topics.isNull();
    boolean hasPattern = pattern != null && !pattern.isNull();
    if (hasTopics == hasPattern) throw new HttpError(400, "give either topics (a list of names) or pattern (a regular expression)");
    if (hasPattern) {
      if (!pattern.isTextual() || pattern.asText().isBlank()) throw new HttpError(400, "pattern: expected a regular expression");
      try {
        return new Selection(null, Pattern.compile(pattern.asText()));
      } catch (PatternSyntaxException e) {
        throw new HttpError(400, "pattern: " + e.getDescription() + " at index " + e.getIndex());
      }
    }
    if (!topics.isArray() || topics.isEmpty()) throw new HttpError(400, "topics: expected a non-empty list of topic names");
    List<String> names = new ArrayList<>();
    for (JsonNode t : topics) {
      if (!t.isTextual() || t.asText().isBlank()) throw new HttpError(400, "topics: expected topic names, got " + t);
      names.add(t.asText());
    }
    return new Selection(names, null);
  }

  private static int intField(JsonNode body, String name, int dflt, int min, int max) throws HttpError {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) return dflt;
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
      throw new HttpError(400, name + ": expected a whole number from " + min + " to " + max);
    }
    return v.asInt();
  }
}
