// The runner applies a run's settings (program config, as pipeline/run-settings.ts writes it) to each job, read back from Flink.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.ir.TableProgram;
import io.streamcanvas.runner.job.RunningJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.net.SSLUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class RunSettingsITCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Flink's REST endpoint demands the runner's client certificate (mutual TLS). */
  private static HttpClient http() throws Exception {
    return HttpClient.newBuilder().sslContext(SSLUtils.createRestSSLContext(SharedCluster.cluster().clientConfig(), true)).build();
  }

  private static JsonNode rest(String jobId, String path) throws Exception {
    String url = SharedCluster.cluster().restUrl() + "/jobs/" + jobId + path;
    return JSON.readTree(http().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private static RunningJob submit(String irFile, Map<String, String> config) throws Exception {
    TableProgram p = IrReader.read(Files.readString(Path.of("src/test/resources/ir/" + irFile)));
    return SharedCluster.submitter().submit(new TableProgram(p.irVersion(), p.name(), config, p.statements()));
  }

  /** Polls the job's checkpoint counts until one completed (each poll is a REST call; the job checkpoints every 500 ms). */
  private static long awaitCompletedCheckpoint(String jobId) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    long completed = 0;
    while (completed == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      JsonNode counts = rest(jobId, "/checkpoints").path("counts");
      completed = counts.path("completed").asLong();
    }
    return completed;
  }

  @Test
  void checkpointsRestartsParallelismAndRocksDbReachTheJob() throws Exception {
    RunningJob job = submit("unbounded.ir.json", Map.of(
        "parallelism.default", "2",
        "execution.checkpointing.interval", "500 ms", "execution.checkpointing.mode", "AT_LEAST_ONCE",
        "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "7", "restart-strategy.fixed-delay.delay", "3000 ms",
        "state.backend.type", "rocksdb"));
    try {
      JsonNode ckpt = rest(job.jobId(), "/checkpoints/config");
      assertEquals("at_least_once", ckpt.path("mode").asText(), ckpt::toString);
      assertEquals(500, ckpt.path("interval").asLong(), ckpt::toString);
      assertEquals("EmbeddedRocksDBStateBackend", ckpt.path("state_backend").asText(), ckpt::toString);
      JsonNode exec = rest(job.jobId(), "/config").path("execution-config");
      assertEquals(2, exec.path("job-parallelism").asInt(), exec::toString);
      assertEquals("Restart with fixed delay (PT3S). #7 restart attempts.", exec.path("restart-strategy").asText());
      // RocksDB's native library loads and its state is snapshotted
      assertTrue(awaitCompletedCheckpoint(job.jobId()) > 0, "a checkpoint completes with RocksDB");
    } finally {
      job.cancel();
    }
  }

  @Test
  void eachRestartStrategyAndTheHashMapBackendReachTheJob() throws Exception {
    Map<String, String> expected = Map.of(
        "exponential-delay", "exponential",
        "failure-rate", "failure rate",
        "none", "restart deactivated");
    List<String> seen = new ArrayList<>();
    for (var e : expected.entrySet()) {
      Map<String, String> config = new java.util.HashMap<>(Map.of("restart-strategy.type", e.getKey(),
          "execution.checkpointing.interval", "1000 ms", "state.backend.type", "hashmap"));
      if (e.getKey().equals("failure-rate")) {
        config.put("restart-strategy.failure-rate.max-failures-per-interval", "4");
        config.put("restart-strategy.failure-rate.failure-rate-interval", "30000 ms");
      }
      RunningJob job = submit("unbounded.ir.json", config);
      try {
        String restart = rest(job.jobId(), "/config").path("execution-config").path("restart-strategy").asText();
        assertTrue(restart.toLowerCase().contains(e.getValue()), () -> e.getKey() + " shows as: " + restart);
        if (e.getKey().equals("failure-rate")) assertTrue(restart.contains("4"), () -> "max failures 4 in: " + restart);
        assertEquals("HashMapStateBackend", rest(job.jobId(), "/checkpoints/config").path("state_backend").asText());
        seen.add(e.getKey());
      } finally {
        job.cancel();
      }
    }
    assertEquals(3, seen.size());
  }

  @Test
  void stateTtlExpiresAggregateState() throws Exception {
    // one row a second into a global count: with a 200 ms TTL every row finds its state expired and counts from 1 again
    RunningJob job = submit("count-slow-sequence.ir.json", Map.of("table.exec.state.ttl", "200 ms"));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 60_000), () -> job.toJson(true).toString());
    JsonNode rows = job.toJson(true).path("sinks").path("out").path("rows");
    List<String> got = new ArrayList<>();
    rows.forEach(r -> got.add(r.path("kind").asText() + " " + r.path("values").get(0).asLong()));
    assertEquals(List.of("+I 1", "+I 1", "+I 1", "+I 1"), got);
  }

  @Test
  void withoutTtlTheSameCountKeepsGrowing() throws Exception {
    RunningJob job = submit("count-slow-sequence.ir.json", Map.of());
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 60_000), () -> job.toJson(true).toString());
    JsonNode rows = job.toJson(true).path("sinks").path("out").path("rows");
    assertEquals(4, rows.get(rows.size() - 1).path("values").get(0).asLong(), rows::toString);
  }

  @Test
  void sourceIdleTimeoutLetsTheWatermarkPassASplitlessReader() throws Exception {
    // one file, two readers of a watched folder: the reader without a split never emits a row, so without an idle
    // timeout it holds the window's watermark back forever; with one it is marked idle and the windows fire
    Path dir = SharedCluster.dataRoot().resolve("idle-timeout");
    Files.createDirectories(dir);
    StringBuilder lines = new StringBuilder();
    for (int s = 0; s < 10; s++) lines.append("2024-01-01 10:00:0").append(s).append(".000\n");
    Files.writeString(dir.resolve("readings.csv"), lines);
    RunningJob idle = submit("idle-split-window.ir.json", Map.of("parallelism.default", "2", "table.exec.source.idle-timeout", "500 ms"));
    RunningJob held = submit("idle-split-window.ir.json", Map.of("parallelism.default", "2"));
    try {
      long deadline = System.currentTimeMillis() + 120_000;
      while (windows(idle) < 9 && System.currentTimeMillis() < deadline) Thread.sleep(200);
      assertEquals(9, windows(idle), () -> "windows [10:00:00, 10:00:09) fire: " + idle.toJson(true));
      assertEquals(0, windows(held), () -> "without the timeout no window fires: " + held.toJson(true));
    } finally {
      idle.cancel();
      held.cancel();
    }
  }

  private static int windows(RunningJob job) {
    return job.toJson(true).path("sinks").path("out").path("rows").size();
  }
}
