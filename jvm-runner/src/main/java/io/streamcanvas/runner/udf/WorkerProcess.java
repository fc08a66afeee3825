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
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class WorkerProcess implements AutoCloseable {
  static final byte INIT = 'I', AGGREGATE = 'A', READY = 'K', RESULT = 'R', ERROR = 'E', LOG = 'L';
  /** A batch of rows and its answer, in the binary layout of BinaryRows (B and R carry JSON, for Try it). */
  static final byte ROWS = 'b', ROWS_RESULT = 'r';
  private static final Logger UDF_LOG = LoggerFactory.getLogger("io.streamcanvas.udf");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The largest frame a worker may send (a batch's answer included); a bigger one fails that UDF, not the runner. */
  static final int MAX_FRAME_BYTES = 64 << 20;
  /**
   * Workers are spawned by one thread that lives as long as the JVM: their parent-death signal (WorkerSandbox) fires
   * when the thread that spawned them ends, and a task thread ends before its job does.
   */
  private static final java.util.concurrent.ExecutorService SPAWNER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "udf-spawner");
    t.setDaemon(true);
    return t;
  });
  /** Batches in flight below which the worker is about to run dry: one being worked on, one queued behind it. */
  private static final int FED = 2;

  /** One row's echoed input fields (UdfSpec.echoInputs) and the future its answer completes (see submit). */
  private record Pending(Object[] echo, CompletableFuture<RowData> future) {}

  /** A request answered by one frame (an aggregate's), sent in turn with the batches. */
  private record Request(byte type, byte[] payload, CompletableFuture<byte[]> future) {}

  /** What was sent and awaits its answer: a batch of rows, or a request (rows null). */
  private record InFlight(List<Pending> rows, Request request, long sentNanos) {
    int size() {
      return rows == null ? 1 : rows.size();
    }
  }

  private final UdfSpec spec;
  private final WorkerSettings settings;
  private final WireCodec codec;
  private final Process process;
  private final DataOutputStream out;
  private final StderrTail stderr;
  private final Object lock = new Object();
  private final ConcurrentLinkedQueue<InFlight> inFlight = new ConcurrentLinkedQueue<>();
  private List<Pending> current = new ArrayList<>();
  /** The rows of `current`, encoded as they arrive (the task thread's row may be reused after eval returns). */
  private BinaryRows.Out spareBytes;
  private BinaryRows.Out currentBytes = newBatchBytes();
  private final List<Request> requests = new ArrayList<>();
  /** The Flink job the worker serves, for its log buffer (null outside a job). */
  private volatile String jobId;
  private volatile UdfMetrics metrics = UdfMetrics.detached();
  private long firstAddNanos;
  private volatile String failure;
  private volatile boolean closed;

  private WorkerProcess(UdfSpec spec, WorkerSettings settings, Process process) {
    this.spec = spec;
    this.settings = settings;
    this.codec = new WireCodec(spec);
    this.process = process;
    this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    this.stderr = new StderrTail(process.getErrorStream(), this::outputLine);
  }

  public static WorkerProcess start(UdfSpec spec, WorkerSettings settings) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(WorkerSandbox.get().wrap(NodeRuntime.get().command(settings.heapMb()), settings.heapMb()));
    pb.environment().clear(); // the worker sees no secrets of the runner
    pb.directory(new java.io.File("/")); // the nobody user may not enter the runner's folder
    Process process;
    try {
      process = SPAWNER.submit(pb::start).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the UDF worker", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
    WorkerProcess w = new WorkerProcess(spec, settings, process);
    w.writeFrame(INIT, JSON.writeValueAsBytes(spec));
    w.out.flush();
    w.thread("reader", w::readLoop);
    w.thread("writer", w::writeLoop);
    w.thread("watchdog", w::watchLoop);
    return w;
  }

  /** A worker for a function opened in a Flink task; its console lines go to the job's log buffer. */
  public static WorkerProcess start(UdfSpec spec, WorkerSettings settings,
      org.apache.flink.table.functions.FunctionContext context) throws IOException {
    WorkerProcess w = start(spec, settings);
    w.logTo(context.getMetricGroup().getAllVariables().get("<job_id>"));
    w.metrics = UdfMetrics.register(context.getMetricGroup(), spec.name());
    return w;
  }

  private void thread(String role, Runnable body) {
    Thread t = new Thread(body, "udf-" + role + "-" + spec.name());
    t.setDaemon(true);
    t.start();
  }

  /** Rows, batches and latency of this worker's answers (reported to Flink when started in a task). */
  public UdfMetrics metrics() {
    return metrics;
  }

  /** The job whose log view gets this worker's console lines (UdfLogs). */
  public void logTo(String jobId) {
    this.jobId = jobId;
  }

  /**
   * Called by the task thread for every row; the future completes with the UDF's answer, or fails: the echoed input
   * fields (UdfSpec.echoInputs) then the output columns (map), keep then the echoed fields (filter), or the echoed
   * fields then an array of the output rows (flatMap), in Flink's internal form. The input fields are handed back
   * because Flink 2.3's async calc can turn a forwarded null STRING into "".
   */
  public void submit(RowData row, CompletableFuture<RowData> future) {
    Object[] echo = codec.echo(row);
    synchronized (lock) {
      if (failure != null) {
        future.completeExceptionally(new UdfException(failure));
        return;
      }
      int mark = currentBytes.size;
      try {
        codec.encode(currentBytes, row);
      } catch (RuntimeException e) { // the batch keeps only whole rows
        currentBytes.size = mark;
        future.completeExceptionally(new UdfException("UDF \"" + spec.name() + "\": cannot send a row to its worker: " + e));
        return;
      }
      current.add(new Pending(echo, future));
      if (current.size() == 1) firstAddNanos = System.nanoTime();
      if (current.size() == 1 || current.size() >= settings.batchSize()) lock.notifyAll();
    }
  }

  /** A batch's bytes start with its row count, filled in when it is sent; the buffer last sent is reused. */
  private BinaryRows.Out newBatchBytes() {
    BinaryRows.Out out = spareBytes != null ? spareBytes : new BinaryRows.Out(1 << 12);
    spareBytes = null;
    out.size = 0;
    out.i32(0);
    return out;
  }

  /** Sends one request frame after what is already queued; the future completes with the answer's body. */
  public CompletableFuture<byte[]> request(byte type, byte[] payload) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    synchronized (lock) {
      if (failure != null) {
        f.completeExceptionally(new UdfException(failure));
        return f;
      }
      requests.add(new Request(type, payload, f));
      lock.notifyAll();
    }
    return f;
  }

  /** The answer to a request, waiting as long as the worker's deadline allows (the watchdog fails it after that). */
  public byte[] call(byte type, byte[] payload) {
    try {
      return request(type, payload).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UdfException("UDF \"" + spec.name() + "\": interrupted while waiting for its worker");
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof UdfException u ? u : new UdfException(String.valueOf(e.getCause()));
    }
  }

  private void writeLoop() {
    long lingerNanos = settings.linger().toNanos();
    try {
      while (true) {
        List<Pending> batch;
        BinaryRows.Out bytes;
        synchronized (lock) {
          while (!closed && failure == null && requests.isEmpty() && !batchReady(lingerNanos)) {
            if (current.isEmpty()) lock.wait();
            else TimeUnit.NANOSECONDS.timedWait(lock, Math.max(1, lingerNanos - (System.nanoTime() - firstAddNanos)));
          }
          if (closed || failure != null) return;
          if (!requests.isEmpty()) {
            Request r = requests.remove(0);
            inFlight.add(new InFlight(null, r, System.nanoTime()));
            writeFrame(r.type(), r.payload());
            out.flush();
            continue;
          }
          batch = current;
          bytes = currentBytes;
          current = new ArrayList<>(settings.batchSize());
          currentBytes = newBatchBytes();
        }
        inFlight.add(new InFlight(batch, null, System.nanoTime()));
        bytes.i32At(0, batch.size());
        out.writeInt(bytes.size + 1);
        out.writeByte(ROWS);
        out.write(bytes.bytes, 0, bytes.size);
        out.flush();
        synchronized (lock) {
          spareBytes = bytes; // written out: the next batch may fill it
        }
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
        if (len < 1 || len > MAX_FRAME_BYTES) {
          throw new UdfException("UDF \"" + spec.name() + "\": its worker sent a frame of " + Integer.toUnsignedString(len)
              + " bytes, above the limit of " + (MAX_FRAME_BYTES >> 20) + " MB (a batch's answer too large, or a forged frame)");
        }
        byte type = in.readByte();
        byte[] body = in.readNBytes(len - 1);
        if (body.length != len - 1) throw new EOFException();
        switch (type) {
          case RESULT, ROWS_RESULT -> complete(body);
          case LOG -> log(body);
          case ERROR -> fail(errorMessage(body));
          case READY -> { }
          default -> throw new UdfException("UDF \"" + spec.name() + "\": its worker sent a malformed frame (type byte "
              + (type & 0xff) + ")");
        }
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      fail("UDF \"" + spec.name() + "\": its worker sent a malformed frame (" + e.getOriginalMessage() + ")");
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
    metrics.batch(batch.size(), System.nanoTime() - batch.sentNanos());
    if (batch.request() != null) {
      inFlight.poll();
      batch.request().future().complete(body);
      return;
    }
    // Decoded while still in flight: if the answer is invalid, fail() fails these rows with the reason.
    List<?> rows = spec.kind().equals("flatMap") ? codec.decodeNested(body, batch.rows().size())
        : codec.decode(body, batch.rows().size());
    inFlight.poll();
    if (inFlight.size() < FED) {
      synchronized (lock) {
        lock.notifyAll(); // the worker runs low: the writer may send what has gathered
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      Pending p = batch.rows().get(i);
      p.future().complete(switch (spec.kind()) {
        case "map" -> concat(p.echo(), (GenericRowData) rows.get(i));
        case "filter" -> concat(new Object[] {((GenericRowData) rows.get(i)).getField(0)}, GenericRowData.of(p.echo()));
        case "flatMap" -> concat(p.echo(), GenericRowData.of(new GenericArrayData(((List<?>) rows.get(i)).toArray())));
        default -> (RowData) rows.get(i);
      });
    }
  }

  /** The echoed fields, then the given row's fields. */
  private static GenericRowData concat(Object[] first, GenericRowData then) {
    GenericRowData r = new GenericRowData(first.length + then.getArity());
    for (int i = 0; i < first.length; i++) r.setField(i, first[i]);
    for (int i = 0; i < then.getArity(); i++) r.setField(first.length + i, then.getField(i));
    return r;
  }

  private void log(byte[] body) throws IOException {
    for (JsonNode l : JSON.readTree(body)) {
      String level = l.path("level").asText();
      String text = l.path("line").asText();
      String line = logLine(level, text);
      if (level.equals("error") || level.equals("warn")) UDF_LOG.warn(line);
      else UDF_LOG.info(line);
      if (jobId != null) UdfLogs.append(jobId, spec.name(), level, text);
    }
  }

  /** A line the UDF wrote to stdout or stderr (or Node printed): a log line at "warn" level. */
  private void outputLine(String text) {
    UDF_LOG.warn(logLine("warn", text));
    if (jobId != null) UdfLogs.append(jobId, spec.name(), "warn", text);
  }

  /**
   * The process log's line for a console line. In a task it names the job, level and time, and keeps the text on one
   * line (backslash escapes): on a remote TaskManager that log file is the way lines reach the run's log view (the server
   * reads it through Flink's REST API, /taskmanagers/:id/log, and picks its job's lines: server/monitor/taskmanager-logs.ts).
   */
  String logLine(String level, String text) {
    if (jobId == null) return "[udf " + spec.name() + "] " + text;
    String oneLine = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    return "[udf " + spec.name() + " job " + jobId + " " + level + " " + System.currentTimeMillis() + "] " + oneLine;
  }

  private String errorMessage(byte[] body) throws IOException {
    JsonNode e = JSON.readTree(body);
    if (e.path("outOfMemory").asBoolean()) return outOfMemory(e.path("message").asText());
    StringBuilder sb = new StringBuilder("UDF \"" + spec.name() + "\" failed: " + e.path("message").asText());
    if (!e.path("row").isMissingNode() && !e.path("row").isNull()) sb.append("\ninput row: ").append(e.get("row"));
    // The user's frames only (the worker's own are noise), mapped to the TypeScript source through the bundle's
    // source map, and "in" instead of "at" so that error summaries that drop Java stack frames keep these lines.
    SourceMap map = SourceMap.of(spec.code());
    SourceMap.Position[] top = new SourceMap.Position[1];
    List<String> frames = e.path("stack").asText().lines()
        .map(String::strip)
        .filter(l -> l.startsWith("at ") && l.contains("data:text/javascript"))
        .limit(8)
        .map(l -> "    in " + SourceMap.rewrite(l.substring(3), map, spec.name(), top))
        .toList();
    String source = top[0] == null ? null : map.sourceLine(top[0].line());
    if (source != null) sb.append("\nTypeScript line ").append(top[0].line()).append(": ").append(source.strip());
    frames.forEach(l -> sb.append('\n').append(l));
    return sb.toString();
  }

  private void watchLoop() {
    long deadlineNanos = settings.deadline().toNanos();
    while (!closed && failure == null) {
      InFlight head = inFlight.peek();
      if (head != null && System.nanoTime() - head.sentNanos() > deadlineNanos) {
        fail("UDF \"" + spec.name() + "\" did not finish " + (head.rows() == null ? "a call" : "a batch of "
            + head.rows().size() + " row(s)") + " within "
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
    if (stderr.outOfMemory()) return outOfMemory(null);
    String code = process.isAlive() ? "closed its pipes" : "exited with code " + process.exitValue();
    return base + code + (err.isBlank() ? "" : ": " + err);
  }

  /** One message for every way a worker runs out of memory: its heap, or its address space (Buffers, WebAssembly). */
  private String outOfMemory(String detail) {
    return "UDF \"" + spec.name() + "\": its worker process ran out of memory (heap cap " + settings.heapMb()
        + " MB, memory cap " + WorkerSandbox.addressSpaceMb(settings.heapMb()) + " MB)" + (detail == null ? "" : ": " + detail);
  }

  private void fail(String message) {
    List<Pending> failed = new ArrayList<>();
    List<Request> failedRequests = new ArrayList<>();
    synchronized (lock) {
      if (failure != null) return;
      failure = message;
      InFlight b;
      while ((b = inFlight.poll()) != null) {
        if (b.rows() != null) failed.addAll(b.rows());
        else failedRequests.add(b.request());
      }
      failed.addAll(current);
      failedRequests.addAll(requests);
      current = new ArrayList<>();
      currentBytes = newBatchBytes();
      requests.clear();
      lock.notifyAll();
    }
    process.destroyForcibly();
    UdfException e = new UdfException(message);
    failed.forEach(p -> p.future().completeExceptionally(e));
    failedRequests.forEach(r -> r.future().completeExceptionally(e));
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
