// All jobs submitted through this runner, by Flink job id; old finished jobs are forgotten beyond a limit.
package io.streamcanvas.runner.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class JobRegistry {
  private static final int MAX_ENDED_JOBS = 100;

  private final Map<String, RunningJob> jobs = new LinkedHashMap<>();

  public synchronized void add(RunningJob job) {
    jobs.put(job.jobId(), job);
    forgetOldEndedJobs();
  }

  public synchronized RunningJob get(String jobId) {
    return jobs.get(jobId);
  }

  public synchronized List<RunningJob> all() {
    return new ArrayList<>(jobs.values());
  }

  public synchronized int size() {
    return jobs.size();
  }

  private void forgetOldEndedJobs() {
    Collection<RunningJob> ended = jobs.values().stream().filter(RunningJob::isTerminal).toList();
    int excess = ended.size() - MAX_ENDED_JOBS;
    for (RunningJob j : ended) {
      if (excess-- <= 0) break;
      jobs.remove(j.jobId());
    }
  }
}
