// Drains a worker's stderr, which also carries whatever the UDF writes to stdout (frames travel on fd 3): each line
// becomes a log line (at most LINES_PER_SECOND, each cut at MAX_LINE bytes) and the last ones are kept for errors.
package io.streamcanvas.runner.udf;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

final class StderrTail {
  private static final int KEEP_LINES = 12;
  static final int MAX_LINE = 2000;
  static final int LINES_PER_SECOND = 100;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Consumer<String> log;
  private volatile boolean outOfMemory;
  private long window;
  private int inWindow;
  private long dropped;

  StderrTail(InputStream err, Consumer<String> log) {
    this.log = log;
    Thread t = new Thread(() -> drain(err), "udf-stderr");
    t.setDaemon(true);
    t.start();
  }

  private void drain(InputStream err) {
    try (InputStream in = new BufferedInputStream(err, 1 << 13)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        if (b != '\n') {
          if (line.size() < MAX_LINE) line.write(b); // the rest of an overlong line is dropped, never buffered
          continue;
        }
        take(line.toString(StandardCharsets.UTF_8));
        line.reset();
      }
      if (line.size() > 0) take(line.toString(StandardCharsets.UTF_8));
    } catch (IOException ignored) {
      // the process is gone; what was read is kept
    } finally {
      if (dropped > 0) log.accept(dropped + " output lines dropped (limit " + LINES_PER_SECOND + "/s)");
      ended.countDown();
    }
  }

  private void take(String line) {
    if (line.isBlank()) return;
    if (line.contains("heap out of memory") || line.contains("Reached heap limit")) outOfMemory = true;
    synchronized (lines) {
      if (lines.size() == KEEP_LINES) lines.removeFirst();
      lines.addLast(line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
    long now = System.currentTimeMillis();
    if (now - window >= 1000) {
      if (dropped > 0) log.accept(dropped + " output lines dropped (limit " + LINES_PER_SECOND + "/s)");
      window = now;
      inWindow = 0;
      dropped = 0;
    }
    if (inWindow++ < LINES_PER_SECOND) log.accept(line);
    else dropped++;
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
