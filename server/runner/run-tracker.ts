// Runs: submit a pipeline to the runner, one poller per active run keeping the store current, watchers fed on change.
import { EventEmitter, on } from "node:events";
import path from "node:path";
import type { PipelineGraph } from "@/pipeline/graph";
import type { TableProgram } from "@/pipeline/ir";
import { noConnections, type RunnerConnections } from "@/server/connections/resolve";
import { runSettingsToFlink, type RunSettings } from "@/pipeline/run-settings";
import { defaultDataRoot, prepareRun } from "@/server/pipeline-ops";
import type { RunInfo, RunStatus } from "@/server/store/runs-repo";
import { isTerminal } from "@/server/states";
import type { Store } from "@/server/store/store";
import type { StoredSavepoint } from "@/server/store/savepoints-repo";
import type { JobInfo, RunnerClient, UdfLogs } from "./client";
import { latestCheckpoint, type RetainedCheckpoint } from "./checkpoints";
import type { LostRun, RunnerSupervisor } from "./supervisor";
import { ENV_TARGET, type RunnerTarget } from "@/server/targets/runner-target";
import { isLostTaskManager } from "@/server/monitor/task-failures";
import { runVersion } from "@/server/monitor/run-version";
import { GraphCompileError, RunnerRejection, RunnerUnavailable, NotFoundError } from "@/server/errors";

/** What the store's ids look like (UUIDs, example slugs): letters, digits, - and _, never a path. */
const PIPELINE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/** An invalid graph; the API returns its errors as data.graphErrors. */
export { GraphCompileError as GraphInvalidError } from "@/server/errors";

const LOST_MESSAGE = "runner restarted; job lost";
const LOST_NO_CHECKPOINT = `${LOST_MESSAGE} (it had no completed checkpoint to resume from: set a checkpoint interval to keep its state)`;

/** How a start differs from a plain run of the saved pipeline (whose run settings always apply). */
export type RunOptions = {
  savepointPath?: string;
  /** a stored target's name (server/targets/); none: STREAMCANVAS_FLINK_URL's cluster if set, else the embedded one */
  target?: string;
};
/** What the cluster itself (Flink's REST API) says about a job, for jobs the runner no longer knows. */
export type ClusterJobState = { status: string; error: string | null } | undefined;
export type TrackerOptions = {
  /** directory for checkpoints and savepoints (under the data dir); none: Flink's defaults */
  stateDir?: string;
  /** asks the cluster about a job; undefined when the cluster does not know it */
  clusterJob?: (jobId: string) => Promise<ClusterJobState>;
  /** the connections a program names, from the store (throws GraphCompileError naming the nodes whose is missing) */
  connections?: (program: TableProgram) => RunnerConnections;
  /** the cluster a run goes to (undefined: the embedded one); throws NotFoundError for an unknown name */
  target?: (name: string | undefined) => RunnerTarget | undefined;
  /** the console lines of a job on a remote target, from its TaskManagers' logs (server/monitor/taskmanager-logs.ts) */
  clusterLogs?: (jobId: string) => Promise<UdfLogs>;
  /** the savepoint folder a stored target names (targets add --savepoint-dir), if any */
  targetSavepointDir?: (name: string) => string | undefined;
  /** what must exist outside Flink before the job starts (a change stream's Debezium connector); throws GraphCompileError */
  prepare?: (graph: PipelineGraph, client: RunnerClient) => Promise<void>;
  /**
   * The root cause of a failed job whose last failure Flink recorded only as a lost TaskManager, as the TaskManager's
   * log tells it (server/monitor/task-failures.ts); null when the log does not know it
   */
  loggedFailure?: (jobId: string) => Promise<string | null>;
};

export class RunTracker {
  private readonly pollers = new Map<string, NodeJS.Timeout | null>();
  private readonly events = new EventEmitter().setMaxListeners(0);
  private disposed = false;

  constructor(
    private readonly store: Store, private readonly supervisor: RunnerSupervisor, private readonly pollMs = 500,
    /** where filesystem sources and sinks resolve their paths; the runner must have been started with the same */
    private readonly dataRoot = defaultDataRoot(),
    private readonly opts: TrackerOptions = {},
  ) {}

  /** The savepoint folder a stored target names, if any (undefined for the embedded cluster and the env default). */
  targetSavepointDir(target: string): string | undefined {
    return target === ENV_TARGET ? undefined : this.opts.targetSavepointDir?.(target);
  }

  /** Records a savepoint a remote target wrote (its folder is on the cluster's file system, not listable here). */
  recordSavepoint(s: Omit<StoredSavepoint, "createdAt">): void {
    this.store.savepoints.add(s);
  }

