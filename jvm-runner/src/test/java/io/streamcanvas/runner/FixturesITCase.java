// Runs every IR fixture that has expected rows on one shared MiniCluster, through the production submit path.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class FixturesITCase {
  /** Our own fixtures, and the golden graph → IR fixtures of pipeline/ shared with the TypeScript tests. */
  static final List<Path> FIXTURE_DIRS = List.of(Path.of("src/test/resources/ir"), Path.of("../pipeline/fixtures"));
  static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<Path> cases = new ArrayList<>();
    for (Path dir : FIXTURE_DIRS) {
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(p -> p.getFileName().toString().endsWith(".ir.json"))
            .filter(p -> Files.exists(rowsFile(p)))
            .sorted()
            .forEach(cases::add);
      }
    }
    assertTrue(!cases.isEmpty(), "no IR fixtures with expected rows found");
    return cases.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> runCase(p)));
  }

  static Path rowsFile(Path ir) {
    String name = ir.getFileName().toString();
    return ir.resolveSibling(name.substring(0, name.length() - ".ir.json".length()) + ".rows.json");
  }

  private void runCase(Path irFile) throws Exception {
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(Files.readString(irFile)));
    JobStatus status = Jobs.awaitTerminal(job, 60_000);
    JsonNode info = job.toJson(true);
    assertEquals(JobStatus.FINISHED, status, () -> "job did not finish: " + info.toPrettyString());
    JsonNode expected = JSON.readTree(rowsFile(irFile).toFile());
    assertEquals(names(expected), names(info.get("sinks")), "collect sinks");
    expected.fields().forEachRemaining(e -> {
      List<String> want = new ArrayList<>();
      e.getValue().forEach(row -> want.add(Jobs.canonical(row)));
      List<String> got = finalRows(info.get("sinks").get(e.getKey()), e.getKey());
      assertEquals(want.stream().sorted().toList(), got.stream().sorted().toList(), "rows of sink " + e.getKey());
    });
  }

  /**
   * The sink's final table: its changelog applied in order (+I/+U add a row, -U/-D remove one equal row), so an
   * updating result such as a group aggregate compares as its end state. An insert-only sink may have kept only its
   * last maxRows rows (those are what it shows); an updating one must have kept all, or its end state is unknown.
   */
  static List<String> finalRows(JsonNode sink, String name) {
    boolean insertOnly = true;
    for (JsonNode r : sink.get("rows")) insertOnly &= r.get("kind").asText().equals("+I");
    if (!insertOnly) {
      assertEquals(sink.get("total").asInt(), sink.get("rows").size(), () -> "sink " + name + " dropped rows; raise its maxRows");
    }
    List<String> rows = new ArrayList<>();
    for (JsonNode r : sink.get("rows")) {
      String values = Jobs.canonical(r.get("values"));
      String kind = r.get("kind").asText();
      if (kind.equals("+I") || kind.equals("+U")) rows.add(values);
      else assertTrue(rows.remove(values), () -> "sink " + name + ": " + kind + " of a row it does not hold: " + values);
    }
    return rows;
  }

  private static TreeSet<String> names(JsonNode object) {
    TreeSet<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
