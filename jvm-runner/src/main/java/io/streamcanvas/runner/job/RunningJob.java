// One submitted job: its JobClient, collect buffers and status; renders the JobInfo of API.md.
package io.streamcanvas.runner.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;

public final class RunningJob {
  private static final long CALL_TIMEOUT_MS = 10_000;
  private static final long DRAIN_TIMEOUT_MS = 10_000;

  private final String jobId;
  private final String name;
  private final JobClient client;
  private final long startTime = System.currentTimeMillis();
  private final List<CollectBuffer> sinks;
  private final CompletableFuture<?> result;
  private volatile JobStatus terminal;
  private volatile long endTime;
  private volatile Throwable failure;
  private volatile String explained;
  private volatile JobStatus lastSeen = JobStatus.INITIALIZING;

  RunningJob(JobClient client, String name, List<CollectBuffer> sinks) {
    this(client, name, sinks, t -> null);
  }

  /** `explain`: a clearer root cause for a failure, or null (a Kafka message that did not parse: BadMessages). */
  RunningJob(JobClient client, String name, List<CollectBuffer> sinks, Function<Throwable, String> explain) {
    this.client = client;
    this.jobId = client.getJobID().toHexString();
    this.name = name;
    this.sinks = List.copyOf(sinks);
    // Asked once, right away: the result future is what carries a failed job's cause.
    // Its completion time is also the end time, whether or not anyone is polling just then.
    this.result = client.getJobExecutionResult().whenComplete((r, t) -> {
      if (t != null) {
        explained = explainQuietly(explain, t);
        failure = t;
      }
      endTime = System.currentTimeMillis();
    });
    sinks.forEach(CollectBuffer::start);
  }

  private static String explainQuietly(Function<Throwable, String> explain, Throwable t) {
    try {
      return explain.apply(t);
    } catch (RuntimeException e) {
      return null; // Flink's own root cause is shown
    }
  }

  public String jobId() {
    return jobId;
  }

  public boolean isTerminal() {
    return terminal != null;
  }

  /**
   * Flink's status, except that a job that has ended is reported as such only once its collect sinks have
   * received all their rows, so a caller that sees FINISHED also sees the complete result.
   */
  public JobStatus status() {
    if (terminal != null) return terminal;
    JobStatus s;
    try {
      s = client.getJobStatus().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return lastSeen; // a slow or unreachable REST call should not turn into an error for the caller
    }
    lastSeen = s;
    if (!s.isGloballyTerminalState()) return s;
    for (CollectBuffer b : sinks) {
      try {
        b.awaitDone(DRAIN_TIMEOUT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return s;
      }
    }
    awaitResult();
    if (endTime == 0) endTime = System.currentTimeMillis();
    terminal = s;
    return s;
  }

  private void awaitResult() {
    try {
      result.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (Exception ignored) {
      // failure is recorded by the whenComplete hook
    }
  }

  /** Cancelling a job that has just ended is not an error: the caller gets its final status. */
  public void cancel() throws Exception {
    if (status().isGloballyTerminalState()) return;
    try {
      client.cancel().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!status().isGloballyTerminalState()) throw e;
    }
  }

  public ObjectNode toJson(boolean withSinks) {
    JobStatus s = status();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("jobId", jobId).put("name", name).put("status", s.name()).put("startTime", startTime);
    if (terminal != null) o.put("endTime", endTime); else o.putNull("endTime");
    Throwable f = failure;
    if (s == JobStatus.FAILED && f != null) {
      String cause = explained == null ? JobErrors.rootCause(f) : Secrets.scrub(explained) + " — " + JobErrors.rootCause(f);
      o.putObject("error").put("message", JobErrors.message(f)).put("rootCause", cause);
    } else {
      o.putNull("error");
    }
    if (withSinks) {
      ObjectNode out = o.putObject("sinks");
      for (CollectBuffer b : sinks) out.set(b.sinkId(), b.toJson());
    }
    return o;
  }
}
