// The filesystem connector on a MiniCluster: a bounded CSV source and a JSON-lines sink whose files are final when the
// job finishes, and every path that would leave the data root refused before the job runs.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.JobSubmitter;
import io.streamcanvas.runner.job.RunningJob;
import io.streamcanvas.runner.job.SubmissionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class FileSystemITCase {
  static final Path FIXTURE = Path.of("../pipeline/fixtures/filesystem-files.ir.json");

  /** The fixture program with the sink's path (statement 2) replaced. */
  static ObjectNode program(String sinkPath) throws Exception {
    ObjectNode p = (ObjectNode) FixturesITCase.JSON.readTree(FIXTURE.toFile());
    ((ObjectNode) p.get("statements").get(2).get("descriptor").get("options")).put("path", sinkPath);
    return p;
  }

  static RunningJob submit(JobSubmitter submitter, ObjectNode program) throws Exception {
    return submitter.submit(IrReader.read(program.toString()));
  }

  /** Every line of every visible file under dir (Flink's in-progress files are hidden, named .part-…). */
  static List<String> visibleLines(Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!f.getFileName().toString().startsWith(".")) lines.addAll(Files.readAllLines(f));
      }
    }
    return lines.stream().sorted().toList();
  }

  @Test
  void bounded_csv_to_json_lines_files_are_final_when_the_job_finishes() throws Exception {
    RunningJob job = submit(SharedCluster.submitter(), program("out/bounded ö run"));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 60_000), () -> job.toJson(true).toPrettyString());
    Path out = SharedCluster.dataRoot().resolve("out/bounded ö run");
    assertEquals(List.of(
        "{\"order id\":1,\"the \\\"name\\\"\":\"Zoë \\\"Z\\\" Müller\",\"back`tick €\":12.50,\"at\":\"2024-03-01 10:00:00\"}",
        "{\"order id\":3,\"the \\\"name\\\"\":\"Stone,Carla\",\"back`tick €\":7.25,\"at\":\"2024-03-01 10:00:02\"}",
        "{\"order id\":4,\"the \\\"name\\\"\":\"名前\",\"back`tick €\":100.00,\"at\":\"2024-03-01 10:00:03\"}"), visibleLines(out));
    try (Stream<Path> files = Files.walk(out)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("inprogress")), "no in-progress file is left");
    }
  }

  @Test
  void a_processing_time_column_is_appended_to_what_the_files_hold() throws Exception {
    ObjectNode p = program("out/with proctime");
    ((ObjectNode) p.get("statements").get(0).get("descriptor")).putObject("proctime").put("column", "read at");
    ((com.fasterxml.jackson.databind.node.ArrayNode) p.get("statements")).remove(2); // the file sink's schema is fixed
    RunningJob job = submit(SharedCluster.submitter(), p);
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 60_000), () -> job.toJson(true).toPrettyString());
    var sink = job.toJson(true).get("sinks").get("rows");
    var columns = sink.get("columns");
    assertEquals("read at", columns.get(columns.size() - 1).get("name").asText(), columns::toString);
    assertEquals(3, sink.get("rows").size(), sink::toString);
    for (var row : sink.get("rows")) {
      String at = row.get("values").get(columns.size() - 1).asText();
      assertTrue(at.matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), () -> "processing time " + at);
    }
  }

  /** Rows of the job's collect sink "rows" so far. */
  static int collected(RunningJob job) {
    return job.toJson(true).get("sinks").get("rows").get("rows").size();
  }

  static void awaitRows(RunningJob job, int n) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (collected(job) < n && System.currentTimeMillis() < deadline && !job.isTerminal()) Thread.sleep(100);
    assertEquals(n, collected(job), () -> job.toJson(true).toPrettyString());
  }

  @Test
  void a_monitored_folder_streams_files_added_while_the_job_runs() throws Exception {
    Path dir = Files.createDirectories(SharedCluster.dataRoot().resolve("watched ü"));
    Files.writeString(dir.resolve("first.csv"), "1,a,1.00,2024-03-01 10:00:00\n");
    ObjectNode p = program("out/watched");
    ObjectNode options = (ObjectNode) p.get("statements").get(0).get("descriptor").get("options");
    options.put("path", "watched ü").put("source.monitor-interval", "200 ms");
    ((com.fasterxml.jackson.databind.node.ArrayNode) p.get("statements")).remove(2); // collect only: no file sink here
    RunningJob job = submit(SharedCluster.submitter(), p);
    try {
      awaitRows(job, 1);
      Files.writeString(dir.resolve("second.csv"), "2,b,2.00,2024-03-01 10:00:01\n3,c,3.00,2024-03-01 10:00:02\n");
      awaitRows(job, 3);
      assertEquals(JobStatus.RUNNING, job.status(), "a monitored source never finishes");
    } finally {
      job.cancel();
    }
  }

  /** A collect-only program reading `path` with the given format and columns (name, type pairs). */
  static String readProgram(String path, String format, String... columns) {
    StringBuilder schema = new StringBuilder();
    for (int i = 0; i < columns.length; i += 2) {
      if (i > 0) schema.append(',');
      schema.append("{\"name\": \"").append(columns[i]).append("\", \"type\": \"").append(columns[i + 1]).append("\"}");
    }
    return """
        {"irVersion": 1, "name": "header", "statements": [
          {"op": "from", "table": "src", "descriptor": {"connector": "filesystem", "schema": [%s],
            "options": {"path": "%s", "format": "%s"}}},
          {"op": "collect", "sink": "rows", "input": "src", "maxRows": 100}]}
        """.formatted(schema, path, format);
  }

  static List<String> rowsOf(RunningJob job) {
    List<String> rows = new ArrayList<>();
    for (var r : job.toJson(true).get("sinks").get("rows").get("rows")) rows.add(r.get("values").toString());
    return rows.stream().sorted().toList();
  }

  @Test
  void csv_with_header_skips_the_first_line_of_every_file() throws Exception {
    Path dir = Files.createDirectories(SharedCluster.dataRoot().resolve("with header"));
    Files.writeString(dir.resolve("a.csv"), "id,name\n1,ann\n2,bob\n");
    Files.writeString(dir.resolve("b.csv"), "id,name\n3,cy\n");
    // typed columns: a header read as data would fail the job (no ignore-parse-errors here)
    RunningJob typed = SharedCluster.submitter().submit(IrReader.read(readProgram("with header", "csv-with-header", "id", "BIGINT", "name", "STRING")));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(typed, 60_000), () -> typed.toJson(true).toPrettyString());
    assertEquals(List.of("[\"1\",\"ann\"]", "[\"2\",\"bob\"]", "[\"3\",\"cy\"]"), rowsOf(typed));
    // text columns: the header would parse as a row, and is still skipped
    RunningJob text = SharedCluster.submitter().submit(IrReader.read(readProgram("with header/a.csv", "csv-with-header", "id", "STRING", "name", "STRING")));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(text, 60_000), () -> text.toJson(true).toPrettyString());
    assertEquals(List.of("[\"1\",\"ann\"]", "[\"2\",\"bob\"]"), rowsOf(text));
    // Flink's plain csv format reads that header as data
    RunningJob plain = SharedCluster.submitter().submit(IrReader.read(readProgram("with header/a.csv", "csv", "id", "STRING", "name", "STRING")));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(plain, 60_000), () -> plain.toJson(true).toPrettyString());
    assertEquals(List.of("[\"1\",\"ann\"]", "[\"2\",\"bob\"]", "[\"id\",\"name\"]"), rowsOf(plain));
  }

  @Test
  void csv_with_header_is_refused_for_a_sink() throws Exception {
    ObjectNode p = program("out/header");
    ((ObjectNode) p.get("statements").get(2).get("descriptor").get("options")).put("format", "csv-with-header");
    var e = assertThrows(SubmissionException.class, () -> submit(SharedCluster.submitter(), p));
    assertTrue(e.getMessage().contains("reads files only"), e.getMessage());
  }

  @Test
  void paths_outside_the_data_root_are_refused_before_running() throws Exception {
    Path outside = Files.createTempDirectory("sc-outside-");
    Files.writeString(outside.resolve("secret.csv"), "1,x,1.0,2024-01-01 00:00:00\n");
    Files.createSymbolicLink(SharedCluster.dataRoot().resolve("link out"), outside);
    for (String sinkPath : List.of("../escape", "out/../../escape", outside.toString(), "link out/written", "link out")) {
      var e = assertThrows(SubmissionException.class, () -> submit(SharedCluster.submitter(), program(sinkPath)), sinkPath);
      assertEquals("out_json", e.node(), sinkPath);
      assertTrue(e.getMessage().contains("outside the data root"), e.getMessage());
    }
    ObjectNode p = program("out/x");
    ((ObjectNode) p.get("statements").get(0).get("descriptor").get("options")).put("path", "link out/secret.csv");
    var e = assertThrows(SubmissionException.class, () -> submit(SharedCluster.submitter(), p));
    assertEquals("orders_csv", e.node());
    assertTrue(e.getMessage().contains("outside the data root"), e.getMessage());
    try (Stream<Path> files = Files.list(outside)) {
      assertEquals(List.of("secret.csv"), files.map(f -> f.getFileName().toString()).toList(), "nothing was written outside");
    }
  }

  @Test
  void a_directory_source_holding_a_link_out_is_refused() throws Exception {
    Path outside = Files.createTempDirectory("sc-outside-");
    Path dir = Files.createDirectories(SharedCluster.dataRoot().resolve("dir with link"));
    Files.createSymbolicLink(dir.resolve("sneaky.csv"), Files.writeString(outside.resolve("a.csv"), "1\n"));
    ObjectNode p = program("out/y");
    ((ObjectNode) p.get("statements").get(0).get("descriptor").get("options")).put("path", "dir with link");
    var e = assertThrows(SubmissionException.class, () -> submit(SharedCluster.submitter(), p));
    assertTrue(e.getMessage().contains("sneaky.csv"), e.getMessage());
  }

  @Test
  void options_other_than_those_of_the_node_kinds_are_refused() throws Exception {
    ObjectNode p = program("out/z");
    ((ObjectNode) p.get("statements").get(2).get("descriptor").get("options")).put("sink.partition-commit.policy.class", "x.Y");
    var e = assertThrows(SubmissionException.class, () -> submit(SharedCluster.submitter(), p));
    assertTrue(e.getMessage().contains("sink.partition-commit.policy.class"), e.getMessage());
  }

  @Test
  void a_runner_without_a_data_root_refuses_the_filesystem_connector() throws Exception {
    var cluster = SharedCluster.cluster();
    var submitter = new JobSubmitter(cluster);
    var e = assertThrows(SubmissionException.class, () -> submit(submitter, program("out/w")));
    assertTrue(e.getMessage().contains("--data-root"), e.getMessage());
  }
}
