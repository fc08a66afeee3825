// A TS UDF before event-time windows gives the same windows as without it: rowtime survives and watermarks wait for rows.
package io.streamcanvas.runner.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.SharedCluster;
import io.streamcanvas.runner.JobsAccess;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class UdfEventTimeITCase {
  static final Path FIXTURE = Path.of("../pipeline/fixtures/tumble-window.ir.json");
  static final Path EXPECTED = Path.of("../pipeline/fixtures/tumble-window.rows.json");
  /** The shared tumble-window fixture with a TS UDF spliced in after its source; every reader reads the UDF's output. */
  @Test
  void windowsAfterUdfEqualWindowsWithout() throws Exception {
    // The UDF reads the rowtime column too (as a Date) and checks it; ts itself passes by untouched.
    assertSameWindows("udfMap",
        "export default (row) => { if (!(row.ts instanceof Date)) throw new Error('ts'); return { temp: row.temp }; };", true);
  }

  @Test
  void windowsAfterTsFilterEqualWindowsWithout() throws Exception {
    assertSameWindows("udfFilter", "export default (row) => row.ts instanceof Date;", false);
  }

  @Test
  void windowsAfterTsFlatMapEqualWindowsWithout() throws Exception {
    assertSameWindows("udfFlatMap", "export default (row) => [{ temp: row.temp }];", true);
  }

  private void assertSameWindows(String op, String code, boolean outputsTemp) throws Exception {
    ObjectNode program = (ObjectNode) UdfPrograms.JSON.readTree(FIXTURE.toFile());
    ArrayNode statements = (ArrayNode) program.get("statements");
    String source = statements.get(0).get("table").asText();
    statements.forEach(s -> {
      if (s.path("input").asText().equals(source)) ((ObjectNode) s).put("input", "udf_out");
    });
    ObjectNode udfMap = UdfPrograms.JSON.createObjectNode().put("op", op).put("table", "udf_out").put("input", source);
    udfMap.putObject("udf").put("name", "identity").put("code", code)
        .set("inputColumns", UdfPrograms.JSON.valueToTree(List.of(
            java.util.Map.of("name", "temp", "type", "DOUBLE"), java.util.Map.of("name", "ts", "type", "TIMESTAMP(3)"))));
    if (outputsTemp) {
      ((ObjectNode) udfMap.get("udf")).set("outputColumns",
          UdfPrograms.JSON.valueToTree(List.of(java.util.Map.of("name", "temp", "type", "DOUBLE"))));
    }
    statements.insert(1, udfMap);

    RunningJob job = SharedCluster.submitter().submit(IrReader.read(program));
    JobStatus status = JobsAccess.awaitTerminal(job, 120_000);
    JsonNode info = job.toJson(true);
    assertEquals(JobStatus.FINISHED, status, () -> info.toPrettyString());
    JsonNode expected = UdfPrograms.JSON.readTree(EXPECTED.toFile());
    expected.fields().forEachRemaining(e -> {
      List<String> want = new ArrayList<>();
      e.getValue().forEach(r -> want.add(JobsAccess.canonical(r)));
      List<String> got = new ArrayList<>();
      info.get("sinks").get(e.getKey()).get("rows").forEach(r -> got.add(JobsAccess.canonical(r.get("values"))));
      assertEquals(want.stream().sorted().toList(), got.stream().sorted().toList(), "windows of " + e.getKey());
    });
  }
}
