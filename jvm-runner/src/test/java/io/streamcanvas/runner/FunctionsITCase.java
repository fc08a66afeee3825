// Every catalogue function on a MiniCluster (one dynamic test per row of pipeline/fixtures/function-cases.json, written by
// pipeline/contract.test.ts from pipeline/expr/functions/cases.ts): the IR expression built by the runner and the SQL the
// printer writes for it run over the same edge-case rows (NULLs, empty strings, overflow, time zones); the results must
// be equal, and the runner's result type must be the one the TypeScript checker inferred.
package io.streamcanvas.runner;

import static org.apache.flink.table.api.Expressions.$;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcanvas.runner.expr.ExpressionBuilder;
import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.ir.Expr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class FunctionsITCase {
  static final Path CASES = Path.of("../pipeline/fixtures/function-cases.json");

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
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : file.path("cases")) {
      tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> run(c, tables.path(c.path("table").asText()), dir)));
    }
    assertTrue(tests.size() > 50, "too few cases: " + tests.size());
    return tests.stream();
  }

  private static void run(JsonNode c, JsonNode table, Path dir) throws Exception {
    String name = c.path("table").asText();
    TableEnvironment tEnv = env(c.path("timeZone").asText("UTC"));
    Schema.Builder schema = Schema.newBuilder();
    table.path("columns").forEach(col -> schema.column(col.path("name").asText(), FlinkTypes.parse(col.path("type").asText())));
    tEnv.createTemporaryTable(name, TableDescriptor.forConnector("filesystem").schema(schema.build())
        .option("path", dir.resolve(name).toString()).format("json").build());
    Expr ir = FixturesITCase.JSON.treeToValue(c.path("ir"), Expr.class);
    Table irTable = tEnv.from(name).select($("id"), ExpressionBuilder.build(ir).as("r"));
    assertEquals(c.path("returns").asText(), irTable.getResolvedSchema().getColumnDataTypes().get(1).toString(),
        "the runner's result type is the checker's");
    // the SQL side: the printer's text over the same table, identifiers quoted by the printer
    Table sqlTable = tEnv.sqlQuery("SELECT `id`, " + c.path("sql").asText() + " AS `r` FROM `" + name + "`");
    assertEquals(rows(sqlTable.execute()), rows(irTable.execute()), "IR result (right) differs from Flink SQL's (left) for " + c.path("sql").asText());
  }

  private static TableEnvironment env(String zone) {
    Configuration conf = new Configuration();
    conf.setString("parallelism.default", "1");
    conf.setString("restart-strategy.type", "none");
    conf.setString("execution.runtime-mode", "BATCH");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
        SharedCluster.cluster().restHost(), SharedCluster.cluster().restPort(), conf);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inBatchMode());
    tEnv.getConfig().setLocalTimeZone(ZoneId.of(zone));
    return tEnv;
  }

  /** id → the value as text (arrays and maps in a stable form), ordered by id. */
  private static Map<Integer, String> rows(TableResult result) throws Exception {
    Map<Integer, String> out = new TreeMap<>();
    try (CloseableIterator<Row> it = result.collect()) {
      while (it.hasNext()) {
        Row r = it.next();
        out.put((Integer) r.getField(0), show(r.getField(1)));
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
