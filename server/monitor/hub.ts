// The monitor: one shared poller per watched job (none for unwatched jobs) and one for the jobs list, over Flink's REST API.
import type { Store } from "@/server/store/store";
import type { CheckpointFailureLog } from "./checkpoint-failures";
import { exceptionsOf, withLoggedCause } from "./job-extras";
import type { TaskFailureFinder, TaskFailureLog } from "./task-failures";
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
  /** the runner's log, read for task failures Flink records only as a lost TaskManager */
  taskFailures?: TaskFailureLog;
  /** the latest offsets of Kafka topics (through the runner and the named connection), for consumer lag per partition */
  kafkaOffsets?: FetchLatest;
  /** a stored target's REST address with its auth header (server/targets/), for runs that ran there; null if unknown */
  target?: (name: string) => FlinkTarget | null;
  /** the remote targets whose jobs the jobs list shows (the stored ones and STREAMCANVAS_FLINK_URL's) */
  targetNames?: () => string[];
};

export class MonitorHub {
  readonly jobs: SharedPollers<JobSnapshot>;
  readonly list: SharedPollers<JobsSnapshot>;
  private client: FlinkClient | null = null;
  /** REST clients of remote targets, by URL + header */
  private readonly remote = new Map<string, FlinkClient>();
  /** which remote target the jobs list last saw a job on (jobs other tools submitted have no run to say so) */
  private readonly seenOn = new Map<string, string>();

  constructor(private readonly o: MonitorOptions) {
    const jobTick = createJobTick({
      flink: (jobId) => this.flinkFor(jobId),
      checkpointFailure: (jobId) => o.checkpointFailures?.reason(jobId) ?? null,
      taskFailures: (client) => this.taskFailuresOn(client),
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
    const listTick = createJobsListTick({
      flink: () => this.flink(), store: o.store, jobPollers: this.jobs,
      remotes: () => (o.targetNames?.() ?? []).flatMap((name) => {
        const client = this.clientOf(name);
        return client ? [{ name, client }] : [];
      }),
      seen: (jobId, target) => this.seenOn.set(jobId, target),
    });
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
    const name = this.o.store.runs.list().find((r) => r.jobId === jobId)?.target ?? this.seenOn.get(jobId);
    return (name && this.clientOf(name)) || this.flink();
  }

  /** A remote target's REST client (one per address and header), or null when no such target is known. */
  private clientOf(name: string): FlinkClient | null {
    const t = this.o.target?.(name);
    if (!t) return null;
    const key = `${t.url}\n${JSON.stringify(t.headers ?? {})}\n${t.ca ?? ""}`;
    let c = this.remote.get(key);
    if (!c) this.remote.set(key, (c = createFlinkClient(t)));
    return c;
  }

  /** The runner's log's task failures for jobs on the embedded cluster; null for a remote one, whose tasks it never saw. */
  private taskFailuresOn(client: FlinkClient): TaskFailureFinder | null {
    const log = this.o.taskFailures;
    return log && client === this.flink() ? (task, at, vertices) => log.find(task, at, vertices) : null;
  }

  /** The root cause of the job's newest failure when Flink recorded it only as a lost TaskManager and the log tells it. */
  async loggedFailure(jobId: string): Promise<string | null> {
    const client = this.flinkFor(jobId);
    const find = client && this.taskFailuresOn(client);
    const details = find && await client.jobIfKnown(jobId);
    if (!find || !details) return null;
    const newest = exceptionsOf(await client.exceptions(jobId)).rootCause;
    const vertices = details.vertices.map((v) => v.id);
    const told = newest && withLoggedCause(newest, (task, at) => find(task, at, vertices));
    return told?.causeFrom ? told.rootCause : null;
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