  recordedSavepoints(pipelineId: string): StoredSavepoint[] {
    return this.store.savepoints.list(pipelineId);
  }

  /** The one folder of checkpoints and savepoints (the runner refuses any other), or undefined without one. */
  stateDir(): string | undefined {
    return this.opts.stateDir;
  }

  private connectionsOf(program: TableProgram): RunnerConnections {
    return (this.opts.connections ?? noConnections)(program);
  }

  /** Where a pipeline's savepoints go (and are listed from), or undefined without a state directory. */
  savepointDir(pipelineId: string): string | undefined {
    // the id becomes a path: one that is not an id (`../..`, a slash) must not name a folder outside the state dir
    if (!PIPELINE_ID.test(pipelineId)) throw new NotFoundError(`no pipeline ${JSON.stringify(pipelineId)}: not a pipeline id`);
    return this.opts.stateDir && path.join(this.opts.stateDir, "savepoints", pipelineId);
  }

  async start(pipelineId: string, options: RunOptions = {}, readyTimeoutMs = 120_000): Promise<RunInfo> {
    const p = this.store.pipelines.get(pipelineId);
    if (!p) throw new NotFoundError(`no pipeline ${pipelineId}`);
    const prepared = prepareRun(p.graph, this.dataRoot);
    if ("errors" in prepared) throw new GraphCompileError(prepared.errors);
    // the saved pipeline's run settings apply to every start (run, resume, restart, redeploy); the run records them
    const settings = p.graph.settings;
    // a run recorded as STREAMCANVAS_FLINK_URL's (restarted, resumed, redeployed) goes to that default again
    const target = this.opts.target?.(options.target === ENV_TARGET ? undefined : options.target);
    // a remote cluster keeps checkpoints and savepoints where its own config says (or where a savepoint is taken to,
    // run-control.ts): the state folder is on this machine, which its TaskManagers cannot reach
    const program = target
      ? withRunOptions(prepared.program, settings, options)
      : withRunOptions(prepared.program, settings, options, this.opts.stateDir, this.savepointDir(pipelineId));
    const connections = this.connectionsOf(program);
    const client = await this.supervisor.whenReady(readyTimeoutMs);
    await this.opts.prepare?.(p.graph, client);
    const run = this.store.runs.create(pipelineId, settings, target?.name ?? null);
    this.store.versions.add(pipelineId, p.graph, "run"); // every Run keeps the graph it ran as a numbered version
    let jobId: string;
    try {
      ({ jobId } = await client.submit(withRunId(program, run.id), connections, target));
    } catch (e) {
      const rootCause = e instanceof RunnerRejection ? (e.flinkCause ?? null) : null;
      this.save(run.id, { status: "FAILED", error: { message: (e as Error).message, rootCause } });
      throw e;
    }
    let info = this.save(run.id, { jobId, status: "CREATED" });
    const job = await client.job(jobId).catch(() => undefined);
    if (job) info = this.apply(run.id, job) ?? info;
    this.ensurePoller(run.id);
    return info;
  }

  async stop(runId: string): Promise<RunInfo> {
    const run = this.get(runId);
    if (isTerminal(run.status) || !run.jobId) return run;
    const client = await this.supervisor.whenReady(30_000);
    const job = await client.cancel(run.jobId);
    this.ensurePoller(runId);
    return this.apply(runId, job) ?? this.get(runId);
  }

  /**
   * The console lines of the run's TS UDFs (none before the job exists or once it is lost): on a remote target from its
   * TaskManagers' logs, each naming its TaskManager; on the embedded cluster as the runner keeps them.
   */
  async logs(runId: string): Promise<UdfLogs> {
    const run = this.get(runId);
    if (!run.jobId || run.status === "LOST") return { lines: [], dropped: 0 };
    if (run.target && this.opts.clusterLogs) return this.opts.clusterLogs(run.jobId);
    const client = await this.supervisor.whenReady(10_000);
    return client.logs(run.jobId);
  }

  get(runId: string): RunInfo {
    const run = this.store.runs.get(runId);
    if (!run) throw new NotFoundError(`no run ${runId}`);
    return run;
  }

  /** Current state first, then every change, until the run is terminal or the caller goes away. */
  async *watch(runId: string, signal?: AbortSignal): AsyncGenerator<RunInfo> {
    let last = this.get(runId);
    const ac = new AbortController();
    const onAbort = () => ac.abort();
    signal?.addEventListener("abort", onAbort);
    // subscribe before the first yield so no change between yields is missed
    const changes = on(this.events, runId, { signal: ac.signal });
    try {
      yield last;
      if (isTerminal(last.status)) return;
      for await (const [info] of changes) {
        last = info as RunInfo;
        yield last;
        if (isTerminal(last.status)) return;
      }
    } catch (e) {
      if ((e as Error).name !== "AbortError") throw e;
    } finally {
      signal?.removeEventListener("abort", onAbort);
      ac.abort();
    }
  }

