// Processing time on a MiniCluster: PROCTIME() columns on datagen and values sources feeding tumble and hop windows.
// Which window a row lands in depends on the clock, so the checks add up over all windows instead of naming rows. Flink
// fires a processing-time window only while the job runs: when a bounded source ends, windows still open are dropped.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class ProcTimeITCase {
  @Test
  void windowsOnProcessingTimeFireByTheClockWhileTheJobRuns() throws Exception {
    // the golden fixture pipeline/fixtures/proctime-window: 60 datagen rows at 20/s in 1 s tumbles, 3 values rows in 2 s hops
    String ir = Files.readString(Path.of("../pipeline/fixtures/proctime-window.ir.json"));
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(ir));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 60_000), () -> job.toJson(true).toPrettyString());
    JsonNode sinks = job.toJson(true).get("sinks");

    long n = 0;
    long total = 0;
    for (String row : FixturesITCase.finalRows(sinks.get("seconds"), "seconds")) {
      JsonNode v = FixturesITCase.JSON.readTree(row);
      assertWindow(v, 1000);
      n += v.get(2).asLong();
      total += v.get(3).asLong();
    }
    // generating takes about 3 s, so windows closed while it ran; they hold exactly the first n rows, in order
    assertTrue(n > 0 && n <= 60, "rows in fired windows: " + n);
    assertEquals(n * (n + 1) / 2, total, "the fired windows hold rows 1.." + n);

    // a 2 s hop every 1 s holds each row at most twice (the values end at once, so their windows may not fire at all)
    Map<String, Long> perKey = new HashMap<>();
    List<String> rows = FixturesITCase.finalRows(sinks.get("keys"), "keys");
    for (String row : rows) {
      JsonNode v = FixturesITCase.JSON.readTree(row);
      assertWindow(v, 2000);
      perKey.merge(v.get(2).asText(), v.get(3).asLong(), Long::sum);
    }
    assertTrue(perKey.getOrDefault("x", 0L) <= 8 && perKey.getOrDefault("y", 0L) <= 4, rows::toString);
  }

  private static void assertWindow(JsonNode row, long sizeMs) {
    var start = java.time.LocalDateTime.parse(row.get(0).asText());
    var end = java.time.LocalDateTime.parse(row.get(1).asText());
    assertEquals(sizeMs, java.time.Duration.between(start, end).toMillis(), row::toString);
    assertTrue(start.getNano() % 1_000_000 == 0, row::toString);
  }
}
