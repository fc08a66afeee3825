// bench:jdbc — the test harness's PostgreSQL and one embedded Flink, parallelism 1: a lookup join of 200k stream rows
// (datagen, random keys) against a 100k-row table without and with the partial cache, and an upsert sink of 200k rows
// over 50k distinct keys; each through StreamCanvas's IR translators (as a pipeline runs) and as the same job in Flink
// SQL on the same cluster, alternating their order; rows/s of both and their ratio. Prints figures; never a test.
package io.streamcanvas.runner.jdbc;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import io.streamcanvas.runner.PostgresServer;
import io.streamcanvas.runner.cluster.EmbeddedCluster;
import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableProgram;
import io.streamcanvas.runner.translate.ProgramContext;
import io.streamcanvas.runner.translate.Translators;
import java.sql.DriverManager;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

public final class JdbcBench {
  static final String CACHE = "'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '100000', 'lookup.partial-cache.expire-after-write' = '10 min'";

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    PostgresServer.ensureStarted();
    sql("DROP TABLE IF EXISTS bench_dim, bench_upsert", "CREATE TABLE bench_dim (id BIGINT PRIMARY KEY, name TEXT)",
        "INSERT INTO bench_dim SELECT g, 'customer ' || g FROM generate_series(1, 100000) g",
        "CREATE TABLE bench_upsert (id BIGINT PRIMARY KEY, v BIGINT)", "ANALYZE bench_dim");
    try (EmbeddedCluster cluster = EmbeddedCluster.start("0", 4)) {
      System.out.printf("bench:jdbc — PostgreSQL at %s, parallelism 1, %,d stream rows, best of %d (order alternates)%n",
          PostgresServer.jdbcUrl(), rows, rounds);
      run(cluster, "lookup", false, 20_000, false);
      run(cluster, "lookup", true, 20_000, false); // warm planner, JIT, driver
      report("(a) lookup join, no cache", cluster, "lookup", false, rows, rounds);
      report("(b) lookup join, partial cache", cluster, "lookup", true, rows, rounds);
      report("(c) upsert sink, 50k keys", cluster, "upsert", false, rows, rounds);
    }
  }

  static void report(String what, EmbeddedCluster cluster, String job, boolean cache, int rows, int rounds) throws Exception {
    double sc = 0;
    double flinkSql = 0;
    for (int r = 0; r < rounds; r++) {
      if (r % 2 == 1) flinkSql = Math.max(flinkSql, run(cluster, job, cache, rows, true));
      sc = Math.max(sc, run(cluster, job, cache, rows, false));
      if (r % 2 == 0) flinkSql = Math.max(flinkSql, run(cluster, job, cache, rows, true));
    }
    System.out.printf("%-32s StreamCanvas %,10.0f rows/s   Flink SQL %,10.0f rows/s   ratio %.2f (goal ≥ 0.95)%n", what, sc, flinkSql, sc / flinkSql);
  }

  static void sql(String... statements) throws Exception {
    try (var c = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.user(), PostgresServer.password()); var s = c.createStatement()) {
      for (String st : statements) s.execute(st);
    }
  }

  static String datagen(int rows, String keyField) {
    return "'connector' = 'datagen', 'rows-per-second' = '1000000000', 'fields.seq.kind' = 'sequence', 'fields.seq.start' = '1',"
        + " 'fields.seq.end' = '" + rows + "'" + keyField;
  }

  /** One job; rows/s over its wall time (submission to the end). */
  static double run(EmbeddedCluster cluster, String job, boolean cache, int rows, boolean flinkSql) throws Exception {
    if (job.equals("upsert")) sql("TRUNCATE bench_upsert");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig());
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    long t0 = System.nanoTime();
    if (flinkSql) flinkSql(tEnv, job, cache, rows);
    else streamCanvas(env, tEnv, job, cache, rows);
    double perSecond = rows / ((System.nanoTime() - t0) / 1e9);
    if (job.equals("upsert")) {
      try (var c = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.user(), PostgresServer.password());
          var rs = c.createStatement().executeQuery("SELECT count(*) FROM bench_upsert")) {
        rs.next();
        if (rs.getLong(1) != Math.min(rows, 50_000)) throw new IllegalStateException("upsert table holds " + rs.getLong(1) + " rows");
      }
    }
    return perSecond;
  }

  static String jdbcWith(String table) {
    return "'connector' = 'jdbc', 'url' = '" + PostgresServer.jdbcUrl() + "', 'table-name' = '" + table + "', 'username' = '"
        + PostgresServer.user() + "', 'password' = '" + PostgresServer.password() + "'";
  }

  static void flinkSql(StreamTableEnvironment tEnv, String job, boolean cache, int rows) throws Exception {
    if (job.equals("lookup")) {
      tEnv.executeSql("CREATE TEMPORARY TABLE gen (seq BIGINT, k BIGINT, pt AS PROCTIME()) WITH (" + datagen(rows,
          ", 'fields.k.kind' = 'random', 'fields.k.min' = '1', 'fields.k.max' = '100000'") + ")");
      tEnv.executeSql("CREATE TEMPORARY TABLE dim (id BIGINT, name STRING) WITH (" + jdbcWith("bench_dim") + (cache ? ", " + CACHE : "") + ")");
      tEnv.executeSql("CREATE TEMPORARY TABLE out_t (seq BIGINT, k BIGINT, id BIGINT, name STRING) WITH ('connector' = 'blackhole')");
      tEnv.executeSql("INSERT INTO out_t SELECT g.seq, g.k, d.id, d.name FROM gen AS g LEFT JOIN dim FOR SYSTEM_TIME AS OF g.pt AS d ON g.k = d.id").await();
    } else {
      tEnv.executeSql("CREATE TEMPORARY TABLE gen (seq BIGINT) WITH (" + datagen(rows, "") + ")");
      tEnv.executeSql("CREATE TEMPORARY TABLE up (id BIGINT NOT NULL, v BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH (" + jdbcWith("bench_upsert")
          + ", 'sink.buffer-flush.max-rows' = '100', 'sink.buffer-flush.interval' = '1000 ms', 'sink.max-retries' = '3')");
      tEnv.executeSql("INSERT INTO up SELECT MOD(seq, 50000) + 1, seq FROM gen ON CONFLICT DO DEDUPLICATE").await();
    }
  }

  /** The same job as a pipeline's IR, through the runner's own translators and connection merge. */
  static void streamCanvas(StreamExecutionEnvironment env, StreamTableEnvironment tEnv, String job, boolean cache, int rows) throws Exception {
    Map<String, Connection> db = Map.of("bench-db", new Connection("postgres",
        Map.of("url", PostgresServer.jdbcUrl(), "username", PostgresServer.user(), "password", PostgresServer.password())));
    ProgramContext ctx = new ProgramContext(env, tEnv, DataRoot.NONE, db);
    String gen = "{\"op\": \"from\", \"table\": \"gen\", \"descriptor\": {\"connector\": \"datagen\", \"schema\": [{\"name\": \"seq\", \"type\": \"BIGINT\"},"
        + " {\"name\": \"k\", \"type\": \"BIGINT\"}], \"options\": {\"rows-per-second\": \"1000000000\", \"fields.seq.kind\": \"sequence\","
        + " \"fields.seq.start\": \"1\", \"fields.seq.end\": \"" + rows + "\", \"fields.k.kind\": \"random\", \"fields.k.min\": \"1\", \"fields.k.max\": \"100000\"}}}";
    String rest;
    if (job.equals("lookup")) {
      String cacheOptions = cache ? ", \"lookup.cache\": \"PARTIAL\", \"lookup.partial-cache.max-rows\": \"100000\", \"lookup.partial-cache.expire-after-write\": \"600 s\"" : "";
      rest = "{\"op\": \"lookupJoin\", \"table\": \"joined\", \"input\": \"gen\", \"joinType\": \"left\", \"keys\": [{\"left\": \"k\", \"right\": \"id\"}],"
          + " \"rightRenames\": [], \"descriptor\": {\"connector\": \"jdbc\", \"connection\": \"bench-db\", \"schema\": [{\"name\": \"id\", \"type\": \"BIGINT\"},"
          + " {\"name\": \"name\", \"type\": \"STRING\"}], \"options\": {\"table-name\": \"\\\"public\\\".\\\"bench_dim\\\"\", \"lookup.max-retries\": \"3\"" + cacheOptions + "}}},"
          + " {\"op\": \"insertInto\", \"sink\": \"out\", \"input\": \"joined\", \"descriptor\": {\"connector\": \"blackhole\", \"options\": {}}}";
    } else {
      rest = "{\"op\": \"insertInto\", \"sink\": \"out\", \"input\": \"keyed\", \"descriptor\": {\"connector\": \"jdbc\", \"connection\": \"bench-db\","
          + " \"primaryKey\": [\"id\"], \"options\": {\"table-name\": \"\\\"public\\\".\\\"bench_upsert\\\"\", \"sink.buffer-flush.max-rows\": \"100\","
          + " \"sink.buffer-flush.interval\": \"1000 ms\", \"sink.max-retries\": \"3\"}}}";
    }
    TableProgram p = IrReader.read("{\"irVersion\": 1, \"name\": \"bench\", \"statements\": [" + gen + ", " + rest + "]}");
    for (Statement s : p.statements()) {
      // the upsert's keys: seq mod 50k + 1, as the SQL job computes them (a select node would do it in a pipeline)
      if (s instanceof Statement.InsertInto i && i.input().equals("keyed")) {
        ctx.define("keyed", ctx.table("gen").select($("seq").mod(lit(50_000L)).plus(lit(1L)).as("id"), $("seq").as("v")));
      }
      Translators.translate(s, ctx);
    }
    ctx.statementSet().execute().await();
  }
}
