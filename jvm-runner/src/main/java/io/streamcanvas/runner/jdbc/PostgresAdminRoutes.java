// POST /postgres/test and /postgres/tables (PostgresTables): logs in with the PostgreSQL JDBC driver on the url, username and password the server resolved from
// a stored connection; within 10 s answers the server version and table count, or a 400 saying what failed (unreachable
// host:port, authentication failed, unknown database, TLS), the password scrubbed from every message.
package io.streamcanvas.runner.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.kafka.KafkaAdminRoutes.KafkaAdminError;
import io.streamcanvas.runner.kafka.SecretScrubber;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

public final class PostgresAdminRoutes {
  static final int BUDGET_S = 10;

  private PostgresAdminRoutes() {}

  public static void handle(String path, JsonNode body, ObjectNode out) throws KafkaAdminError {
    Map<String, String> props = properties(body);
    SecretScrubber scrubber = new SecretScrubber(Map.of("password", props.getOrDefault("password", "")));
    String url = props.get("url");
    Properties parsed = Driver.parseURL(url, null);
    if (parsed == null) throw new KafkaAdminError("not a PostgreSQL JDBC url: " + scrubber.scrub(url));
    String host = parsed.getProperty("PGHOST");
    String port = parsed.getProperty("PGPORT");
    String database = parsed.getProperty("PGDBNAME");
    if (!path.equals("/postgres/test") && !path.equals("/postgres/tables")) throw new KafkaAdminError("no route " + path);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, Integer.parseInt(port)), 3_000);
    } catch (IOException | NumberFormatException e) {
      throw new KafkaAdminError("unreachable: cannot connect to " + host + ":" + port + " (" + e.getMessage() + ")");
    }
    Properties info = new Properties();
    info.setProperty("user", props.getOrDefault("username", ""));
    info.setProperty("password", props.getOrDefault("password", ""));
    info.setProperty("connectTimeout", String.valueOf(BUDGET_S));
    info.setProperty("loginTimeout", String.valueOf(BUDGET_S));
    info.setProperty("socketTimeout", String.valueOf(BUDGET_S));
    try (Connection c = new Driver().connect(url, info); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
      rs.next();
      if (path.equals("/postgres/tables")) PostgresTables.list(c, out);
      else out.put("version", c.getMetaData().getDatabaseProductVersion()).put("tables", rs.getLong(1));
    } catch (SQLException e) {
      String at = host + ":" + port;
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      String why = scrubber.scrub(e.getMessage());
      if (state.equals("28P01") || state.equals("28000")) throw new KafkaAdminError("authentication failed at " + at + " for user \"" + info.getProperty("user") + "\": " + why);
      if (state.equals("3D000")) throw new KafkaAdminError("unknown database \"" + database + "\" at " + at + ": " + why);
      if (why != null && (why.contains("SSL") || e.getCause() instanceof javax.net.ssl.SSLException)) throw new KafkaAdminError("TLS error connecting to " + at + ": " + why);
      throw new KafkaAdminError("PostgreSQL at " + at + " refused the connection (SQLSTATE " + state + "): " + why);
    }
  }

  private static Map<String, String> properties(JsonNode body) throws KafkaAdminError {
    JsonNode p = body == null ? null : body.get("properties");
    if (p == null || !p.isObject()) throw new KafkaAdminError("expected {\"properties\": {\"url\": …, \"username\": …, \"password\": …}}");
    Map<String, String> out = new LinkedHashMap<>();
    for (var it = p.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isTextual()) throw new KafkaAdminError("property " + e.getKey() + " must be a string");
      out.put(e.getKey(), e.getValue().asText());
    }
    if (!out.getOrDefault("url", "").startsWith("jdbc:postgresql:")) throw new KafkaAdminError("url must be a jdbc:postgresql: url");
    return out;
  }
}
