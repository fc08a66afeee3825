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
}
