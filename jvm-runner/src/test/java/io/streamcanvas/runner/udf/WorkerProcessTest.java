// A real Node.js worker without Flink: results in order across batches, console.log with its rate limit, bad results.
package io.streamcanvas.runner.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

class WorkerProcessTest {
  static final WorkerSettings SMALL_BATCHES = new WorkerSettings(7, Duration.ofMillis(2), Duration.ofSeconds(20), 128);

  static UdfSpec spec(String code, String outType) {
    return new UdfSpec("t", code, List.of(new UdfSpec.Column("n", "INT")), List.of(new UdfSpec.Column("out", outType)));
  }

  static List<CompletableFuture<RowData>> submitAll(WorkerProcess w, int rows) {
    List<CompletableFuture<RowData>> futures = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      CompletableFuture<RowData> f = new CompletableFuture<>();
      w.submit(GenericRowData.of(i), f);
      futures.add(f);
    }
    return futures;
  }

  @Test
  void answersEveryRowInOrderAcrossBatches() throws Exception {
    try (WorkerProcess w = WorkerProcess.start(spec("export default (row) => ({ out: row.n * 2 });", "INT"), SMALL_BATCHES)) {
      List<CompletableFuture<RowData>> futures = submitAll(w, 1000);
      // the echoed input field n (no output replaces it), then the output
      for (int i = 0; i < futures.size(); i++) {
        RowData r = futures.get(i).get(20, TimeUnit.SECONDS);
        assertEquals(i, r.getInt(0));
        assertEquals(i * 2, r.getInt(1));
      }
    }
  }

  @Test
  void countsEveryAnsweredRowAndBatchAndKeepsTheirLatency() throws Exception {
    try (WorkerProcess w = WorkerProcess.start(spec("export default (row) => ({ out: row.n });", "INT"), SMALL_BATCHES)) {
      for (CompletableFuture<RowData> f : submitAll(w, 100)) f.get(20, TimeUnit.SECONDS);
      long first = w.metrics().batches();
      assertEquals(100, w.metrics().rows());
      assertTrue(first >= 1 && first <= 100, "batches " + first);
      // a second round goes out after the first was answered: in batches of its own
      for (CompletableFuture<RowData> f : submitAll(w, 10)) f.get(20, TimeUnit.SECONDS);
      assertEquals(110, w.metrics().rows());
      assertTrue(w.metrics().batches() > first, "batches " + w.metrics().batches());
      assertTrue(w.metrics().recentMaxMs() > 0, "latency " + w.metrics().recentMaxMs());
    }
  }

  @Test
  void consoleLogReachesTheRunnerLogRateLimited() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (WorkerProcess w = WorkerProcess.start(
        spec("export default (row) => { console.log('seen %d', row.n); return { out: row.n }; };", "INT"), SMALL_BATCHES)) {
      List<CompletableFuture<RowData>> futures = submitAll(w, 300);
      futures.get(299).get(20, TimeUnit.SECONDS);
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("[udf t] seen 0"), log);
    assertTrue(log.contains("[udf t] seen 99"), log);
    assertTrue(!log.contains("[udf t] seen 100\n") || log.contains("log lines dropped"), log);
    assertTrue(log.contains("log lines dropped (limit 100/s)"), log);
  }

  @Test
  void aValueOfTheWrongTypeFailsWithTheColumnNamed() throws Exception {
    try (WorkerProcess w = WorkerProcess.start(spec("export default (row) => ({ out: 'x' + row.n });", "INT"), SMALL_BATCHES)) {
      CompletableFuture<RowData> f = submitAll(w, 1).get(0);
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
      String m = e.getCause().getMessage();
      assertTrue(m.contains("UDF \"t\" failed: TypeError: column \"out\" (INT) expects an integer"), m);
      assertTrue(m.contains("got string x0") && m.contains("input row: {\"n\":0}"), m);
    }
  }

  @Test
  void aModuleWithoutDefaultExportFailsToLoadClearly() throws Exception {
    try (WorkerProcess w = WorkerProcess.start(spec("export const f = 1;", "INT"), SMALL_BATCHES)) {
      CompletableFuture<RowData> f = submitAll(w, 1).get(0);
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("could not load the UDF: the UDF module must `export default` a function"),
          e.getCause().getMessage());
    }
  }
}
