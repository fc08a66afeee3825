// POST /postgres/test's logic against the real test PostgreSQL: version and table count with the right password; the
// wrong password, an unknown database and a closed port each said plainly, the password in no message.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.jdbc.PostgresAdminRoutes;
import io.streamcanvas.runner.kafka.KafkaAdminRoutes.KafkaAdminError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresServer.class)
class PostgresAdminRoutesITCase {
  static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode test(String url, String password) throws KafkaAdminError {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("properties").put("url", url).put("username", PostgresServer.user()).put("password", password);
    ObjectNode out = JSON.createObjectNode();
    PostgresAdminRoutes.handle("/postgres/test", body, out);
    return out;
  }

  @Test
  void right_password_answers_version_and_tables() throws Exception {
    JdbcITCase.sql("CREATE TABLE IF NOT EXISTS admin_probe (id INT)");
    ObjectNode out = test(PostgresServer.jdbcUrl() + "?sslmode=disable", PostgresServer.password());
    assertTrue(out.get("version").asText().matches("\\d+\\.\\d+.*"), out.toString());
    assertTrue(out.get("tables").asLong() >= 1, out.toString());
  }

  @Test
  void wrong_password_unknown_database_and_closed_port_are_said_plainly() throws Exception {
    String wrong = "wrong-" + PostgresServer.password();
    String at = PostgresServer.LOOPBACK + ":" + PostgresServer.port();
    var auth = assertThrows(KafkaAdminError.class, () -> test(PostgresServer.jdbcUrl(), wrong));
    assertTrue(auth.getMessage().startsWith("authentication failed at " + at + " for user \"sc_test\""), auth.getMessage());
    assertFalse(auth.getMessage().contains(wrong));
    var db = assertThrows(KafkaAdminError.class, () -> test("jdbc:postgresql://" + at + "/no_such_db", PostgresServer.password()));
    assertTrue(db.getMessage().startsWith("unknown database \"no_such_db\" at " + at), db.getMessage());
    var closed = assertThrows(KafkaAdminError.class, () -> test("jdbc:postgresql://127.0.0.1:1/x", PostgresServer.password()));
    assertEquals("unreachable: cannot connect to 127.0.0.1:1", closed.getMessage().replaceAll(" \\(.*$", ""));
  }

  @Test
  void tables_lists_columns_typed_by_flinks_postgres_mapper_and_the_primary_key() throws Exception {
    JdbcITCase.sql("CREATE SCHEMA IF NOT EXISTS \"Shop \"\"x\"\"\"",
        "CREATE TABLE \"Shop \"\"x\"\"\".items (sku TEXT, region INT, price NUMERIC(12, 3) NOT NULL, at TIMESTAMPTZ, doc JSONB, tags TEXT[],"
            + " PRIMARY KEY (region, sku))");
    ObjectNode body = JSON.createObjectNode();
    body.putObject("properties").put("url", PostgresServer.jdbcUrl()).put("username", PostgresServer.user()).put("password", PostgresServer.password());
    ObjectNode out = JSON.createObjectNode();
    PostgresAdminRoutes.handle("/postgres/tables", body, out);
    var items = java.util.stream.StreamSupport.stream(out.get("tables").spliterator(), false)
        .filter(t -> t.get("schema").asText().equals("Shop \"x\"") && t.get("name").asText().equals("items")).findFirst().orElseThrow();
    assertEquals("[\"region\",\"sku\"]", items.get("primaryKey").toString());
    // Flink's mapper (connector 4.0.0-2.0): timestamptz is TIMESTAMP_LTZ(6); jsonb it refuses, so the column says so
    assertEquals("[{\"name\":\"sku\",\"nullable\":false,\"type\":\"STRING\"},"
        + "{\"name\":\"region\",\"nullable\":false,\"type\":\"INT\"},"
        + "{\"name\":\"price\",\"nullable\":false,\"type\":\"DECIMAL(12, 3)\"},"
        + "{\"name\":\"at\",\"nullable\":true,\"type\":\"TIMESTAMP_LTZ(6)\"},"
        + "{\"name\":\"doc\",\"nullable\":true,\"type\":null,\"unsupported\":\"jsonb: Doesn't support Postgres type 'jsonb' yet\"},"
        + "{\"name\":\"tags\",\"nullable\":true,\"type\":\"ARRAY<STRING>\"}]", items.get("columns").toString());
  }
}
