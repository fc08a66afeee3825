// Differential test (issue 3): every golden fixture and every example runs twice on the MiniCluster, from the IR through
// the Table API and as the generated Flink SQL script, and each collect sink's final rows (changelog applied) and each
// filesystem sink's file lines must be equal multisets.
//
// SKIP RULE: a program the SQL printer refuses (its golden .sql.txt reads "-- no Flink SQL equivalent: …", or
// `streamcanvas sql` exits 1 with "cannot print SQL") has no SQL side; it is reported as skipped with the printer's
// reason, never silently dropped. UDF RULE: a program with TS UDF statements (op udf…) is skipped too: its printed SQL
// calls functions that only jvm-runner registers (the Node.js worker bridge), which a plain SQL session lacks.
// VALUES RULE: the printer refuses a values source with a watermark (SQL declares watermarks only in CREATE TABLE); such a
// fixture runs instead as its graph with each of those sources replaced by a files source reading the same rows from
// JSON lines with the same event time (ValuesAsFiles), printed and compiled by the CLI, so its windows and joins are
// still compared. An example with one (printed by the CLI from the graph) is rewritten the same way.
// NONDETERMINISM RULE: a program reading a random datagen column or a processing-time attribute differs between any two
// runs, so both sides still run and must FINISH with the same collect sinks and column names, but their rows are not
// compared (reported as aborted with why).
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.JobSubmitter;
import io.streamcanvas.runner.job.RunningJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class DifferentialITCase {
  static final Path FIXTURES = Path.of("../pipeline/fixtures");
  static final Path EXAMPLES = Path.of("../examples");
  static final String NO_SQL = "-- no Flink SQL equivalent:";
  static final String AS_FILES = " (values as files)";

  /** One program in both forms; `irRoot`/`sqlRoot` are the data roots its two runs read and write. */
  record Case(String name, String ir, String sql, Path irRoot, Path sqlRoot) {}

  @TestFactory
  Stream<DynamicTest> fixtures() throws Exception {
    List<Path> irs = list(FIXTURES, ".ir.json");
    assertTrue(!irs.isEmpty(), "no fixtures found");
    return irs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      String base = p.getFileName().toString().replace(".ir.json", "");
      Path sqlFile = FIXTURES.resolve(base + ".sql.txt");
      Assumptions.assumeTrue(Files.exists(sqlFile), "no .sql.txt golden for " + base);
      String sql = Files.readString(sqlFile);
      String ir = Files.readString(p);
      if (sql.startsWith(NO_SQL) && sql.contains("has an event-time watermark")) {
        // VALUES RULE: the same pipeline with its watermarked values sources read from JSON-lines files instead
        Path irDir = Files.createTempDirectory("sc-diff-ir-");
        Path sqlDir = Files.createTempDirectory("sc-diff-sql-");
        Path graph = ValuesAsFiles.rewrite(FIXTURES.resolve(base + ".graph.json"), ir, irDir.resolve("graph.json"),
            irDir.resolve("files"), sqlDir.resolve("files"));
        runGraph(base + AS_FILES, graph, irDir, sqlDir);
        return;
      }
      Assumptions.assumeFalse(sql.startsWith(NO_SQL), () -> "skipped by rule, SQL printer refused: " + sql.strip());
      run(new Case(base, ir, sql, fixtureRoot(), fixtureRoot()));
    }));
  }

  @TestFactory
  Stream<DynamicTest> examples() throws Exception {
    List<Path> files = list(EXAMPLES, ".json");
    assertTrue(!files.isEmpty(), "no examples found");
    return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      // each side gets its own data dir, so the CLI resolves file paths into two separate data roots
      runGraph(p.getFileName().toString(), p, Files.createTempDirectory("sc-diff-ir-"), Files.createTempDirectory("sc-diff-sql-"));
    }));
  }

  /** A graph file's IR and SQL printed by the CLI, each resolved into its own data dir, then both run and compared. */
  private static void runGraph(String name, Path graph, Path irDir, Path sqlDir) throws Exception {
    Cli.Result sql = Cli.run(sqlDir, "sql", graph.toAbsolutePath().toString());
    if (sql.code() == 1 && sql.stderr().contains("has an event-time watermark") && !name.endsWith(AS_FILES)) {
      Cli.Result ir = Cli.run(irDir, "plan", graph.toAbsolutePath().toString());
      assertEquals(0, ir.code(), ir::stderr);
      Path rewritten = ValuesAsFiles.rewrite(graph, ir.stdout(), irDir.resolve("graph.json"), irDir.resolve("files"), sqlDir.resolve("files"));
      runGraph(name + AS_FILES, rewritten, irDir, sqlDir);
      return;
    }
    Assumptions.assumeFalse(sql.code() == 1 && sql.stderr().contains("cannot print SQL"),
        () -> "skipped by rule, SQL printer refused: " + sql.stderr().strip());
    assertEquals(0, sql.code(), sql::stderr);
    Cli.Result ir = Cli.run(irDir, "plan", graph.toAbsolutePath().toString());
    assertEquals(0, ir.code(), ir::stderr);
    run(new Case(name, ir.stdout(), sql.stdout(), irDir.resolve("files"), sqlDir.resolve("files")));
  }

  private static void run(Case c) throws Exception {
    List<String> connections = new ObjectMapper().readTree(c.ir()).findValuesAsText("connection");
    Assumptions.assumeTrue(connections.isEmpty(),
        () -> "skipped by rule, names connections " + connections + ": KafkaNodesITCase runs Kafka pipelines on the test broker");
    String udfs = SqlSide.udfStatements(c.ir());
    Assumptions.assumeTrue(udfs.isEmpty(), () -> "skipped by rule, TS UDFs (" + udfs + "): the SQL calls functions only jvm-runner registers");
    var cluster = SharedCluster.cluster();
    JobSubmitter submitter = new JobSubmitter(cluster, DataRoot.of(c.irRoot()));
    RunningJob job = submitter.submit(IrReader.read(c.ir()));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 90_000), () -> "IR run: " + job.toJson(true).toPrettyString());
    JsonNode info = job.toJson(true);
    SqlSide.Result sql = SqlSide.run(c.sql(), c.sqlRoot(), cluster);
    Map<String, List<String>> irColumns = new TreeMap<>();
    info.get("sinks").fields().forEachRemaining(e -> {
      List<String> names = new java.util.ArrayList<>();
      e.getValue().get("columns").forEach(col -> names.add(col.get("name").asText()));
      irColumns.put(e.getKey(), names);
    });
    assertEquals(irColumns, sql.columns(), c.name() + ": collect sinks and their columns (IR vs SQL)");
    String why = SqlSide.nondeterminism(c.ir());
    Assumptions.assumeTrue(why.isEmpty(), () -> "rows not compared by rule, they differ between runs: " + why);
    Map<String, List<String>> fromIr = new TreeMap<>();
    info.get("sinks").fields().forEachRemaining(e -> fromIr.put(e.getKey(), sorted(FixturesITCase.finalRows(e.getValue(), e.getKey()))));
    Map<String, List<String>> fromSql = sql.rows();
    for (String sink : fromIr.keySet()) {
      assertEquals(fromIr.get(sink), fromSql.get(sink), c.name() + ": rows of collect sink " + sink + " (IR vs SQL)");
    }
    for (String rel : SqlSide.fileSinkPaths(c.ir(), c.irRoot())) {
      List<String> irLines = FileSystemITCase.visibleLines(c.irRoot().resolve(rel));
      assertEquals(irLines, FileSystemITCase.visibleLines(c.sqlRoot().resolve(rel)), c.name() + ": files under " + rel);
    }
  }

  /** A fresh data root holding the fixtures' data files. */
  private static Path fixtureRoot() throws Exception {
    Path root = Files.createTempDirectory("sc-diff-root-");
    SharedCluster.copyTree(SharedCluster.FIXTURE_DATA, root);
    return root;
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  private static List<Path> list(Path dir, String suffix) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
