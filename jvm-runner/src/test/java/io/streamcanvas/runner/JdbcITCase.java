// Flink's own JDBC connector on the MiniCluster through the Table API, against the real test PostgreSQL: a `jdbc` source
// reads a table's rows exactly, and a `jdbc` sink with a primary key turns inserts, updates and deletes into the final
// table. Versions proven here: flink-connector-jdbc-core / -postgres 4.0.0-2.0 (built for Flink 2.0) with the PostgreSQL
// driver 42.7.14 run on the runner's Flink 2.3.0 against PostgreSQL from Debian's package.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({SharedCluster.class, PostgresServer.class})
class JdbcITCase {
  static Connection db() throws Exception {
    return DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.user(), PostgresServer.password());
  }

  static void sql(String... statements) throws Exception {
    try (Connection c = db(); Statement s = c.createStatement()) {
      for (String st : statements) s.execute(st);
    }
  }

  static TableDescriptor.Builder jdbc(String table, Schema schema) {
    return TableDescriptor.forConnector("jdbc").schema(schema).option("url", PostgresServer.jdbcUrl())
        .option("table-name", table).option("username", PostgresServer.user()).option("password", PostgresServer.password());
  }

  @Test
  void a_jdbc_source_reads_the_tables_rows_exactly() throws Exception {
    sql("CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT, credit NUMERIC(10, 2), seen TIMESTAMP(3))",
        "INSERT INTO customers VALUES (1, 'Zoë \"Z\" Müller', 12.50, '2026-01-02 03:04:05.678'), (2, NULL, 0.01, NULL),"
            + " (3, '名前, with a comma', NULL, '1999-12-31 23:59:59')");
    Schema schema = Schema.newBuilder().column("id", DataTypes.BIGINT().notNull()).column("name", DataTypes.STRING())
        .column("credit", DataTypes.DECIMAL(10, 2)).column("seen", DataTypes.TIMESTAMP(3)).primaryKey("id").build();
    StreamTableEnvironment tEnv = KafkaITCase.tableEnv();
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = tEnv.from(jdbc("customers", schema).build()).execute().collect()) {
      it.forEachRemaining(r -> rows.add(r.toString()));
    }
    rows.sort(null);
    assertEquals(List.of("+I[1, Zoë \"Z\" Müller, 12.50, 2026-01-02T03:04:05.678]", "+I[2, null, 0.01, null]",
        "+I[3, 名前, with a comma, null, 1999-12-31T23:59:59]"), rows);
  }

  @Test
  void a_keyed_jdbc_sink_turns_updates_and_deletes_into_the_final_table() throws Exception {
    sql("CREATE TABLE totals (id BIGINT PRIMARY KEY, total NUMERIC(10, 2))", "INSERT INTO totals VALUES (9, 9.99)");
    Configuration conf = new Configuration();
    conf.setString("parallelism.default", "1");
    conf.setString("restart-strategy.type", "none");
    var cluster = SharedCluster.cluster();
    var env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig(conf));
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    var changes = env.fromData(
        Row.ofKind(RowKind.INSERT, 1L, new BigDecimal("1.00")), Row.ofKind(RowKind.INSERT, 2L, new BigDecimal("2.00")),
        Row.ofKind(RowKind.UPDATE_BEFORE, 1L, new BigDecimal("1.00")), Row.ofKind(RowKind.UPDATE_AFTER, 1L, new BigDecimal("1.50")),
        Row.ofKind(RowKind.INSERT, 3L, new BigDecimal("3.00")), Row.ofKind(RowKind.DELETE, 2L, new BigDecimal("2.00")),
        Row.ofKind(RowKind.DELETE, 9L, new BigDecimal("9.99")));
    Schema schema = Schema.newBuilder().column("id", DataTypes.BIGINT().notNull()).column("total", DataTypes.DECIMAL(10, 2))
        .primaryKey("id").build();
    var typed = changes.returns(org.apache.flink.api.common.typeinfo.Types.ROW_NAMED(new String[] {"id", "total"},
        org.apache.flink.api.common.typeinfo.Types.LONG, org.apache.flink.api.common.typeinfo.Types.BIG_DEC));
    tEnv.fromChangelogStream(typed, Schema.newBuilder().column("id", DataTypes.BIGINT().notNull())
            .column("total", DataTypes.DECIMAL(10, 2)).primaryKey("id").build())
        .insertInto(jdbc("totals", schema).option("sink.buffer-flush.max-rows", "2").build()).execute().await();
    List<String> rows = new ArrayList<>();
    try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, total FROM totals ORDER BY id")) {
      while (rs.next()) rows.add(rs.getLong(1) + "=" + rs.getBigDecimal(2));
    }
    assertEquals(List.of("1=1.50", "3=3.00"), rows);
  }
}
