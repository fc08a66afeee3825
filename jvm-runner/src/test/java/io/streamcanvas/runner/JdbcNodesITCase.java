// The PostgreSQL kinds' IR on the MiniCluster against the real test PostgreSQL: the jdbc-nodes fixture (a lookup join
// feeding hourly windows into an upsert table, a group aggregate whose filter turns updates into deletes, a table read
// whole) ends with exactly the tables Flink SQL gives; a lookup with and without its cache around an update of the row;
// and bad input refused before anything runs, naming node and field.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import io.streamcanvas.runner.job.SubmissionException;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({SharedCluster.class, PostgresServer.class})
class JdbcNodesITCase {
  static final String DB = "jdbc_nodes";
  static final ObjectMapper JSON = new ObjectMapper();

  static String url() {
    return "jdbc:postgresql://127.0.0.1:" + PostgresServer.port() + "/" + DB;
  }

  static Map<String, Connection> shopDb(String url, String password) {
    return Map.of("shop-db", new Connection("postgres", Map.of("url", url, "username", PostgresServer.user(), "password", password)));
  }

  static void sql(String... statements) throws Exception {
    try (var c = DriverManager.getConnection(url(), PostgresServer.user(), PostgresServer.password()); var s = c.createStatement()) {
      for (String st : statements) s.execute(st);
    }
  }