  /** Resolves with the run once it is terminal (or as it is after timeoutMs). */
  async waitTerminal(runId: string, timeoutMs: number): Promise<RunInfo> {
    const signal = AbortSignal.timeout(timeoutMs);
    let last = this.get(runId);
    for await (const r of this.watch(runId, signal)) last = r;
    return last;
  }

  /**
   * The runner died and every active run's job with it. A run with a completed checkpoint waits (RESTARTING) to be
   * resumed from it when the runner is back (reconcile); the others are lost, saying why.
   */
  markActiveLost(): LostRun[] {
    const lost: LostRun[] = [];
    for (const r of this.store.runs.active()) {
      if (this.retainedCheckpoint(r)) {
        this.save(r.id, { status: "RESTARTING", error: null });
      } else {
        this.save(r.id, { status: "LOST", error: { message: LOST_NO_CHECKPOINT, rootCause: null } });
        lost.push({ runId: r.id, pipelineId: r.pipelineId, jobId: r.jobId });
      }
    }
    return lost;
  }

  /**
   * After (re)adoption: active runs whose job the runner still knows get a poller; the others are resumed from their
   * latest retained checkpoint, or taken from the cluster's word, or lost.
   */
  async reconcile(client: RunnerClient): Promise<LostRun[]> {
    const known = new Set((await client.jobs()).map((j) => j.jobId));
    const lost: LostRun[] = [];
    for (const r of this.store.runs.active()) {
      if (r.jobId && known.has(r.jobId)) {
        this.ensurePoller(r.id);
      } else if (await this.adoptFromCluster(r)) {
        continue;
      } else if (!(await this.resumeFromCheckpoint(r, client))) {
        this.save(r.id, { status: "LOST", error: { message: this.retainedCheckpoint(r) ? LOST_MESSAGE : LOST_NO_CHECKPOINT, rootCause: null } });
        lost.push({ runId: r.id, pipelineId: r.pipelineId, jobId: r.jobId });
      }
    }
    // runs marked lost when the runner died whose job a (remote) cluster still runs come back
    for (const r of this.store.runs.list().filter((x) => x.status === "LOST" && x.jobId).slice(0, 50)) {
      await this.adoptFromCluster(r);
    }
    return lost;
  }

  private retainedCheckpoint(r: RunInfo): RetainedCheckpoint | undefined {
    return r.jobId && this.opts.stateDir ? latestCheckpoint(path.join(this.opts.stateDir, "checkpoints"), r.jobId) : undefined;
  }

  /**
   * Starts the run's job again from its latest retained checkpoint: the graph of the version the run ran, with the
   * settings it ran with. The run keeps its id and records the resume, so its page says what happened.
   */
  private async resumeFromCheckpoint(r: RunInfo, client: RunnerClient): Promise<boolean> {
    const checkpoint = this.retainedCheckpoint(r);
    const graph = checkpoint && (runVersion(this.store, r)?.graph ?? this.store.pipelines.get(r.pipelineId)?.graph);
    if (!checkpoint || !graph) return false;
    const prepared = prepareRun(graph, this.dataRoot);
    if ("errors" in prepared) return false;
    const settings = r.settings ?? graph.settings;
    const program = withRunOptions(prepared.program, settings, { savepointPath: checkpoint.path }, this.opts.stateDir, this.savepointDir(r.pipelineId));
    try {
      const { jobId } = await client.submit(withRunId(program, r.id), this.connectionsOf(program));
      const resumes = [...r.resumes, { at: Date.now(), fromJobId: r.jobId, checkpoint: checkpoint.path }];
      this.save(r.id, { jobId, status: "CREATED", error: null, endedAt: null, resumes });
    } catch (e) {
      if (!(e instanceof RunnerRejection || e instanceof RunnerUnavailable || e instanceof GraphCompileError)) throw e;
      this.save(r.id, { status: "LOST", error: { message: `${LOST_MESSAGE}; resuming from ${checkpoint.path} failed: ${(e as Error).message}`, rootCause: null } });
      return true;
    }
    this.ensurePoller(r.id);
    return true;
  }

