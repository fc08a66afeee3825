// Every catalogue function on a MiniCluster (one dynamic test per row of pipeline/fixtures/function-cases.json, written by
// pipeline/expr/functions/cases.test.ts from cases.ts): the IR expression built by the runner and the SQL the
// printer writes for it run over the same edge-case rows (NULLs, empty strings, overflow, time zones); the results must
// be equal, and the runner's result type must be the one the TypeScript checker inferred. Cases over the same table and
// time zone share one job per side (a failing group is rerun case by case, so a failure names its case). Each aggregate
// runs too: the Table API aggregate the runner calls against the SQL aggregate a window writes, over a whole table.
// A case written in sugar the language rewrites (TIMESTAMPADD, NULLIF) also runs as written, so it is compared with
// Flink SQL's own function, not only with the SQL of the rewritten tree.
package io.streamcanvas.runner;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.expr.Aggregates;
import io.streamcanvas.runner.expr.ExpressionBuilder;
import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.ir.Expr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class FunctionsITCase {
  static final Path CASES = Path.of("../pipeline/fixtures/function-cases.json");

  /** The results of one (table, time zone) group, both sides, computed in one job per side: case name → id → value. */
  record Group(Map<String, Map<Integer, String>> ir, Map<String, Map<Integer, String>> sql, Map<String, Map<Integer, String>> written) {}

  private final Map<String, Group> groups = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> everyFunctionMatchesFlinkSql() throws Exception {
    JsonNode file = FixturesITCase.JSON.readTree(CASES.toFile());
    Path dir = Files.createTempDirectory("sc-function-cases-");
    JsonNode tables = file.path("tables");
    for (var it = tables.fields(); it.hasNext(); ) {
      var t = it.next();
      Path tableDir = Files.createDirectories(dir.resolve(t.getKey()));
      List<String> lines = new ArrayList<>();
      t.getValue().path("lines").forEach(l -> lines.add(l.asText()));
      Files.write(tableDir.resolve("rows.json"), lines);
    }
    Map<String, List<JsonNode>> byGroup = new LinkedHashMap<>();
    for (JsonNode c : file.path("cases")) byGroup.computeIfAbsent(groupKey(c), k -> new ArrayList<>()).add(c);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : file.path("cases")) {
      String name = c.path("name").asText();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        try {
          check(c, tables.path(c.path("table").asText()), dir, byGroup.get(groupKey(c)));
        } catch (AssertionError | Exception e) {
          throw new AssertionError(name + " (SQL " + c.path("sql").asText() + "): " + e.getMessage(), e);
        }
      }));
    }
    for (JsonNode c : file.path("aggregateCases")) {
      String table = c.get(0).asText();
      String fn = c.get(1).asText();
      String column = c.get(2).asText();
      tests.add(DynamicTest.dynamicTest(fn + "(" + table + "." + column + ")", () -> {
        ObjectNode like = FixturesITCase.JSON.createObjectNode().put("table", table);
        TableEnvironment tEnv = env(like, tables.path(table), dir);
        Map<Integer, String> sql = rows(tEnv.sqlQuery("SELECT 0, " + Aggregates.sql(fn, "`" + column + "`") + " FROM `" + table + "`").execute(), List.of(like)).get("");
        Map<Integer, String> ir = rows(tEnv.from(table).select(lit(0), Aggregates.apply(fn, $(column))).execute(), List.of(like)).get("");
        assertEquals(sql, ir, "the Table API aggregate (right) differs from Flink SQL's (left)");
      }));
    }
    assertTrue(tests.size() > 50, "too few cases: " + tests.size());
    return tests.stream();
  }

  private static String groupKey(JsonNode c) {
    return c.path("table").asText() + "@" + c.path("timeZone").asText("UTC");
  }

  /**
   * Runs the case's whole group as two jobs (every expression of the group as one column), once; if a group's job fails,
   * each of its cases runs alone so the failure names the case.
   */
  private void check(JsonNode c, JsonNode table, Path dir, List<JsonNode> group) throws Exception {
    TableEnvironment tEnv = env(c, table, dir);
    String name = c.path("name").asText();
    Expr ir = FixturesITCase.JSON.treeToValue(c.path("ir"), Expr.class);
    assertEquals(c.path("returns").asText(), tEnv.from(c.path("table").asText()).select(ExpressionBuilder.build(ir)).getResolvedSchema()
        .getColumnDataTypes().get(0).toString(), "the runner's result type is the checker's");
    Group g = groups.get(groupKey(c));
    if (g == null && !groups.containsKey(groupKey(c))) {
      try {
        g = run(tEnv, c.path("table").asText(), group);
      } catch (Exception e) {
        g = null;
      }
      groups.put(groupKey(c), g);
    }
    if (g == null) g = run(tEnv, c.path("table").asText(), List.of(c));
    assertEquals(g.sql().get(name), g.ir().get(name), "IR result (right) differs from Flink SQL's (left)");
    if (c.has("sqlAsWritten")) {
      assertEquals(g.written().get(name), g.ir().get(name), "IR result (right) differs from Flink SQL's for " + c.path("sqlAsWritten").asText() + " as written (left)");
    }
  }

  private static Group run(TableEnvironment tEnv, String table, List<JsonNode> cases) throws Exception {
    List<Expression> irCols = new ArrayList<>(List.of($("id")));
    StringBuilder sql = new StringBuilder("SELECT `id`");
    StringBuilder written = new StringBuilder("SELECT `id`");
    List<JsonNode> asWritten = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      irCols.add(ExpressionBuilder.build(FixturesITCase.JSON.treeToValue(cases.get(i).path("ir"), Expr.class)).as("r" + i));
      sql.append(", ").append(cases.get(i).path("sql").asText()).append(" AS `r").append(i).append('`');
      if (cases.get(i).has("sqlAsWritten")) {
        written.append(", ").append(cases.get(i).path("sqlAsWritten").asText()).append(" AS `w").append(i).append('`');
        asWritten.add(cases.get(i));
      }
    }
    Map<String, Map<Integer, String>> ir = rows(tEnv.from(table).select(irCols.toArray(Expression[]::new)).execute(), cases);
    Map<String, Map<Integer, String>> sqlRows = rows(tEnv.sqlQuery(sql.append(" FROM `").append(table).append('`').toString()).execute(), cases);
    Map<String, Map<Integer, String>> writtenRows = asWritten.isEmpty() ? Map.of()
        : rows(tEnv.sqlQuery(written.append(" FROM `").append(table).append('`').toString()).execute(), asWritten);
    return new Group(ir, sqlRows, writtenRows);
  }

  private static TableEnvironment env(JsonNode c, JsonNode table, Path dir) {
    String name = c.path("table").asText();
    TableEnvironment tEnv = env(c.path("timeZone").asText("UTC"));
    Schema.Builder schema = Schema.newBuilder();
    table.path("columns").forEach(col -> schema.column(col.path("name").asText(), FlinkTypes.parse(col.path("type").asText())));
    tEnv.createTemporaryTable(name, TableDescriptor.forConnector("filesystem").schema(schema.build())
        .option("path", dir.resolve(name).toString()).format("json").build());
    return tEnv;
  }

  private static TableEnvironment env(String zone) {
    Configuration conf = new Configuration();
    conf.setString("parallelism.default", "1");
    conf.setString("restart-strategy.type", "none");
    conf.setString("execution.runtime-mode", "BATCH");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
        SharedCluster.cluster().restHost(), SharedCluster.cluster().restPort(), SharedCluster.cluster().clientConfig(conf));
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inBatchMode());
    tEnv.getConfig().setLocalTimeZone(ZoneId.of(zone));
    return tEnv;
  }

  /** case name → id → the value as text (arrays and maps in a stable form). */
  private static Map<String, Map<Integer, String>> rows(TableResult result, List<JsonNode> cases) throws Exception {
    Map<String, Map<Integer, String>> out = new HashMap<>();
    for (JsonNode c : cases) out.put(c.path("name").asText(), new TreeMap<>());
    try (CloseableIterator<Row> it = result.collect()) {
      while (it.hasNext()) {
        Row r = it.next();
        for (int i = 0; i < cases.size(); i++) out.get(cases.get(i).path("name").asText()).put((Integer) r.getField(0), show(r.getField(i + 1)));
      }
    }
    return out;
  }

  static String show(Object v) {
    if (v instanceof Object[] a) return Arrays.deepToString(a);
    if (v instanceof Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(String.valueOf(k), show(x)));
      return sorted.toString();
    }
    return String.valueOf(v);
  }
}
