// Event time on a MiniCluster: a datagen watermark feeding a tumbling window, and Flink refusing a window on a plain column.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import io.streamcanvas.runner.job.SubmissionException;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class EventTimeITCase {
  /** datagen of 40 rows with random TIMESTAMP(3) near now, a watermark, a one-day tumbling window counting rows. */
  static String program(String watermark, String timeColumn) {
    String from = "{\"op\":\"from\",\"table\":\"gen\",\"descriptor\":{\"connector\":\"datagen\",\"schema\":["
        + "{\"name\":\"id\",\"type\":\"BIGINT\"},{\"name\":\"event time\",\"type\":\"TIMESTAMP(3)\"}]" + watermark + ","
        + "\"options\":{\"number-of-rows\":\"40\",\"rows-per-second\":\"1000\",\"fields.id.kind\":\"sequence\","
        + "\"fields.id.start\":\"1\",\"fields.id.end\":\"40\"}}}";
    String window = "{\"op\":\"window\",\"table\":\"w\",\"input\":\"gen\",\"window\":{\"type\":\"tumble\",\"timeColumn\":\""
        + timeColumn + "\",\"sizeMs\":86400000},\"keys\":[],\"aggregates\":[{\"fn\":\"count\",\"column\":\"id\",\"as\":\"n\"},"
        + "{\"fn\":\"sum\",\"column\":\"id\",\"as\":\"total\"}]}";
    String collect = "{\"op\":\"collect\",\"sink\":\"out\",\"input\":\"w\",\"maxRows\":100}";
    return "{\"irVersion\":1,\"name\":\"event-time\",\"statements\":[" + from + "," + window + "," + collect + "]}";
  }

  @Test
  void datagenWatermarkDrivesATumblingWindow() throws Exception {
    // a one-hour delay: no row can be late, so every generated row is counted whatever the timing
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(program(",\"watermark\":{\"column\":\"event time\",\"delayMs\":3600000}", "event time")));
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 60_000));
    JsonNode sink = job.toJson(true).get("sinks").get("out");
    long n = 0;
    long total = 0;
    for (String row : FixturesITCase.finalRows(sink, "out")) {
      JsonNode values = FixturesITCase.JSON.readTree(row);
      assertTrue(values.get(0).asText().compareTo(values.get(1).asText()) < 0, "window_start before window_end: " + row);
      n += values.get(2).asLong();
      total += values.get(3).asLong();
    }
    assertEquals(40, n);
    assertEquals(40 * 41 / 2, total);
  }

  @Test
  void aWindowOnAColumnWithoutWatermarkIsRefusedAndPointsAtTheWindow() {
    SubmissionException e = assertThrows(SubmissionException.class, () -> SharedCluster.submitter().submit(IrReader.read(program("", "event time"))));
    assertEquals("w", e.node());
    assertTrue(e.rootCause().contains("expects a time attribute"), e.rootCause());
  }
}
