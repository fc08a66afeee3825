// TS map UDFs over nested ROW / ARRAY / MAP columns on a real MiniCluster: read from JSON lines, returned as nested values.
package io.streamcanvas.runner.udf;

import static io.streamcanvas.runner.udf.UdfPrograms.cols;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.SharedCluster;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class UdfNestedITCase {
  /** pipeline/fixtures/data/nested/events.jsonl, which SharedCluster copies into its data root. */
  static final List<String[]> COLUMNS = cols("id", "BIGINT",
      "payload", "ROW<`user` ROW<`id` BIGINT, `display name` STRING>, `tags` ARRAY<STRING>>",
      "scores", "MAP<STRING, DOUBLE>");

  static String program(String code, List<String[]> outputs) {
    ObjectNode p = UdfPrograms.JSON.createObjectNode().put("irVersion", 1).put("name", "udf-nested");
    p.putObject("config");
    ArrayNode st = p.putArray("statements");
    ObjectNode from = st.addObject().put("op", "from").put("table", "src");
    ObjectNode d = from.putObject("descriptor").put("connector", "filesystem");
    columns(d.putArray("schema"), COLUMNS);
    d.putObject("options").put("path", "nested/events.jsonl").put("format", "json");
    ObjectNode udf = st.addObject().put("op", "udfMap").put("table", "mapped").put("input", "src")
        .putObject("udf").put("name", "nested").put("code", code);
    columns(udf.putArray("inputColumns"), COLUMNS);
    columns(udf.putArray("outputColumns"), outputs);
    st.addObject().put("op", "collect").put("sink", "out").put("input", "mapped").put("maxRows", 100);
    return p.toString();
  }

  private static void columns(ArrayNode into, List<String[]> cols) {
    for (String[] c : cols) into.addObject().put("name", c[0]).put("type", c[1]);
  }

  @Test
  void nestedColumnsReachTheUdfAsObjectsArraysAndMapsAndComeBackExactly() throws Exception {
    String code = """
        export default function (row) {
          const p = row.payload;
          const u = p === null ? null : p.user;
          const kind = (v) => (v === null ? "null" : v instanceof Map ? "Map" : Array.isArray(v) ? "array" : typeof v);
          return {
            kinds: [kind(row.id), kind(p), kind(u === null ? null : u.id), kind(p === null ? null : p.tags), kind(row.scores)].join(","),
            user: u === null ? null : {
              id: u.id - 1n, name: u["display name"], at: new Date(Date.UTC(2024, 1, 29, 12, 0, 0, 123)), price: "12345678901234567.89",
            },
            tags: p === null ? null : p.tags,
            byPos: p === null ? null : new Map(p.tags.map((t, i) => [BigInt(i), t === null ? null : [t.length, 7]])),
          };
        }
        """;
    JsonNode info = UdfMapITCase.run(program(code, cols("kinds", "STRING",
        "user", "ROW<`id` BIGINT, `name` STRING, `at` TIMESTAMP(3), `price` DECIMAL(19, 2)>",
        "tags", "ARRAY<STRING>", "byPos", "MAP<BIGINT NOT NULL, ARRAY<INT NOT NULL>>")), JobStatus.FINISHED);
    assertEquals("[\"id\",\"payload\",\"scores\",\"kinds\",\"user\",\"tags\",\"byPos\"]",
        UdfPrograms.JSON.writeValueAsString(info.get("sinks").get("out").get("columns").findValuesAsText("name")));
    assertEquals(List.of(
        "[\"1\",{\"user\":{\"id\":\"9223372036854775807\",\"display name\":\"Zoë\"},\"tags\":[\"a\",null,\"c\"]},"
            + "[[\"x\",1.5],[\"y\",null]],\"bigint,object,bigint,array,Map\","
            + "{\"id\":\"9223372036854775806\",\"name\":\"Zoë\",\"at\":\"2024-02-29T12:00:00.123\",\"price\":\"12345678901234567.89\"},"
            + "[\"a\",null,\"c\"],[[\"0\",[1,7]],[\"1\",null],[\"2\",[1,7]]]]",
        "[\"2\",{\"user\":null,\"tags\":[]},[],\"bigint,object,null,array,Map\",null,[],[]]",
        "[\"3\",null,null,\"bigint,null,null,null,null\",null,null,null]"),
        UdfMapITCase.rows(info).stream().sorted().toList());
  }

  static final String P1 = "{\"user\":{\"id\":\"9223372036854775807\",\"display name\":\"Zoë\"},\"tags\":[\"a\",null,\"c\"]}";
  static final String S1 = "[[\"x\",1.5],[\"y\",null]]";

  /** A statement (udfFlatMap or udfAggregate) over the JSON-lines source, then collect. */
  static String over(String op, String extra, String code, String outputs) throws Exception {
    ObjectNode p = (ObjectNode) UdfPrograms.JSON.readTree(program("", List.of()));
    ObjectNode st = (ObjectNode) p.get("statements").get(1);
    st.put("op", op);
    if (!extra.isEmpty()) st.set("keys", UdfPrograms.JSON.readTree(extra));
    ((ObjectNode) st.get("udf")).put("code", code).set("outputColumns", UdfPrograms.JSON.readTree(outputs));
    return p.toString();
  }

  @Test
  void aFlatMapYieldsRowsWithNestedColumns() throws Exception {
    String code = "export default (row) => (row.payload?.tags ?? []).map((tag) => ({ tag, user: row.payload.user }));";
    JsonNode info = UdfMapITCase.run(over("udfFlatMap", "", code,
        "[{\"name\":\"tag\",\"type\":\"STRING\"},{\"name\":\"user\",\"type\":\"ROW<`id` BIGINT, `display name` STRING>\"}]"),
        JobStatus.FINISHED);
    String user = "{\"id\":\"9223372036854775807\",\"display name\":\"Zoë\"}";
    assertEquals(List.of(
        "[\"1\"," + P1 + "," + S1 + ",\"a\"," + user + "]",
        "[\"1\"," + P1 + "," + S1 + ",\"c\"," + user + "]",
        "[\"1\"," + P1 + "," + S1 + ",null," + user + "]"),
        UdfMapITCase.rows(info).stream().sorted().toList());
  }

  @Test
  void anAggregateReadsNestedRowsAndReturnsAnArrayAMapAndARow() throws Exception {
    String code = """
        export function create() { return { tags: [], counts: {}, top: null }; }
        export function add(acc, row) {
          const p = row.payload;
          if (p === null) return;
          for (const t of p.tags ?? []) { acc.tags.push(t); if (t !== null) acc.counts[t] = (acc.counts[t] ?? 0) + 1; }
          const id = p.user === null ? null : p.user.id;
          if (id !== null && (acc.top === null || id > acc.top)) acc.top = id;
        }
        export default function result(acc) {
          return { tags: [...acc.tags].sort(), counts: new Map(Object.entries(acc.counts).map(([k, n]) => [k, BigInt(n)])), top: { id: acc.top } };
        }
        """;
    JsonNode info = UdfMapITCase.run(over("udfAggregate", "[]", code, "[{\"name\":\"tags\",\"type\":\"ARRAY<STRING>\"},"
        + "{\"name\":\"counts\",\"type\":\"MAP<STRING NOT NULL, BIGINT NOT NULL>\"},{\"name\":\"top\",\"type\":\"ROW<`id` BIGINT>\"}]"),
        JobStatus.FINISHED);
    assertEquals(List.of("[[\"a\",\"c\",null],[[\"a\",\"1\"],[\"c\",\"1\"]],{\"id\":\"9223372036854775807\"}]"),
        UdfKindsITCase.finalRows(info));
  }

  @Test
  void datagenFillsNestedColumnsThatTheUdfReads() throws Exception {
    String types = "ROW<`id` BIGINT NOT NULL, `tags` ARRAY<STRING>>";
    String program = """
        {"irVersion":1,"name":"udf-nested-datagen","config":{},"statements":[
          {"op":"from","table":"src","descriptor":{"connector":"datagen",
            "schema":[{"name":"p","type":%1$s},{"name":"m","type":"MAP<INT, DOUBLE> NOT NULL"}],
            "options":{"number-of-rows":"4","fields.p.kind":"random","fields.m.kind":"random"}}},
          {"op":"udfMap","table":"mapped","input":"src","udf":{"name":"shape","code":%2$s,
            "inputColumns":[{"name":"p","type":%1$s},{"name":"m","type":"MAP<INT, DOUBLE> NOT NULL"}],
            "outputColumns":[{"name":"shape","type":"STRING"}]}},
          {"op":"collect","sink":"out","input":"mapped","maxRows":10}]}
        """.formatted(UdfPrograms.JSON.writeValueAsString(types), UdfPrograms.JSON.writeValueAsString(
        "export default (row) => ({ shape: [row.p === null ? 'null' : typeof row.p.id, Array.isArray(row.p?.tags),"
            + " row.m instanceof Map, [...row.m.keys()].every((k) => typeof k === 'number')].join(',') });"));
    JsonNode info = UdfMapITCase.run(program, JobStatus.FINISHED);
    List<String> shapes = new java.util.ArrayList<>();
    info.get("sinks").get("out").get("rows").forEach(r -> shapes.add(r.get("values").get(2).asText()));
    assertEquals(List.of("bigint,true,true,true", "bigint,true,true,true", "bigint,true,true,true", "bigint,true,true,true"), shapes);
  }

  @Test
  void aNullWhereTheNestedTypeIsNotNullFailsNamingThePath() throws Exception {
    String code = "export default (row) => ({ ids: [row.id, null] });";
    JsonNode info = UdfMapITCase.run(program(code, cols("ids", "ARRAY<BIGINT NOT NULL>")), JobStatus.FAILED);
    String cause = info.get("error").get("rootCause").asText();
    assertTrue(cause.contains("UDF \"nested\" failed: TypeError: column \"ids\" (ARRAY<BIGINT NOT NULL>) expects a value "
        + "(the type is NOT NULL) at ids[], got null"), cause);
  }
}
