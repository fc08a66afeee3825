// Drains a worker's stderr so it never blocks, keeping the last lines for error messages (e.g. Node's OOM report).
package io.streamcanvas.runner.udf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

final class StderrTail {
  private static final int KEEP_LINES = 12;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean outOfMemory;

  StderrTail(InputStream err) {
    Thread t = new Thread(() -> drain(err), "udf-stderr");
    t.setDaemon(true);
    t.start();
  }

  private void drain(InputStream err) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        if (line.contains("heap out of memory") || line.contains("Reached heap limit")) outOfMemory = true;
        synchronized (lines) {
          if (lines.size() == KEEP_LINES) lines.removeFirst();
          lines.addLast(line.length() > 300 ? line.substring(0, 300) + "…" : line);
        }
      }
    } catch (IOException ignored) {
      // the process is gone; what was read is kept
    } finally {
      ended.countDown();
    }
  }

  void awaitEnd(long millis) throws InterruptedException {
    ended.await(millis, TimeUnit.MILLISECONDS);
  }

  /** V8 reported running out of its heap cap (its report is followed by a native stack, so the tail misses it). */
  boolean outOfMemory() {
    return outOfMemory;
  }

  String tail() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }
}
