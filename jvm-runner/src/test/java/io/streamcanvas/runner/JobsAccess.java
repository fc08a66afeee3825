// Test helper for other packages: Jobs is package-private to the runner's tests.
package io.streamcanvas.runner;

import io.streamcanvas.runner.job.RunningJob;
import org.apache.flink.api.common.JobStatus;

public final class JobsAccess {
  private JobsAccess() {}

  public static JobStatus awaitTerminal(RunningJob job, long timeoutMs) throws InterruptedException {
    return Jobs.awaitTerminal(job, timeoutMs);
  }

  public static String canonical(com.fasterxml.jackson.databind.JsonNode node) {
    return Jobs.canonical(node);
  }
}