  /**
   * The runner does not know the job, but the cluster may (a remote cluster outlives the runner, and the runner forgets
   * old jobs): take the cluster's word for the run's state. False when the cluster does not know the job either.
   */
  private async adoptFromCluster(r: RunInfo): Promise<boolean> {
    if (!r.jobId || !this.opts.clusterJob) return false;
    const c = await this.opts.clusterJob(r.jobId).catch(() => undefined);
    if (!c) return false;
    const status = c.status as RunStatus;
    const error = c.error ? { message: c.error, rootCause: c.error } : null;
    if (isTerminal(status)) {
      if (r.status !== status) this.save(r.id, { status, error });
    } else {
      this.save(r.id, { status, error: null, endedAt: null });
      this.ensurePoller(r.id);
    }
    return true;
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.pollers.values()) if (t) clearTimeout(t);
    this.pollers.clear();
  }

  private ensurePoller(runId: string): void {
    if (this.pollers.has(runId) || this.disposed) return;
    this.pollers.set(runId, null);
    const tick = async () => {
      const run = this.store.runs.get(runId);
      if (!run || isTerminal(run.status) || this.disposed) {
        // ended by another server process on the same store (one that crashed but still polled): announce it here too,
        // or this process's watchers, which saw it running, would wait forever
        if (run && isTerminal(run.status) && !this.disposed) this.events.emit(runId, run);
        return void this.pollers.delete(runId);
      }
      const client = this.supervisor.currentClient();
      if (client && run.jobId) {
        try {
          const job = await client.job(run.jobId);
          // disposed while the runner answered: the store may be closed already (a server shutting down)
          if (this.disposed) return void this.pollers.delete(runId);
          if (job) this.apply(runId, await this.withLoggedFailure(run.jobId, job));
          else if (!(await this.adoptFromCluster(run))) {
            this.save(runId, { status: "LOST", error: { message: "the runner does not know this job", rootCause: null } });
          }
        } catch (e) {
          if (!(e instanceof RunnerUnavailable || e instanceof RunnerRejection)) throw e;
        }
      }
      if (this.pollers.has(runId)) this.pollers.set(runId, setTimeout(() => void tick(), this.pollMs));
    };
    this.pollers.set(runId, setTimeout(() => void tick(), this.pollMs));
  }

  /** A job that failed as its TaskManager went down, its root cause told from the TaskManager's log when it can be. */
  private async withLoggedFailure(jobId: string, job: JobInfo): Promise<JobInfo> {
    const e = job.error;
    if (job.status !== "FAILED" || !e || !this.opts.loggedFailure || !isLostTaskManager(e.rootCause ?? e.message)) return job;
    const told = await this.opts.loggedFailure(jobId).catch(() => null);
    return told ? { ...job, error: { ...e, rootCause: `${told} — from the runner's log; Flink recorded only: ${e.rootCause ?? e.message}` } } : job;
  }

  /** Applies a runner JobInfo; stores and announces only when something visible changed. */
  private apply(runId: string, job: JobInfo): RunInfo | undefined {
    const cur = this.store.runs.get(runId);
    if (!cur || isTerminal(cur.status)) return cur;
    const next = {
      status: job.status as RunStatus,
      error: job.error ? { message: job.error.message, rootCause: job.error.rootCause ?? null } : null,
      sinks: job.sinks ?? cur.sinks,
    };
    const same = cur.status === next.status && JSON.stringify([cur.error, cur.sinks]) === JSON.stringify([next.error, next.sinks]);
    return same ? cur : this.save(runId, next);
  }

  private save(runId: string, patch: Parameters<Store["runs"]["update"]>[1]): RunInfo {
    const info = this.store.runs.update(runId, patch);
    if (!info) throw new NotFoundError(`no run ${runId}`);
    this.events.emit(runId, info);
    return info;
  }
}

/**
 * The run's id in the program's config (jvm-runner's streamcanvas.run-id): an exactly-once Kafka sink's transactional
 * ids are made unique per pipeline and run from it, and a run resumed from its checkpoint keeps them.
 */
export function withRunId(program: TableProgram, runId: string): TableProgram {
  return { ...program, config: { ...program.config, "streamcanvas.run-id": runId } };
}

/** Flink options for a run's settings and start; checkpoints and savepoints go to files under the state directory. */
export function withRunOptions(program: TableProgram, settings: RunSettings, o: RunOptions, stateDir?: string, savepointDir?: string): TableProgram {
  const config: Record<string, string> = { ...program.config, ...runSettingsToFlink(settings) };
  if (stateDir) {
    config["execution.checkpointing.storage"] = "filesystem";
    config["execution.checkpointing.dir"] = `file://${path.join(stateDir, "checkpoints")}`;
  }
  if (savepointDir) config["execution.checkpointing.savepoint-dir"] = `file://${savepointDir}`;
  if (o.savepointPath) {
    config["execution.state-recovery.path"] = o.savepointPath;
    // an edited pipeline may have dropped an operator; its state is left behind instead of refusing the resume
    config["execution.state-recovery.ignore-unclaimed-state"] = "true";
  }
  return { ...program, config };
}
