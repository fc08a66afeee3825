// What went wrong talking to a Kafka cluster, said for a user (unreachable, authentication, TLS, unknown topic, a bad
// property), never with a stack trace and never with a secret value of the request's properties.
package io.streamcanvas.runner.kafka;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

public final class KafkaErrors {
  private KafkaErrors() {}

  /** A request the cluster refused or could not answer, already worded for the user; `status` for the HTTP answer. */
  public static final class KafkaRequestException extends Exception {
    public final int status;

    public KafkaRequestException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  public static KafkaRequestException describe(Throwable t, KafkaClientConfig config, long timeoutMs) {
    Throwable e = t;
    for (int guard = 0; guard < 20 && e != null; guard++, e = e.getCause()) {
      if (e instanceof KafkaRequestException k) return k;
      if (e instanceof SslAuthenticationException) return fail(422, "TLS handshake with " + config.bootstrap() + " failed: " + e.getMessage(), config);
      if (e instanceof AuthenticationException) return fail(422, "authentication failed at " + config.bootstrap() + ": " + e.getMessage(), config);
      if (e instanceof AuthorizationException) return fail(422, "not authorized: " + e.getMessage(), config);
      if (e instanceof UnknownTopicOrPartitionException) return fail(404, "unknown topic: " + e.getMessage(), config);
      if (e instanceof ConfigException) return fail(400, "invalid Kafka client property: " + e.getMessage(), config);
      if (e instanceof TimeoutException) {
        return fail(504, "could not reach the Kafka cluster at " + config.bootstrap() + " within " + (timeoutMs / 1000)
            + " s (is the broker up, and bootstrap.servers and the security settings right?)", config);
      }
    }
    return fail(502, "Kafka request to " + config.bootstrap() + " failed: " + chain(t), config);
  }

  /** The messages of the cause chain, outermost first ("Failed to construct kafka consumer: … : the file's name"). */
  private static String chain(Throwable t) {
    StringBuilder out = new StringBuilder();
    Throwable e = t;
    for (int guard = 0; guard < 20 && e != null; guard++, e = e.getCause()) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (!(e instanceof KafkaException) && e.getCause() == null && !m.contains(e.getClass().getSimpleName())) m = e.getClass().getSimpleName() + ": " + m;
      if (out.indexOf(m) < 0) out.append(out.length() == 0 ? "" : ": ").append(m);
    }
    return out.toString();
  }

  private static KafkaRequestException fail(int status, String message, KafkaClientConfig config) {
    return new KafkaRequestException(status, config.scrub(message));
  }
}
