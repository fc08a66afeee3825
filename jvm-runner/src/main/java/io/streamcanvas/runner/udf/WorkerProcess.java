// One Node.js UDF worker: batches rows to it, pipelined by a writer and a reader thread, under a per-batch deadline.
package io.streamcanvas.runner.udf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.types.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class WorkerProcess implements AutoCloseable {
  static final byte INIT = 'I', BATCH = 'B', READY = 'K', RESULT = 'R', ERROR = 'E', LOG = 'L';
  private static final Logger UDF_LOG = LoggerFactory.getLogger("io.streamcanvas.udf");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Batches in flight below which the worker is about to run dry: one being worked on, one queued behind it. */
  private static final int FED = 2;

  private record Pending(Row row, CompletableFuture<Row> future) {}

  private record InFlight(List<Pending> rows, long sentNanos) {}

  private final UdfSpec spec;
  private final WorkerSettings settings;
  private final WireCodec codec;
  private final Process process;
  private final DataOutputStream out;
  private final StderrTail stderr;
  private final Object lock = new Object();
  private final ConcurrentLinkedQueue<InFlight> inFlight = new ConcurrentLinkedQueue<>();
  private List<Pending> current = new ArrayList<>();
  private long firstAddNanos;
  private volatile String failure;
  private volatile boolean closed;

  private WorkerProcess(UdfSpec spec, WorkerSettings settings, Process process) {
    this.spec = spec;
    this.settings = settings;
    this.codec = new WireCodec(spec);
    this.process = process;
    this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    this.stderr = new StderrTail(process.getErrorStream());
  }

  public static WorkerProcess start(UdfSpec spec, WorkerSettings settings) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(NodeRuntime.get().command(settings.heapMb()));
    pb.environment().clear(); // the worker sees no secrets of the runner
    WorkerProcess w = new WorkerProcess(spec, settings, pb.start());
    w.writeFrame(INIT, JSON.writeValueAsBytes(spec));
    w.out.flush();
    w.thread("reader", w::readLoop);
    w.thread("writer", w::writeLoop);
    w.thread("watchdog", w::watchLoop);
    return w;
  }

  private void thread(String role, Runnable body) {
    Thread t = new Thread(body, "udf-" + role + "-" + spec.name());
    t.setDaemon(true);
    t.start();
  }

  /** Called by the task thread for every row; the future completes with the UDF's output row, or fails. */
  public void submit(Row row, CompletableFuture<Row> future) {
    synchronized (lock) {
      if (failure != null) {
        future.completeExceptionally(new UdfException(failure));
        return;
      }
      current.add(new Pending(row, future));
      if (current.size() == 1) firstAddNanos = System.nanoTime();
      if (current.size() == 1 || current.size() >= settings.batchSize()) lock.notifyAll();
    }
  }

  private void writeLoop() {
    long lingerNanos = settings.linger().toNanos();
    try {
      while (true) {
        List<Pending> batch;
        synchronized (lock) {
          while (!closed && failure == null && !batchReady(lingerNanos)) {
            if (current.isEmpty()) lock.wait();
            else TimeUnit.NANOSECONDS.timedWait(lock, Math.max(1, lingerNanos - (System.nanoTime() - firstAddNanos)));
          }
          if (closed || failure != null) return;
          batch = current;
          current = new ArrayList<>(settings.batchSize());
        }
        // In flight before encoding, so that whatever fails from here on fails these rows too instead of losing them.
        inFlight.add(new InFlight(batch, System.nanoTime()));
        byte[] payload = codec.encode(batch.stream().map(Pending::row).toList());
        writeFrame(BATCH, payload);
        out.flush();
      }
    } catch (IOException e) {
      fail(exitMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      fail("UDF \"" + spec.name() + "\": cannot send rows to its worker: " + e);
    }
  }

  /**
   * Like Nagle's algorithm: a worker that is about to run dry gets rows at once (low latency at low rates); while it
   * has enough, rows gather into a batch until it is full, the worker runs low, or the linger time has passed.
   */
  private boolean batchReady(long lingerNanos) {
    if (current.isEmpty()) return false;
    return current.size() >= settings.batchSize() || inFlight.size() < FED
        || System.nanoTime() - firstAddNanos >= lingerNanos;
  }

  private void writeFrame(byte type, byte[] payload) throws IOException {
    out.writeInt(payload.length + 1);
    out.writeByte(type);
    out.write(payload);
  }

  private void readLoop() {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
      while (failure == null) {
        int len = in.readInt();
        byte type = in.readByte();
        byte[] body = in.readNBytes(len - 1);
        if (body.length != len - 1) throw new EOFException();
        switch (type) {
          case RESULT -> complete(body);
          case LOG -> log(body);
          case ERROR -> fail(errorMessage(body));
          case READY -> { }
          default -> fail("UDF \"" + spec.name() + "\": unknown frame from its worker (did it write to stdout?)");
        }
      }
    } catch (IOException e) {
      if (!closed) fail(exitMessage());
    } catch (UdfException e) {
      fail(e.getMessage());
    } catch (RuntimeException e) {
      fail("UDF \"" + spec.name() + "\": cannot read its worker's answer: " + e);
    }
  }

  private void complete(byte[] body) {
    InFlight batch = inFlight.peek();
    if (batch == null) throw new UdfException("UDF \"" + spec.name() + "\": worker answered a batch never sent");
    // Decoded while still in flight: if the answer is invalid, fail() fails these rows with the reason.
    List<Row> rows = codec.decode(body, batch.rows().size());
    inFlight.poll();
    if (inFlight.size() < FED) {
      synchronized (lock) {
        lock.notifyAll(); // the worker runs low: the writer may send what has gathered
      }
    }
    for (int i = 0; i < rows.size(); i++) batch.rows().get(i).future().complete(rows.get(i));
  }

  private void log(byte[] body) throws IOException {
    for (JsonNode l : JSON.readTree(body)) {
      String level = l.path("level").asText();
      String line = "[udf " + spec.name() + "] " + l.path("line").asText();
      if (level.equals("error") || level.equals("warn")) UDF_LOG.warn(line);
      else UDF_LOG.info(line);
    }
  }

  private String errorMessage(byte[] body) throws IOException {
    JsonNode e = JSON.readTree(body);
    StringBuilder sb = new StringBuilder("UDF \"" + spec.name() + "\" failed: " + e.path("message").asText());
    if (!e.path("row").isMissingNode() && !e.path("row").isNull()) sb.append("\ninput row: ").append(e.get("row"));
    // The user's frames only (the worker's own are noise), the data: URL of the bundle shown as the UDF's name, and
    // "in" instead of "at" so that error summaries that drop Java stack frames keep these lines.
    e.path("stack").asText().lines()
        .map(String::strip)
        .filter(l -> l.startsWith("at ") && l.contains("data:text/javascript"))
        .limit(8)
        .map(l -> "    in " + l.substring(3).replaceAll("data:text/javascript;base64,[A-Za-z0-9+/=]*", spec.name() + ".js"))
        .forEach(l -> sb.append('\n').append(l));
    return sb.toString();
  }

  private void watchLoop() {
    long deadlineNanos = settings.deadline().toNanos();
    while (!closed && failure == null) {
      InFlight head = inFlight.peek();
      if (head != null && System.nanoTime() - head.sentNanos() > deadlineNanos) {
        fail("UDF \"" + spec.name() + "\" did not finish a batch of " + head.rows().size() + " row(s) within "
            + settings.deadline().toMillis() + " ms (an endless loop?); its worker was killed");
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Why the worker went away: out of memory, exit code, last lines of its stderr. */
  private String exitMessage() {
    try {
      process.waitFor(2, TimeUnit.SECONDS);
      stderr.awaitEnd(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String err = stderr.tail();
    String base = "UDF \"" + spec.name() + "\": its worker process ";
    if (stderr.outOfMemory()) {
      return base + "ran out of memory (heap cap " + settings.heapMb() + " MB)";
    }
    String code = process.isAlive() ? "closed its pipes" : "exited with code " + process.exitValue();
    return base + code + (err.isBlank() ? "" : ": " + err);
  }

  private void fail(String message) {
    List<Pending> failed = new ArrayList<>();
    synchronized (lock) {
      if (failure != null) return;
      failure = message;
      InFlight b;
      while ((b = inFlight.poll()) != null) failed.addAll(b.rows());
      failed.addAll(current);
      current = new ArrayList<>();
      lock.notifyAll();
    }
    process.destroyForcibly();
    UdfException e = new UdfException(message);
    failed.forEach(p -> p.future().completeExceptionally(e));
  }

  @Override
  public void close() {
    closed = true;
    synchronized (lock) {
      lock.notifyAll();
    }
    try {
      out.close(); // the worker exits when its stdin ends
      if (!process.waitFor(1, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
