// The monitor: one shared poller per watched job (none for unwatched jobs) and one for the jobs list, over Flink's REST API.
import type { Store } from "@/server/store/store";
import type { CheckpointFailureLog } from "./checkpoint-failures";
import { createFlinkClient, type FlinkClient } from "./flink-client";
import type { FlinkTarget } from "./flink-http";
import { createJobTick } from "./job-poller";
import { createJobsListTick } from "./jobs-list";
import { KafkaLatest, type FetchLatest } from "./kafka-latest";
import { runVersion } from "./run-version";
import { SharedPollers, streamOf } from "./shared-pollers";
import type { JobSnapshot, JobsSnapshot } from "./types";

export type MonitorOptions = {
  flink: () => FlinkTarget | null; store: Store; intervalMs?: number;
  /** the runner's log, read for checkpoint failures Flink keeps no message for */
  checkpointFailures?: CheckpointFailureLog;
  /** the latest offsets of Kafka topics (through the runner and the named connection), for consumer lag per partition */
  kafkaOffsets?: FetchLatest;
  /** a stored target's REST address with its auth header (server/targets/), for runs that ran there; null if unknown */
  target?: (name: string) => FlinkTarget | null;
};

export class MonitorHub {
  readonly jobs: SharedPollers<JobSnapshot>;
  readonly list: SharedPollers<JobsSnapshot>;
  private client: FlinkClient | null = null;
  /** REST clients of remote targets, by URL + header */
  private readonly remote = new Map<string, FlinkClient>();

  constructor(private readonly o: MonitorOptions) {
    const jobTick = createJobTick({
      flink: (jobId) => this.flinkFor(jobId),
      checkpointFailure: (jobId) => o.checkpointFailures?.reason(jobId) ?? null,
      kafkaLatest: o.kafkaOffsets && new KafkaLatest(o.kafkaOffsets),
      runFor: (jobId) => {
        const run = o.store.runs.list().find((r) => r.jobId === jobId);
        // the graph the run ran (the pipeline may have been edited since), else the pipeline's current one
        return run && {
          runId: run.id, pipelineId: run.pipelineId,
          graph: runVersion(o.store, run)?.graph ?? o.store.pipelines.get(run.pipelineId)?.graph,
        };
      },
    });
    const interval = o.intervalMs ?? 1_000;
    this.jobs = new SharedPollers(jobTick.tick, interval, {
      onStop: () => jobTick.forget(new Set(this.jobs.active())),
      onError: (e) => console.error("[monitor] job poll failed:", e),
    });
    const listTick = createJobsListTick({ flink: () => this.flink(), store: o.store, jobPollers: this.jobs });
    this.list = new SharedPollers(listTick.tick, interval, {
      onStop: () => listTick.release(),
      onError: (e) => console.error("[monitor] jobs list poll failed:", e),
    });
  }

  /** A client for the cluster's current REST address and credential (both change when the runner restarts). */
  flink(): FlinkClient | null {
    const t = this.o.flink();
    if (!t) return null;
    if (this.client?.target.url !== t.url || this.client.target.credential !== t.credential) this.client = createFlinkClient(t);
    return this.client;
  }

  /** The client of the cluster that runs `jobId`: its run's target (runs record it), else the embedded cluster. */
  flinkFor(jobId: string): FlinkClient | null {
    const name = this.o.store.runs.list().find((r) => r.jobId === jobId)?.target;
    const t = name && this.o.target?.(name);
    if (!t) return this.flink();
    const key = `${t.url}\n${JSON.stringify(t.headers ?? {})}`;
    let c = this.remote.get(key);
    if (!c) this.remote.set(key, (c = createFlinkClient(t)));
    return c;
  }

  watchJob(jobId: string, signal?: AbortSignal): AsyncGenerator<JobSnapshot> {
    return streamOf(this.jobs, jobId, signal);
  }

  watchJobs(signal?: AbortSignal): AsyncGenerator<JobsSnapshot> {
    return streamOf(this.list, "jobs", signal);
  }

  dispose(): void {
    this.list.dispose();
    this.jobs.dispose();
  }
}
