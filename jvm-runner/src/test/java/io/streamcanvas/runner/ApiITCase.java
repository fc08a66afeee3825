// The control API through real HTTP against one shared runner: auth, bounded/unbounded runs, rejections, failures.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiITCase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String SECRET = UUID.randomUUID().toString();
  static Runner runner;

  record Answer(int status, JsonNode body) {}

  @BeforeAll
  static void start() throws Exception {
    runner = Runner.start(0, "0", SECRET);
  }

  @AfterAll
  static void stop() throws Exception {
    if (runner != null) runner.close();
  }

  static Answer call(String method, String path, String body, String secret) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runner.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) b.header("Authorization", "Bearer " + secret);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), JSON.readTree(r.body()));
  }

  static Answer call(String method, String path, String body) throws Exception {
    return call(method, path, body, SECRET);
  }

  static String submitBody(String irResource) throws Exception {
    JsonNode program = JSON.readTree(Files.readString(Path.of("src/test/resources/ir", irResource)));
    return JSON.createObjectNode().set("program", program).toString();
  }

  /** Polls GET /jobs/{id} until its status is one of `wanted` (or a 60 s guard passes) and returns the last JobInfo. */
  static JsonNode awaitStatus(String jobId, Set<String> wanted) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode info = call("GET", "/jobs/" + jobId, null).body();
    while (!wanted.contains(info.get("status").asText()) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      info = call("GET", "/jobs/" + jobId, null).body();
    }
    return info;
  }

  static String submit(String irResource) throws Exception {
    Answer a = call("POST", "/jobs", submitBody(irResource));
    assertEquals(200, a.status(), a.body().toString());
    return a.body().get("jobId").asText();
  }

  @Test
  void refusesRequestsWithoutTheSecret() throws Exception {
    assertEquals(401, call("GET", "/health", null, null).status());
    assertEquals(401, call("GET", "/jobs", null, SECRET + "x").status());
    assertEquals(401, call("POST", "/jobs", submitBody("datagen-filter-collect.ir.json"), "wrong").status());
    Answer ok = call("GET", "/health", null);
    assertEquals(200, ok.status());
    assertEquals("ok", ok.body().get("status").asText());
    assertEquals("2.3.0", ok.body().get("flinkVersion").asText());
  }

  @Test
  void boundedJobFinishesWithRows() throws Exception {
    String jobId = submit("datagen-filter-collect.ir.json");
    JsonNode info = awaitStatus(jobId, Set.of("FINISHED", "FAILED", "CANCELED"));
    assertEquals("FINISHED", info.get("status").asText(), info.toString());
    JsonNode out = info.get("sinks").get("out");
    assertEquals(5, out.get("total").asInt());
    assertEquals("[{\"name\":\"id\",\"type\":\"BIGINT\"},{\"name\":\"name\",\"type\":\"STRING\"}]", out.get("columns").toString());
    assertEquals("{\"kind\":\"+I\",\"values\":[\"6\",\"106\"]}", out.get("rows").get(0).toString());
    assertFalse(info.get("endTime").isNull());
    JsonNode list = call("GET", "/jobs", null).body().get("jobs");
    assertTrue(list.findValuesAsText("jobId").contains(jobId));
  }

  @Test
  void unboundedJobRunsUntilCanceled() throws Exception {
    String jobId = submit("unbounded.ir.json");
    JsonNode running = awaitStatus(jobId, Set.of("RUNNING", "FINISHED", "FAILED", "CANCELED"));
    assertEquals("RUNNING", running.get("status").asText(), running.toString());
    Answer cancel = call("POST", "/jobs/" + jobId + "/cancel", null);
    assertEquals(200, cancel.status(), cancel.body().toString());
    JsonNode ended = awaitStatus(jobId, Set.of("CANCELED", "FINISHED", "FAILED"));
    assertEquals("CANCELED", ended.get("status").asText(), ended.toString());
    assertTrue(ended.get("error").isNull());
  }

  @Test
  void programFlinkRejectsIsA400WithItsCause() throws Exception {
    Answer a = call("POST", "/jobs", submitBody("rejected-filter.ir.json"));
    assertEquals(400, a.status(), a.body().toString());
    JsonNode error = a.body().get("error");
    assertEquals("notBoolean", error.get("node").asText());
    assertTrue(error.get("cause").asText().contains("boolean"), error.toString());
    assertFalse(error.toString().contains("\tat "), "no stack trace: " + error);

    ObjectNode body = (ObjectNode) JSON.readTree(submitBody("rejected-filter.ir.json"));
    ObjectNode cast = JSON.createObjectNode().put("kind", "cast").put("type", "DATE");
    cast.putObject("expr").put("kind", "lit").put("value", true).put("type", "BOOLEAN");
    ((ObjectNode) body.get("program").get("statements").get(1)).set("predicate", cast);
    Answer refused = call("POST", "/jobs", body.toString());
    assertEquals(400, refused.status(), refused.body().toString());
    assertTrue(refused.body().get("error").get("cause").asText().contains("Unsupported cast"), refused.body().toString());
  }

  @Test
  void malformedProgramIsA400() throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(submitBody("datagen-filter-collect.ir.json"));
    ((ObjectNode) body.get("program").get("statements").get(1).get("predicate")).put("fn", "launchMissiles");
    Answer a = call("POST", "/jobs", body.toString());
    assertEquals(400, a.status(), a.body().toString());
    assertTrue(a.body().get("error").get("message").asText().contains("launchMissiles"), a.body().toString());
    assertEquals(404, call("GET", "/jobs/" + "0".repeat(32), null).status());

    ((ObjectNode) body.get("program").get("statements").get(0).get("descriptor")).put("connector", "legacy-csv");
    Answer connector = call("POST", "/jobs", body.toString());
    assertEquals(400, connector.status(), connector.body().toString());
    assertTrue(connector.body().get("error").get("message").asText().contains("not available"), connector.body().toString());

    ((ObjectNode) body.get("program").get("statements").get(0).get("descriptor")).put("connector", "datagen");
    ((ObjectNode) body.get("program")).set("statements", JSON.createArrayNode().add(body.get("program").get("statements").get(0)));
    Answer noSink = call("POST", "/jobs", body.toString());
    assertEquals(400, noSink.status(), noSink.body().toString());
    assertTrue(noSink.body().get("error").get("message").asText().contains("no sink"), noSink.body().toString());
  }

  @Test
  void runtimeFailureIsFailedWithRootCause() throws Exception {
    String jobId = submit("runtime-failure.ir.json");
    JsonNode info = awaitStatus(jobId, Set.of("FINISHED", "FAILED", "CANCELED"));
    assertEquals("FAILED", info.get("status").asText(), info.toString());
    String rootCause = info.get("error").get("rootCause").asText();
    System.err.println("runtime failure: " + info.get("error"));
    assertFalse(rootCause.isBlank());
    assertFalse(rootCause.contains("\tat "), rootCause);
  }
}
