// POST /postgres/test and /postgres/tables (PostgresTables): logs in with the PostgreSQL JDBC driver on the url, username and password the server resolved from
// a stored connection; within 10 s answers the server version and table count, or a 400 saying what failed (unreachable
// host:port, authentication failed, unknown database, TLS), the password scrubbed from every message.
package io.streamcanvas.runner.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.kafka.KafkaAdminRoutes.KafkaAdminError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

public final class PostgresAdminRoutes {
  private PostgresAdminRoutes() {}

  public static void handle(String path, JsonNode body, ObjectNode out) throws KafkaAdminError {
    Map<String, String> props = properties(body);
    if (!path.equals("/postgres/test") && !path.equals("/postgres/tables")) throw new KafkaAdminError("no route " + path);
    Connection c;
    try {
      c = PostgresLogin.open(props);
    } catch (PostgresLogin.Failed e) {
      throw new KafkaAdminError(e.getMessage());
    }
    try (c; Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
      rs.next();
      if (path.equals("/postgres/tables")) PostgresTables.list(c, out);
      else out.put("version", c.getMetaData().getDatabaseProductVersion()).put("tables", rs.getLong(1));
    } catch (SQLException e) {
      throw new KafkaAdminError("PostgreSQL answered (SQLSTATE " + e.getSQLState() + "): " + PostgresLogin.scrubber(props).scrub(e.getMessage()));
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
