// Where Flink 2.3 calls a window's TS aggregate merge(), on a real MiniCluster: the golden fixtures' windows run with
// merge() taken out of their bundle. pipeline/udf/aggregate-exports.ts requires merge() for exactly these windows.
package io.streamcanvas.runner.udf;

import static io.streamcanvas.runner.udf.UdfMapITCase.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.SharedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class UdfWindowMergeITCase {
  /**
   * The fixture's source, the window `table` (its bundle without the merge export) and the collect sink reading it,
   * renamed "out".
   */
  static String withoutMerge(String fixture, String table) throws Exception {
    ObjectNode program = (ObjectNode) UdfPrograms.JSON.readTree(Files.readString(Path.of("../pipeline/fixtures", fixture + ".ir.json")));
    ArrayNode kept = UdfPrograms.JSON.createArrayNode();
    for (JsonNode s : program.get("statements")) {
      String op = s.get("op").asText();
      if (op.equals("fromValues")) kept.add(s);
      if (op.equals("window") && s.get("table").asText().equals(table)) {
        ObjectNode udf = (ObjectNode) s.get("udf");
        String code = udf.get("code").asText();
        String stripped = code.replace(",\n  merge\n};", "\n};");
        assertNotEquals(code, stripped, "the bundle of " + table + " exports merge last");
        udf.put("code", stripped);
        kept.add(s);
      }
      if (op.equals("collect") && s.get("input").asText().equals(table)) kept.add(((ObjectNode) s).put("sink", "out"));
    }
    assertEquals(3, kept.size(), "source, window and sink of " + table);
    program.set("statements", kept);
    return program.toString();
  }

  static void assertMergeNeeded(String fixture, String table) throws Exception {
    JsonNode info = run(withoutMerge(fixture, table), JobStatus.FAILED);
    String cause = info.get("error").get("rootCause").asText();
    assertTrue(cause.contains("UDF \"" + table + "\"") && cause.contains("export function merge"), cause);
  }

  @Test
  void hopWindowsMergeTheirSlices() throws Exception {
    assertMergeNeeded("ts-aggregate-windows", "sliding");
  }

  @Test
  void cumulateWindowsMergeEachStepIntoTheWindow() throws Exception {
    assertMergeNeeded("ts-aggregate-merging", "running");
  }

  @Test
  void sessionWindowsMergeWhenARowBridgesTwoSessions() throws Exception {
    assertMergeNeeded("ts-aggregate-merging", "sessions");
  }

  @Test
  void tumbleWindowsRunOnePhaseAndNeverMerge() throws Exception {
    JsonNode info = run(withoutMerge("ts-aggregate-windows", "per_sensor"), JobStatus.FINISHED);
    assertEquals(5, info.get("sinks").get("out").get("rows").size());
  }
}
