// For the differential test: a pipeline whose values source has a watermark (which Flink SQL cannot declare on VALUES)
// gets that source replaced by a files source reading the same rows from JSON lines, with the same event time, so
// the rest of the pipeline (windows, joins, …) still runs both ways.
package io.streamcanvas.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

final class ValuesAsFiles {
  static final String DIR = "differential-values";

  private ValuesAsFiles() {}

  /** Writes the rewritten graph next to `out` and each values source's rows under every data root; returns the graph file. */
  static Path rewrite(Path graphFile, String ir, Path out, Path... dataRoots) throws Exception {
    Map<String, JsonNode> valuesById = new HashMap<>();
    for (JsonNode s : FixturesITCase.JSON.readTree(ir).get("statements")) {
      if (s.get("op").asText().equals("fromValues")) valuesById.put(s.get("table").asText(), s);
    }
    ObjectNode graph = (ObjectNode) FixturesITCase.JSON.readTree(graphFile.toFile());
    for (JsonNode n : graph.get("nodes")) {
      JsonNode values = valuesById.get(n.get("id").asText());
      if (!n.get("kind").asText().equals("values") || values == null || !values.hasNonNull("watermark")) continue;
      String rel = DIR + "/" + n.get("id").asText() + ".jsonl";
      String lines = jsonLines(values);
      for (Path root : dataRoots) {
        Files.createDirectories(root.resolve(DIR));
        Files.writeString(root.resolve(rel), lines);
      }
      ObjectNode node = (ObjectNode) n;
      ObjectNode config = (ObjectNode) node.get("config");
      ObjectNode files = FixturesITCase.JSON.createObjectNode();
      files.put("path", rel).put("format", "json");
      files.set("columns", config.get("columns"));
      if (config.has("eventTime")) files.set("eventTime", config.get("eventTime"));
      node.put("kind", "filesystem-source").put("version", 1).set("config", files);
    }
    Files.writeString(out, graph.toPrettyString());
    return out;
  }

  /** One JSON object per row, keyed by column name; IR cells as JSON (Flink's JSON format reads numbers given as text). */
  private static String jsonLines(JsonNode values) {
    StringBuilder sb = new StringBuilder();
    ArrayNode columns = (ArrayNode) values.get("columns");
    for (JsonNode row : values.get("rows")) {
      ObjectNode o = FixturesITCase.JSON.createObjectNode();
      for (int i = 0; i < columns.size(); i++) {
        JsonNode cell = row.get(i);
        String type = columns.get(i).get("type").asText();
        // the IR writes times as ISO-8601 (2024-01-01T10:00:00.000); Flink's JSON format reads SQL's form by default
        if (cell.isTextual() && type.startsWith("TIMESTAMP(")) o.put(columns.get(i).get("name").asText(), cell.asText().replace('T', ' '));
        else o.set(columns.get(i).get("name").asText(), cell);
      }
      sb.append(o).append('\n');
    }
    return sb.toString();
  }
}
