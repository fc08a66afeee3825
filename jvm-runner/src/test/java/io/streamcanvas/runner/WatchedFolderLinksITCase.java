// A watched folder on a MiniCluster: files and links added after submission are checked as Flink's connector lists
// them: a link out of the data root is skipped and logged (once, by name); a link inside the root is read.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.job.RunningJob;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class WatchedFolderLinksITCase {
  /** What the runner writes to stderr (slf4j-simple's target) while a test runs, passed through as well. */
  static final class StderrTap implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    StderrTap() {
      OutputStream both = new OutputStream() {
        @Override
        public void write(int b) {
          synchronized (seen) {
            seen.write(b);
          }
          original.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          synchronized (seen) {
            seen.write(b, off, len);
          }
          original.write(b, off, len);
        }
      };
      System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    String text() {
      synchronized (seen) {
        return seen.toString(StandardCharsets.UTF_8);
      }
    }

    /** Lines that contain every one of `parts`. */
    List<String> lines(String... parts) {
      List<String> out = new ArrayList<>();
      for (String line : text().split("\n")) {
        boolean all = true;
        for (String p : parts) all &= line.contains(p);
        if (all) out.add(line);
      }
      return out;
    }

    @Override
    public void close() {
      System.setErr(original);
    }
  }

  /** The first column ("order id") of every collected row, sorted. */
  static List<Long> ids(RunningJob job) {
    List<Long> ids = new ArrayList<>();
    for (var r : job.toJson(true).get("sinks").get("rows").get("rows")) ids.add(r.get("values").get(0).asLong());
    return ids.stream().sorted().toList();
  }

  static void awaitLogged(StderrTap tap, String... parts) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (tap.lines(parts).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(100);
    assertEquals(1, tap.lines(parts).size(), () -> "one log line with " + List.of(parts) + " in:\n" + tap.text());
  }

  @Test
  void links_added_to_a_watched_folder_are_checked_as_the_folder_is_listed() throws Exception {
    Path root = SharedCluster.dataRoot();
    Path dir = Files.createDirectories(root.resolve("watched links"));
    Files.writeString(dir.resolve("first.csv"), "1,a,1.00,2024-03-01 10:00:00\n");
    Path inside = Files.createDirectories(root.resolve("kept elsewhere"));
    Files.writeString(inside.resolve("in root.csv"), "5,e,5.00,2024-03-01 10:00:05\n");
    Path outside = Files.createTempDirectory("sc-outside-");
    Path secret = Files.writeString(outside.resolve("secret.csv"), "99,secret,9.99,2024-03-01 10:00:09\n");

    ObjectNode p = FileSystemITCase.program("out/unused");
    ((ObjectNode) p.get("statements").get(0).get("descriptor").get("options"))
        .put("path", "watched links").put("source.monitor-interval", "200 ms");
    ((ArrayNode) p.get("statements")).remove(2); // collect only
    try (StderrTap tap = new StderrTap()) {
      RunningJob job = FileSystemITCase.submit(SharedCluster.submitter(), p);
      try {
        FileSystemITCase.awaitRows(job, 1);
        // added after submission: the check at submission time has passed; only the listing can catch these
        Path linkOut = Files.createSymbolicLink(dir.resolve("sneaky.csv"), secret);
        Files.createSymbolicLink(dir.resolve("inside link.csv"), inside.resolve("in root.csv"));
        Files.writeString(dir.resolve("second.csv"), "2,b,2.00,2024-03-01 10:00:01\n");
        FileSystemITCase.awaitRows(job, 3);
        awaitLogged(tap, "skipped " + linkOut, "outside the data root");
        // the folder is listed again (a later file arrives); the link is still skipped, and logged only once
        Files.writeString(dir.resolve("third.csv"), "3,c,3.00,2024-03-01 10:00:02\n");
        FileSystemITCase.awaitRows(job, 4);
        assertEquals(List.of(1L, 2L, 3L, 5L), ids(job), "the link out (id 99) is never read; the link inside is");
        assertEquals(1, tap.lines("skipped " + linkOut).size(), tap::text);
        assertTrue(tap.lines("inside link.csv").isEmpty(), "a link inside the root is not reported");
        assertEquals(JobStatus.RUNNING, job.status());
      } finally {
        job.cancel();
      }
    }
  }
}
