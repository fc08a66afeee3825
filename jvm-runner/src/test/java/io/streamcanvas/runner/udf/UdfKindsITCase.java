// TypeScript filter, flatMap and aggregate UDFs on a real MiniCluster through the production submit path: exact rows
// with nulls and BIGINT/DECIMAL precision, errors mapped to the TypeScript line, console lines in the job's log.
package io.streamcanvas.runner.udf;

import static io.streamcanvas.runner.udf.UdfMapITCase.rows;
import static io.streamcanvas.runner.udf.UdfMapITCase.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.SharedCluster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class UdfKindsITCase {
  static final String VALUES = """
      {"op":"fromValues","table":"src","columns":[{"name":"id","type":"BIGINT NOT NULL"},{"name":"name","type":"STRING"},
        {"name":"price","type":"DECIMAL(10, 2)"},{"name":"at","type":"TIMESTAMP(3)"}],
       "rows":[["9223372036854775807","Zoë","99999999.99","2024-02-29T23:59:59.123"],["-3",null,null,null],
         ["2","b","-0.01","1970-01-01T00:00:00.000"]]}""";
  static final String INPUTS = """
      [{"name":"id","type":"BIGINT NOT NULL"},{"name":"name","type":"STRING"},{"name":"price","type":"DECIMAL(10, 2)"},
       {"name":"at","type":"TIMESTAMP(3)"}]""";

  /** fromValues → the statement → collect; `udf` is spliced as the statement's udf object. */
  static String program(String source, String op, String extra, String code, String outputs) throws Exception {
    ObjectNode udf = UdfPrograms.JSON.createObjectNode().put("name", "myUdf").put("code", code);
    udf.set("inputColumns", UdfPrograms.JSON.readTree(INPUTS));
    if (outputs != null) udf.set("outputColumns", UdfPrograms.JSON.readTree(outputs));
    return """
        {"irVersion":1,"name":"udf-kinds","config":{},"statements":[%s,
          {"op":"%s","table":"t","input":"src"%s,"udf":%s},
          {"op":"collect","sink":"out","input":"t","maxRows":1000}]}
        """.formatted(source, op, extra, udf);
  }

  @Test
  void filterKeepsExactlyTheRowsItAcceptsWithNullsAndPrecision() throws Exception {
    String code = "export default (row) => row.name !== 'b' && (row.price === null || row.price.startsWith('9'));";
    JsonNode info = run(program(VALUES, "udfFilter", "", code, null), JobStatus.FINISHED);
    assertEquals(List.of("[\"-3\",null,null,null]",
        "[\"9223372036854775807\",\"Zoë\",\"99999999.99\",\"2024-02-29T23:59:59.123\"]"), rows(info).stream().sorted().toList());
    assertEquals(4, info.get("sinks").get("out").get("columns").size(), "the filter adds no column");
  }

  @Test
  void filterThatReturnsANonBooleanFailsClearly() throws Exception {
    JsonNode info = run(program(VALUES, "udfFilter", "", "export default (row) => row.name;", null), JobStatus.FAILED);
    String cause = info.get("error").get("rootCause").asText();
    assertTrue(cause.contains("UDF \"myUdf\" failed: TypeError: the filter must return true or false, got"), cause);
  }

  @Test
  void flatMapYieldsZeroOrMoreRowsPerInputWithReplacedColumns() throws Exception {
    String code = """
        export default function* (row) {
          if (row.name === null) return;
          for (const ch of row.name) yield { ch, id: row.id - 1n, price: row.price };
        }
        """;
    String outputs = "[{\"name\":\"ch\",\"type\":\"STRING NOT NULL\"},{\"name\":\"id\",\"type\":\"BIGINT\"},"
        + "{\"name\":\"price\",\"type\":\"DECIMAL(10, 2)\"}]";
    JsonNode info = run(program(VALUES, "udfFlatMap", "", code, outputs), JobStatus.FINISHED);
    assertEquals("[{\"name\":\"id\",\"type\":\"BIGINT\"},{\"name\":\"name\",\"type\":\"STRING\"},"
        + "{\"name\":\"price\",\"type\":\"DECIMAL(10, 2)\"},{\"name\":\"at\",\"type\":\"TIMESTAMP(3)\"},"
        + "{\"name\":\"ch\",\"type\":\"STRING NOT NULL\"}]", info.get("sinks").get("out").get("columns").toString());
    assertEquals(List.of(
        "[\"1\",\"b\",\"-0.01\",\"1970-01-01T00:00:00.000\",\"b\"]",
        "[\"9223372036854775806\",\"Zoë\",\"99999999.99\",\"2024-02-29T23:59:59.123\",\"Z\"]",
        "[\"9223372036854775806\",\"Zoë\",\"99999999.99\",\"2024-02-29T23:59:59.123\",\"o\"]",
        "[\"9223372036854775806\",\"Zoë\",\"99999999.99\",\"2024-02-29T23:59:59.123\",\"ë\"]"),
        rows(info).stream().sorted().toList());
  }

  @Test
  void aFilterOnTheFlatMapsOutputPlansAndRuns() throws Exception {
    String p = """
        {"irVersion":1,"name":"flatmap-filter","config":{},"statements":[%s,
          {"op":"udfFlatMap","table":"t","input":"src","udf":{"name":"fm","code":"export default (row) => [{ch: 'a'}, {ch: 'b'}];",
            "inputColumns":[{"name":"id","type":"BIGINT NOT NULL"}],"outputColumns":[{"name":"ch","type":"STRING NOT NULL"}]}},
          {"op":"filter","table":"f","input":"t","predicate":{"kind":"call","fn":"isEqual","args":[{"kind":"col","name":"ch"},
            {"kind":"lit","value":"b","type":"STRING NOT NULL"}]}},
          {"op":"collect","sink":"out","input":"f","maxRows":1000}]}
        """.formatted(VALUES);
    List<String> got = rows(run(p, JobStatus.FINISHED)).stream().map(r -> r.replaceAll("^\\[(\"[^\"]*\").*,(\"b\")\\]$", "$1 $2"))
        .sorted().toList();
    assertEquals(List.of("\"-3\" \"b\"", "\"2\" \"b\"", "\"9223372036854775807\" \"b\""), got);
  }

  static final String AGG_VALUES = """
      {"op":"fromValues","table":"src","columns":[{"name":"k","type":"STRING"},{"name":"id","type":"BIGINT"},
        {"name":"price","type":"DECIMAL(10, 2)"},{"name":"name","type":"STRING"}],
       "rows":[["a","9007199254740993","0.10","x"],["a","9007199254740993","0.20",null],["b","-1",null,"y"],
         [null,"5","1.00","z"]]}""";
  /** Sums BIGINT exactly (as bigint) and DECIMAL exactly (as bigint cents), counts nulls, collects names. */
  static final String AGG_CODE = """
      const cents = (s) => BigInt(s.replace(".", ""));
      export function create() { return { total: 0n, cents: 0n, names: [], nulls: 0 }; }
      export function add(acc, row) {
        acc.total += row.id ?? 0n;
        if (row.price === null) acc.nulls++; else acc.cents += cents(row.price);
        acc.names.push(row.name ?? "∅");
      }
      export function merge(a, b) {
        return { total: a.total + b.total, cents: a.cents + b.cents, names: [...a.names, ...b.names], nulls: a.nulls + b.nulls };
      }
      export default function result(acc) {
        const c = acc.cents.toString().padStart(3, "0");
        return { total: acc.total, cents: c.slice(0, -2) + "." + c.slice(-2), names: acc.names.sort().join(","), nulls: acc.nulls };
      }
      """;
  static final String AGG_INPUTS = "[{\"name\":\"id\",\"type\":\"BIGINT\"},{\"name\":\"price\",\"type\":\"DECIMAL(10, 2)\"},"
      + "{\"name\":\"name\",\"type\":\"STRING\"}]";
  static final String AGG_OUTPUTS = "[{\"name\":\"total\",\"type\":\"BIGINT\"},{\"name\":\"cents\",\"type\":\"DECIMAL(12, 2)\"},"
      + "{\"name\":\"names\",\"type\":\"STRING\"},{\"name\":\"nulls\",\"type\":\"INT\"}]";

  static String aggregateProgram(String keys) throws Exception {
    ObjectNode udf = UdfPrograms.JSON.createObjectNode().put("name", "myAgg").put("code", AGG_CODE);
    udf.set("inputColumns", UdfPrograms.JSON.readTree(AGG_INPUTS));
    udf.set("outputColumns", UdfPrograms.JSON.readTree(AGG_OUTPUTS));
    return """
        {"irVersion":1,"name":"udf-agg","config":{},"statements":[%s,
          {"op":"udfAggregate","table":"t","input":"src","keys":%s,"udf":%s},
          {"op":"collect","sink":"out","input":"t","maxRows":1000}]}
        """.formatted(AGG_VALUES, keys, udf);
  }

  /** The table a changelog ends with: +I/+U add a row, -U/-D remove an equal one. */
  static List<String> finalRows(JsonNode info) {
    List<String> state = new ArrayList<>();
    info.get("sinks").get("out").get("rows").forEach(r -> {
      String kind = r.get("kind").asText();
      String values = r.get("values").toString();
      if (kind.equals("+I") || kind.equals("+U")) state.add(values);
      else assertTrue(state.remove(values), "retracted row was emitted before: " + values);
    });
    return state.stream().sorted().toList();
  }

  @Test
  void aggregatePerGroupIsExactWithNullKeysAndValues() throws Exception {
    JsonNode info = run(aggregateProgram("[\"k\"]"), JobStatus.FINISHED);
    assertEquals("[{\"name\":\"k\",\"type\":\"STRING\"},{\"name\":\"total\",\"type\":\"BIGINT\"},"
        + "{\"name\":\"cents\",\"type\":\"DECIMAL(12, 2)\"},{\"name\":\"names\",\"type\":\"STRING\"},"
        + "{\"name\":\"nulls\",\"type\":\"INT\"}]", info.get("sinks").get("out").get("columns").toString());
    assertEquals(List.of(
        "[\"a\",\"18014398509481986\",\"0.30\",\"x,∅\",0]",
        "[\"b\",\"-1\",\"0.00\",\"y\",1]",
        "[null,\"5\",\"1.00\",\"z\",0]"), finalRows(info));
  }

  @Test
  void aggregateWithoutKeysIsOneGroup() throws Exception {
    JsonNode info = run(aggregateProgram("[]"), JobStatus.FINISHED);
    assertEquals(List.of("[\"18014398509481990\",\"1.30\",\"x,y,z,∅\",1]"), finalRows(info));
  }

  @Test
  void aThrowShowsTheInputRowAndTheTypeScriptLine() throws Exception {
    String bundle = new String(getClass().getResourceAsStream("/udf/throwing-filter.js").readAllBytes(),
        StandardCharsets.UTF_8);
    JsonNode info = run(program(VALUES, "udfFilter", "", bundle, null), JobStatus.FAILED);
    String cause = info.get("error").get("rootCause").asText();
    assertTrue(cause.contains("UDF \"myUdf\" failed: RangeError: negative id -3"), cause);
    assertTrue(cause.contains("input row: {\"id\":\"-3\",\"name\":null,\"price\":null,\"at\":null}"), cause);
    assertTrue(cause.contains("\nTypeScript line 7: throw new RangeError(\"negative id \" + row.id);"), cause);
    assertTrue(cause.contains("\n    in keep (myUdf.ts:7:11)"), cause);
  }

  @Test
  void consoleLinesReachTheJobsLog() throws Exception {
    String code = "export default (row) => { console.log('row', row.id, row.name); console.warn('careful'); return true; };";
    io.streamcanvas.runner.job.RunningJob job = SharedCluster.submitter().submit(
        io.streamcanvas.runner.ir.IrReader.read(program(VALUES, "udfFilter", "", code, null)));
    assertEquals(JobStatus.FINISHED, io.streamcanvas.runner.JobsAccess.awaitTerminal(job, 120_000));
    ArrayNode lines = (ArrayNode) UdfLogs.toJson(job.jobId()).get("lines");
    List<String> text = new ArrayList<>();
    lines.forEach(l -> text.add(l.get("udf").asText() + " " + l.get("level").asText() + " " + l.get("line").asText()));
    assertTrue(text.contains("myUdf info row -3n null"), text.toString());
    assertTrue(text.contains("myUdf info row 9223372036854775807n Zoë"), text.toString());
    assertEquals(3, text.stream().filter(t -> t.equals("myUdf warn careful")).count(), text.toString());
  }
}
