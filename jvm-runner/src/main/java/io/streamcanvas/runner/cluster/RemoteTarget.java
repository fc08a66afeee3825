// A remote Flink session cluster a submission goes to instead of the embedded one: its REST address (plain HTTP, or
// HTTPS with a truststore) and Authorization header, read from POST /jobs's "target"; jobs carry the jars its
// TaskManagers need (ShippedJars).
package io.streamcanvas.runner.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcanvas.runner.ir.IrException;
import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.SecurityOptions;

public record RemoteTarget(String name, String host, int port, boolean tls, String truststore, String truststorePassword, String authHeader) {

  /** null when the body names no target (the embedded cluster). */
  public static RemoteTarget read(JsonNode node) {
    if (node == null || node.isNull()) return null;
    if (!node.isObject() || !node.path("url").isTextual()) throw new IrException("target must be {\"url\": \"http(s)://host:port\", …}");
    String url = node.get("url").asText();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IrException("target.url is not a URL: " + url);
    }
    boolean tls = "https".equals(uri.getScheme());
    if (!tls && !"http".equals(uri.getScheme())) throw new IrException("target.url must start with http:// or https://, not " + url);
    if (uri.getHost() == null) throw new IrException("target.url has no host: " + url);
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IrException("target.url must be the REST address without a path (Flink's job submission client adds none): " + url);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
    String truststore = text(node, "truststore");
    if (truststore != null && !tls) throw new IrException("target.truststore needs an https:// URL, not " + url);
    String authHeader = text(node, "authHeader");
    if (authHeader != null && (authHeader.indexOf('\r') >= 0 || authHeader.indexOf('\n') >= 0)) throw new IrException("target.authHeader must be one line");
    return new RemoteTarget(text(node, "name"), uri.getHost(), port, tls, truststore, text(node, "truststorePassword"), authHeader);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  /** The REST client options: TLS towards the cluster when its URL is https (its truststore, if one is given), its header. */
  public Configuration clientConfig() {
    Configuration c = new Configuration();
    if (authHeader != null) c.set(AuthHeaders.AUTH_ID, AuthHeaders.register(authHeader));
    if (tls) {
      c.set(SecurityOptions.SSL_REST_ENABLED, true);
      if (truststore != null) {
        c.set(SecurityOptions.SSL_REST_TRUSTSTORE, truststore);
        if (truststorePassword != null) c.set(SecurityOptions.SSL_REST_TRUSTSTORE_PASSWORD, truststorePassword);
      }
    }
    return c;
  }

  @Override
  public String toString() {
    // never the header or the truststore password (a record's default toString prints every field)
    return "RemoteTarget[" + label() + "]";
  }

  public String label() {
    return (name == null ? "" : "\"" + name + "\" at ") + (tls ? "https://" : "http://") + host + ":" + port;
  }
}
