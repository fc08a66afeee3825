// POST /kafka/test and /kafka/topics: Kafka's Admin client on the client properties the server resolved from a stored
// connection. Within 10 s it answers what it found, or a 400 saying what failed (unreachable host:port, authentication,
// TLS), with every secret value scrubbed from what it returns and logs.
package io.streamcanvas.runner.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.job.SecretScrubber;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class KafkaAdminRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaAdminRoutes.class);
  static final long BUDGET_MS = 10_000;

  /** A failure to answer with: HTTP status and a message already scrubbed of secrets. */
  public static final class KafkaAdminError extends Exception {
    public KafkaAdminError(String message) {
      super(message);
    }
  }

  private KafkaAdminRoutes() {}

  /** `path` is /kafka/test or /kafka/topics; the answer is filled into `out`. */
  public static void handle(String path, JsonNode body, ObjectNode out) throws KafkaAdminError {
    Map<String, String> props = properties(body);
    SecretScrubber scrubber = new SecretScrubber(props);
    long deadline = System.currentTimeMillis() + BUDGET_MS;
    String bootstrap = props.get("bootstrap.servers");
    try {
      reachable(bootstrap, deadline);
      try (Admin admin = Admin.create(adminConfig(props))) {
        switch (path) {
          case "/kafka/test" -> {
            int brokers = admin.describeCluster().nodes().get(remaining(deadline), TimeUnit.MILLISECONDS).size();
            int topics = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get(remaining(deadline), TimeUnit.MILLISECONDS).size();
            out.put("brokers", brokers).put("topics", topics);
          }
          case "/kafka/topics" -> {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get(remaining(deadline), TimeUnit.MILLISECONDS);
            Map<String, TopicDescription> described = new TreeMap<>(admin.describeTopics(names).allTopicNames().get(remaining(deadline), TimeUnit.MILLISECONDS));
            var list = out.putArray("topics");
            described.forEach((name, d) -> list.addObject().put("name", name).put("partitions", d.partitions().size()));
          }
          default -> throw new KafkaAdminError("no route " + path);
        }
      }
    } catch (KafkaAdminError e) {
      throw new KafkaAdminError(scrubber.scrub(e.getMessage()));
    } catch (Exception e) {
      String message = scrubber.scrub(describe(e, props));
      LOG.info("{} {}: {}", path, scrubber.scrub(bootstrap), message);
      throw new KafkaAdminError(message);
    }
  }

  private static Map<String, String> properties(JsonNode body) throws KafkaAdminError {
    JsonNode p = body == null ? null : body.get("properties");
    if (p == null || !p.isObject()) throw new KafkaAdminError("expected {\"properties\": {\"bootstrap.servers\": …, …}}");
    Map<String, String> out = new LinkedHashMap<>();
    for (var it = p.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isTextual()) throw new KafkaAdminError("property " + e.getKey() + " must be a string");
      out.put(e.getKey(), e.getValue().asText());
    }
    if (out.getOrDefault("bootstrap.servers", "").isBlank()) throw new KafkaAdminError("bootstrap.servers is required");
    return out;
  }

  private static Properties adminConfig(Map<String, String> props) {
    Properties c = new Properties();
    c.putAll(props);
    // fail inside the 10 s budget instead of retrying for Kafka's default minute
    c.putIfAbsent("request.timeout.ms", "5000");
    c.putIfAbsent("default.api.timeout.ms", String.valueOf(BUDGET_MS));
    c.putIfAbsent("socket.connection.setup.timeout.ms", "3000");
    c.putIfAbsent("socket.connection.setup.timeout.max.ms", "5000");
    c.putIfAbsent("reconnect.backoff.max.ms", "1000");
    c.putIfAbsent("client.id", "streamcanvas-admin");
    return c;
  }

  /** A TCP connect to each bootstrap server first: "unreachable host:port" is said plainly, not as a Kafka timeout. */
  private static void reachable(String bootstrap, long deadline) throws KafkaAdminError {
    List<String> failures = new ArrayList<>();
    for (String server : bootstrap.split(",")) {
      String hp = server.trim();
      int colon = hp.lastIndexOf(':');
      if (colon <= 0) throw new KafkaAdminError("bootstrap server \"" + hp + "\" is not host:port");
      String host = hp.substring(0, colon).replace("[", "").replace("]", "");
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, Integer.parseInt(hp.substring(colon + 1))), (int) Math.min(3_000, remaining(deadline)));
        return;
      } catch (NumberFormatException e) {
        throw new KafkaAdminError("bootstrap server \"" + hp + "\" has no port number");
      } catch (IOException e) {
        failures.add(hp + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
      }
    }
    throw new KafkaAdminError("unreachable: cannot connect to " + String.join(", ", failures));
  }

  private static long remaining(long deadline) {
    return Math.max(1, deadline - System.currentTimeMillis());
  }

  private static String describe(Exception e, Map<String, String> props) {
    Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    String at = props.get("bootstrap.servers");
    String protocol = props.getOrDefault("security.protocol", "PLAINTEXT");
    if (c instanceof SslAuthenticationException) return "TLS error connecting to " + at + ": " + rootMessage(c);
    if (c instanceof AuthenticationException) {
      return "authentication failed at " + at + " (" + protocol + " " + props.getOrDefault("sasl.mechanism", "") + "): " + rootMessage(c);
    }
    if (c instanceof java.util.concurrent.TimeoutException || c instanceof org.apache.kafka.common.errors.TimeoutException) {
      return "no Kafka answer from " + at + " within " + BUDGET_MS / 1000 + " s over " + protocol
          + ": the port is open, but it may not be a Kafka listener of that security protocol (TLS against a plaintext port, or the other way round)";
    }
    if (c instanceof org.apache.kafka.common.KafkaException) return "invalid Kafka client configuration: " + rootMessage(c);
    return c.getClass().getSimpleName() + ": " + rootMessage(c);
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    String m = r == t ? t.getMessage() : t.getMessage() + " (" + r.getMessage() + ")";
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
