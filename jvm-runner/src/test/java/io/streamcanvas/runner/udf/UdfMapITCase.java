// TypeScript map UDFs on a real MiniCluster through the production submit path: values, nulls, precision, failures, sandbox.
package io.streamcanvas.runner.udf;

import static io.streamcanvas.runner.udf.UdfPrograms.cols;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcanvas.runner.SharedCluster;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class UdfMapITCase {
  static final List<String[]> COLUMNS = cols("id", "BIGINT NOT NULL", "name", "STRING", "price", "DECIMAL(10, 2)",
      "at", "TIMESTAMP(3)");
  static final List<Object[]> ROWS = List.of(
      new Object[] {"9223372036854775807", "Zoë", "99999999.99", "2024-02-29T23:59:59.123"},
      new Object[] {"-3", null, null, null},
      new Object[] {"2", "b", "-0.01", "1970-01-01T00:00:00.000"});

  static final String MAP_CODE = """
      let seq = 0;
      export default function (row) {
        const kinds = [typeof row.id, row.name === null ? "null" : typeof row.name,
          row.price === null ? "null" : typeof row.price, row.at === null ? "null" : row.at.constructor.name];
        return {
          name: row.name === null ? null : row.name.toUpperCase(),
          prev: row.id - 1n,
          price: row.price,
          later: row.at === null ? null : new Date(row.at.getTime() + 1000),
          kinds: kinds.join(","),
          calls: ++seq,
        };
      }
      """;

  static JsonNode run(String program, JobStatus expected) throws Exception {
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(program));
    JobStatus status = io.streamcanvas.runner.JobsAccess.awaitTerminal(job, 120_000);
    JsonNode info = job.toJson(true);
    assertEquals(expected, status, () -> "job: " + info.toPrettyString());
    return info;
  }

  static List<String> rows(JsonNode info) {
    List<String> out = new ArrayList<>();
    info.get("sinks").get("out").get("rows").forEach(r -> out.add(r.get("values").toString()));
    return out;
  }

  static String mapProgram(String code, Map<String, String> config, List<String[]> outputs) {
    return UdfPrograms.program("udf", config, COLUMNS, ROWS, code, COLUMNS, outputs);
  }

  @Test
  void mapGivesExactRowsWithNullsAndPrecision() throws Exception {
    JsonNode info = run(mapProgram(MAP_CODE, Map.of(), cols("name", "STRING", "prev", "BIGINT", "price",
        "DECIMAL(10, 2)", "later", "TIMESTAMP(3)", "kinds", "STRING")), JobStatus.FINISHED);
    assertEquals("[{\"name\":\"id\",\"type\":\"BIGINT NOT NULL\"},{\"name\":\"name\",\"type\":\"STRING\"},"
        + "{\"name\":\"price\",\"type\":\"DECIMAL(10, 2)\"},{\"name\":\"at\",\"type\":\"TIMESTAMP(3)\"},"
        + "{\"name\":\"prev\",\"type\":\"BIGINT\"},{\"name\":\"later\",\"type\":\"TIMESTAMP(3)\"},"
        + "{\"name\":\"kinds\",\"type\":\"STRING\"}]",
        info.get("sinks").get("out").get("columns").toString());
    // fromValues plans one source per row, so rows arrive in any order: compare as a set.
    assertEquals(List.of(
        "[\"-3\",null,null,null,\"-4\",null,\"bigint,null,null,null\"]",
        "[\"2\",\"B\",\"-0.01\",\"1970-01-01T00:00:00.000\",\"1\",\"1970-01-01T00:00:01.000\",\"bigint,string,string,Date\"]",
        "[\"9223372036854775807\",\"ZOË\",\"99999999.99\",\"2024-02-29T23:59:59.123\",\"9223372036854775806\","
            + "\"2024-03-01T00:00:00.123\",\"bigint,string,string,Date\"]"),
        rows(info).stream().sorted().toList());
  }

  @Test
  void rowsKeepTheirOrderAndEachIsMappedOnceAcrossManyBatches() throws Exception {
    String program = """
        {"irVersion":1,"name":"udf-order","config":{},"statements":[
          {"op":"from","table":"src","descriptor":{"connector":"datagen","schema":[{"name":"id","type":"BIGINT"}],
            "options":{"fields.id.kind":"sequence","fields.id.start":"1","fields.id.end":"5000"}}},
          {"op":"udfMap","table":"mapped","input":"src","udf":{"name":"order","code":%s,
            "inputColumns":[{"name":"id","type":"BIGINT"}],"outputColumns":[{"name":"call","type":"BIGINT"}]}},
          {"op":"collect","sink":"out","input":"mapped","maxRows":10000}]}
        """.formatted(UdfPrograms.JSON.writeValueAsString("let n = 0n; export default (row) => ({ call: ++n });"));
    JsonNode info = run(program, JobStatus.FINISHED);
    JsonNode rows = info.get("sinks").get("out").get("rows");
    assertEquals(5000, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode v = rows.get(i).get("values");
      assertEquals(String.valueOf(i + 1), v.get(0).asText(), "id of row " + i);
      assertEquals(String.valueOf(i + 1), v.get(1).asText(), "call number of row " + i);
    }
  }

  @Test
  void updatingInputIsMappedRowByRowIncludingRetractions() throws Exception {
    String program = """
        {"irVersion":1,"name":"udf-changelog","config":{},"statements":[
          {"op":"fromValues","table":"src","columns":[{"name":"k","type":"STRING"},{"name":"v","type":"INT"}],
            "rows":[["a","1"],["a","2"],["b","3"]]},
          {"op":"groupBy","table":"g","input":"src","keys":["k"],"aggregates":[{"fn":"sum","column":"v","as":"total"}]},
          {"op":"udfMap","table":"mapped","input":"g","udf":{"name":"label","code":%s,
            "inputColumns":[{"name":"k","type":"STRING"},{"name":"total","type":"INT"}],
            "outputColumns":[{"name":"label","type":"STRING"}]}},
          {"op":"collect","sink":"out","input":"mapped","maxRows":100}]}
        """.formatted(UdfPrograms.JSON.writeValueAsString("export default (r) => ({ label: r.k + '=' + r.total });"));
    JsonNode info = run(program, JobStatus.FINISHED);
    assertEquals(List.of("[\"a\",3,\"a=3\"]", "[\"b\",3,\"b=3\"]"), UdfKindsITCase.finalRows(info));
  }

  @Test
  void throwingUdfFailsWithMessageAndInputRow() throws Exception {
    String code = "export default (row) => { if (row.id === -3n) throw new Error('no negatives: ' + row.id); return {name: 'x'}; }";
    JsonNode info = run(mapProgram(code, Map.of(), cols("name", "STRING")), JobStatus.FAILED);
    String cause = info.get("error").get("rootCause").asText();
    assertTrue(cause.contains("UDF \"myMap\" failed: Error: no negatives: -3"), cause);
    assertTrue(cause.contains("input row: {\"id\":\"-3\",\"name\":null,\"price\":null,\"at\":null}"), cause);
    assertTrue(cause.contains("\n    in default (myMap.js:1:"), "stack expected: " + cause);
  }

  @Test
  void endlessLoopFailsAtDeadlineAndNextJobStillRuns() throws Exception {
    String code = "export default (row) => { for (;;) {} }";
    JsonNode info = run(mapProgram(code, Map.of("streamcanvas.udf.deadline-ms", "1500"), cols("name", "STRING")),
        JobStatus.FAILED);
    String cause = info.get("error").get("rootCause").asText();
    assertTrue(cause.contains("UDF \"myMap\" did not finish a batch of 1 row(s) within 1500 ms"), cause);
    JsonNode next = run(mapProgram(MAP_CODE, Map.of(), cols("name", "STRING")), JobStatus.FINISHED);
    assertEquals(3, next.get("sinks").get("out").get("total").asInt());
  }

  @Test
  void heapBombFailsClearly() throws Exception {
    String code = "const keep = []; export default (row) => { for (;;) keep.push(new Array(1e5).fill(row.name)); }";
    JsonNode info = run(mapProgram(code, Map.of("streamcanvas.udf.heap-mb", "64"), cols("name", "STRING")),
        JobStatus.FAILED);
    String cause = info.get("error").get("rootCause").asText();
    assertTrue(cause.contains("UDF \"myMap\": its worker process ran out of memory (heap cap 64 MB, memory cap 1088 MB)"), cause);
  }

  @Test
  void processExitFailsClearly() throws Exception {
    String code = "export default (row) => { process.exit(3); }";
    JsonNode info = run(mapProgram(code, Map.of(), cols("name", "STRING")), JobStatus.FAILED);
    String cause = info.get("error").get("rootCause").asText();
    assertTrue(cause.contains("UDF \"myMap\" failed: Error: process.exit() is not allowed in a UDF"), cause);
  }

  @Test
  void workerCannotWriteFilesReadFilesSpawnOrSeeSecrets() throws Exception {
    String code = """
        import fs from "node:fs";
        import cp from "node:child_process";
        const attempt = (f) => { try { f(); return "allowed"; } catch (e) { return e.code ?? e.message; } };
        export default (row) => ({
          name: [
            attempt(() => fs.writeFileSync("/tmp/streamcanvas-udf-escape.txt", "x")),
            attempt(() => fs.readFileSync("/etc/hostname")),
            attempt(() => cp.execSync("id")),
            JSON.stringify(process.env),
          ].join(" "),
        });
        """;
    JsonNode info = run(mapProgram(code, Map.of(), cols("name", "STRING")), JobStatus.FINISHED);
    JsonNode first = info.get("sinks").get("out").get("rows").get(0).get("values");
    assertEquals("ERR_ACCESS_DENIED ERR_ACCESS_DENIED ERR_ACCESS_DENIED {}", first.get(1).asText());
  }
}
