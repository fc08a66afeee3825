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
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
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

  @Test
  void everyScalarTypeCrossesTheBinaryFrameBothWays() throws Exception {
    List<UdfSpec.Column> in = List.of(new UdfSpec.Column("b", "BOOLEAN"), new UdfSpec.Column("t", "TINYINT"),
        new UdfSpec.Column("f", "FLOAT"), new UdfSpec.Column("d", "DOUBLE"), new UdfSpec.Column("day", "DATE"),
        new UdfSpec.Column("at", "TIMESTAMP_LTZ(3)"), new UdfSpec.Column("s", "STRING"));
    List<UdfSpec.Column> out = List.of(new UdfSpec.Column("b2", "BOOLEAN"), new UdfSpec.Column("t2", "SMALLINT"),
        new UdfSpec.Column("f2", "FLOAT"), new UdfSpec.Column("d2", "DOUBLE"), new UdfSpec.Column("day2", "DATE"),
        new UdfSpec.Column("at2", "TIMESTAMP_LTZ(3)"), new UdfSpec.Column("s2", "STRING"), new UdfSpec.Column("kinds", "STRING"));
    String code = """
        export default (r) => ({ b2: !r.b, t2: r.t * 300, f2: r.f * 2, d2: r.d / 4, day2: r.day,
          at2: r.at === null ? null : new Date(r.at.getTime() + 1), s2: r.s === null ? null : r.s + "✓",
          kinds: [typeof r.b, typeof r.t, typeof r.d, typeof r.day, r.at === null ? "null" : r.at.constructor.name].join() });""";
    try (WorkerProcess w = WorkerProcess.start(new UdfSpec("t", code, in, out), SMALL_BATCHES)) {
      CompletableFuture<RowData> full = new CompletableFuture<>();
      w.submit(GenericRowData.of(true, (byte) -100, 1.5f, 10.0, 19_782, TimestampData.fromEpochMillis(1_700_000_000_123L),
          StringData.fromString("ZOË 😀")), full);
      CompletableFuture<RowData> nulls = new CompletableFuture<>();
      w.submit(GenericRowData.of(false, (byte) 0, 0f, 0.0, 0, null, null), nulls);
      // echo: the seven inputs minus the timestamp (timestamps are forwarded by the translator), then the outputs
      RowData r = full.get(20, TimeUnit.SECONDS);
      assertEquals(6 + 8, r.getArity());
      assertEquals(false, r.getBoolean(6));
      assertEquals((short) -30_000, r.getShort(7));
      assertEquals(3.0f, r.getFloat(8));
      assertEquals(2.5, r.getDouble(9));
      assertEquals(19_782, r.getInt(10));
      assertEquals(1_700_000_000_124L, r.getTimestamp(11, 3).getMillisecond());
      assertEquals("ZOË 😀✓", r.getString(12).toString());
      assertEquals("boolean,number,number,string,Date", r.getString(13).toString());
      assertEquals("ZOË 😀", r.getString(5).toString()); // the echoed input, unchanged
      RowData n = nulls.get(20, TimeUnit.SECONDS);
      assertTrue(n.isNullAt(11) && n.isNullAt(12), "nulls stay null");
    }
  }

  @Test
  void anIntegerOutOfItsColumnsRangeFailsNamingIt() throws Exception {
    try (WorkerProcess w = WorkerProcess.start(spec("export default (row) => ({ out: 2 ** 31 + row.n });", "INT"), SMALL_BATCHES)) {
      CompletableFuture<RowData> f = submitAll(w, 1).get(0);
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("column \"out\" (INT) expects an integer from -2147483648 to 2147483647"),
          e.getCause().getMessage());
    }
  }
}