  static List<String> query(String select) throws Exception {
    List<String> out = new ArrayList<>();
    try (var c = DriverManager.getConnection(url(), PostgresServer.user(), PostgresServer.password()); var s = c.createStatement();
        ResultSet rs = s.executeQuery(select)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) row.add(String.valueOf(rs.getObject(i)));
        out.add(String.join("|", row));
      }
    }
    return out;
  }

  @BeforeAll
  static void database() throws Exception {
    try (var c = JdbcITCase.db(); var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DB);
    }
    sql("CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT)",
        "INSERT INTO customers VALUES (10, 'ann'), (20, 'bob'), (30, 'cy')",
        "CREATE TABLE revenue (window_start TIMESTAMP(3), window_end TIMESTAMP(3), customer_id BIGINT, name TEXT,"
            + " revenue NUMERIC(38, 2), orders BIGINT, PRIMARY KEY (window_start, customer_id))",
        "CREATE TABLE totals (customer_id BIGINT PRIMARY KEY, total NUMERIC(38, 2), n BIGINT)",
        "CREATE TABLE lookup_names (id BIGINT PRIMARY KEY, name TEXT)");
  }

  static RunningJob run(JsonNode program, Map<String, Connection> connections) throws Exception {
    return SharedCluster.submitter().submit(IrReader.read(program.toString()), connections);
  }

  @Test
  void the_jdbc_nodes_fixture_ends_with_the_tables_flink_sql_gives() throws Exception {
    sql("INSERT INTO totals VALUES (50, 9.99, 9)"); // not the job's: left as it is
    RunningJob job = run(KafkaNodesITCase.fixture("jdbc-nodes"), shopDb(url(), PostgresServer.password()));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 120_000), () -> job.toJson(true).toPrettyString());
    assertEquals(List.of("+I[\"10\", \"ann\"]", "+I[\"20\", \"bob\"]", "+I[\"30\", \"cy\"]"), KafkaNodesITCase.rows(job, "customers_out", 2));
    // hourly revenue per customer, the customer's name looked up (99 is not in the table: a left join keeps it, name NULL)
    assertEquals(List.of(
        "2026-03-01 09:00:00.0|10|ann|42.50|2", "2026-03-01 09:00:00.0|20|bob|40.00|1",
        "2026-03-01 10:00:00.0|10|ann|5.00|1", "2026-03-01 10:00:00.0|20|bob|70.00|1",
        "2026-03-01 10:00:00.0|30|cy|7.25|1", "2026-03-01 10:00:00.0|99|null|1.00|1"),
        query("SELECT window_start, customer_id, name, revenue, orders FROM revenue ORDER BY window_start, customer_id"));
    // bob's total passed 100, so the filter retracted his row: the upsert sink deleted it
    List<String> totals = query("SELECT customer_id, total, n FROM totals WHERE customer_id <> 50 ORDER BY customer_id");
    assertEquals(List.of("10|47.50|3", "30|7.25|1", "99|1.00|1"), totals);
    assertEquals(flinkSqlTotals(), totals);
    assertEquals(List.of("50|9.99|9"), query("SELECT customer_id, total, n FROM totals WHERE customer_id = 50"));
  }

  /** The same aggregate and filter in Flink SQL over the fixture's orders, its changelog applied. */
  static List<String> flinkSqlTotals() throws Exception {
    var tEnv = KafkaITCase.tableEnv();
    TableResult r = tEnv.executeSql("SELECT customer_id, total, n FROM (SELECT customer_id, SUM(amount) AS total, COUNT(id) AS n FROM"
        + " (VALUES (1, 10, 12.50), (2, 20, 40.00), (3, 10, 30.00), (4, 30, 7.25), (5, 20, 70.00), (6, 10, 5.00), (7, 99, 1.00))"
        + " AS o(id, customer_id, amount) GROUP BY customer_id) WHERE total < 100");
    Map<Object, String> table = new TreeMap<>();
    try (CloseableIterator<Row> it = r.collect()) {
      it.forEachRemaining(row -> {
        Object key = ((Number) row.getField(0)).longValue();
        switch (row.getKind()) {
          case INSERT, UPDATE_AFTER -> table.put(key, key + "|" + row.getField(1) + "|" + row.getField(2));
          default -> table.remove(key);
        }
      });
    }
    return new ArrayList<>(table.values());
  }

  /** datagen: 50 rows, 10 a second, keyed 1 or 2 (both rows named alike) → lookupJoin on lookup_names → collect. */
  static ObjectNode lookupProgram(String cacheOptions) throws Exception {
    return (ObjectNode) JSON.readTree(("""
        {"irVersion": 1, "name": "lookup-cache", "config": {"parallelism.default": "1"}, "statements": [
          {"op": "from", "table": "ticks", "descriptor": {"connector": "datagen", "schema": [{"name": "seq", "type": "BIGINT"},
            {"name": "k", "type": "BIGINT"}], "options": {"rows-per-second": "10", "fields.seq.kind": "sequence",
            "fields.seq.start": "1", "fields.seq.end": "50", "fields.k.kind": "random", "fields.k.min": "1", "fields.k.max": "2"}}},
          {"op": "lookupJoin", "table": "named", "input": "ticks", "joinType": "inner", "keys": [{"left": "k", "right": "id"}],
            "rightRenames": [], "descriptor": {"connector": "jdbc", "connection": "shop-db",
            "schema": [{"name": "id", "type": "BIGINT"}, {"name": "name", "type": "STRING"}],
            "options": {"table-name": "\\"public\\".\\"lookup_names\\"" CACHE}}},
          {"op": "collect", "sink": "out", "input": "named", "maxRows": 100}]}
        """).replace("CACHE", cacheOptions));
  }

  /** The names each tick saw, in order; the rows are renamed 2 s into the 5 s run. */
  static List<String> namesSeen(String cacheOptions) throws Exception {
    sql("DELETE FROM lookup_names", "INSERT INTO lookup_names VALUES (1, 'before'), (2, 'before')");
    RunningJob job = run(lookupProgram(cacheOptions), shopDb(url(), PostgresServer.password()));
    long deadline = System.currentTimeMillis() + 60_000;
    while (job.status() != JobStatus.RUNNING && System.currentTimeMillis() < deadline) Thread.sleep(20);
    Thread.sleep(2_000); // the first ticks have been looked up; the last is ~3 s away
    sql("UPDATE lookup_names SET name = 'after'");
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 60_000), () -> job.toJson(true).toPrettyString());
    List<String> names = new ArrayList<>();
    for (JsonNode r : job.toJson(true).get("sinks").get("out").get("rows")) names.add(r.get("values").get(3).asText());
    assertEquals(50, names.size());
    return names;
  }

  @Test
  void a_lookup_without_cache_sees_the_update_and_one_with_a_cache_keeps_the_row_it_read() throws Exception {
    List<String> uncached = namesSeen("");
    assertEquals("before", uncached.get(0));
    assertEquals("after", uncached.get(49), uncached::toString); // looked up ~3 s after the update
    List<String> cached = namesSeen(", \"lookup.cache\": \"PARTIAL\", \"lookup.partial-cache.max-rows\": \"100\","
        + " \"lookup.partial-cache.expire-after-write\": \"1 h\"");
    assertEquals(List.of("before"), cached.stream().distinct().toList());
  }

  static SubmissionException refused(JsonNode program, Map<String, Connection> connections) {
    return assertThrows(SubmissionException.class, () -> run(program, connections).cancel());
  }

  @Test
  void bad_input_is_refused_before_anything_runs_naming_node_and_field() throws Exception {
    Map<String, Connection> ok = shopDb(url(), PostgresServer.password());
    ObjectNode missing = lookupProgram("");
    ((ObjectNode) missing.at("/statements/1/descriptor/options")).put("table-name", "\"public\".\"no_such_table\"");
    SubmissionException e = refused(missing, ok);
    assertEquals("named", e.node());
    assertTrue(e.getMessage().contains("field table: table \"public\".\"no_such_table\" does not exist"), e.getMessage());

    ObjectNode wrongKey = lookupProgram("");
    ((ObjectNode) wrongKey.at("/statements/1/keys/0")).put("right", "name");
    e = refused(wrongKey, ok);
    assertEquals("named", e.node());
    assertTrue(e.getMessage().contains("keys.0.right: stream column \"k\" is BIGINT but table column \"name\" is STRING"), e.getMessage());

    ObjectNode badQuery = (ObjectNode) JSON.readTree("""
        {"irVersion": 1, "name": "bad-query", "config": {}, "statements": [
          {"op": "from", "table": "src", "descriptor": {"connector": "jdbc", "connection": "shop-db",
            "schema": [{"name": "id", "type": "BIGINT"}], "options": {"table-name": "(\\nSELEC id FROM customers\\n) AS streamcanvas_query"}}},
          {"op": "collect", "sink": "out", "input": "src", "maxRows": 10}]}
        """);
    e = refused(badQuery, ok);
    assertEquals("src", e.node());
    assertTrue(e.getMessage().contains("field query: PostgreSQL refused the query: ERROR: syntax error at or near"), e.getMessage());

    e = refused(badQuery, shopDb(url(), "wrong-password"));
    assertTrue(e.getMessage().contains("field connection: connection \"shop-db\": authentication failed at 127.0.0.1:"), e.getMessage());
    assertTrue(!e.getMessage().contains(PostgresServer.password()));

    e = refused(badQuery, shopDb("jdbc:postgresql://127.0.0.1:9/" + DB, PostgresServer.password()));
    assertTrue(e.getMessage().contains("field connection: connection \"shop-db\": unreachable: cannot connect to 127.0.0.1:9"), e.getMessage());
  }
}
