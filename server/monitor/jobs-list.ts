// The jobs list: every job the embedded cluster and each remote target know, merged with StreamCanvas's runs (a remote
// job no run of this server submitted is marked foreign); running jobs' rates come from their shared job pollers,
// held while someone watches the list.
import { internalJobKind } from "@/pipeline/internal-jobs";
import { isEnded, isTerminal } from "@/server/states";
import type { Store } from "@/server/store/store";
import type { FlinkClient } from "./flink-client";
import { runVersion } from "./run-version";
import type { SharedPollers } from "./shared-pollers";
import type { JobRow, JobSnapshot, JobsSnapshot } from "./types";


type Overview = Awaited<ReturnType<FlinkClient["overview"]>>;

export type JobsListDeps = {
  flink: () => FlinkClient | null; store: Store; jobPollers: SharedPollers<JobSnapshot>;
  /** the remote targets to list jobs of, with their REST clients */
  remotes?: () => { name: string; client: FlinkClient }[];
  /** told which remote target each listed job runs on (so its job page reads that cluster) */
  seen?: (jobId: string, target: string) => void;
};

export function createJobsListTick(deps: JobsListDeps) {
  const held = new Map<string, () => void>();
  const versions = new Map<string, number | null>();

  async function tick(_key: string, prev: JobsSnapshot | undefined): Promise<JobsSnapshot> {
    const at = Date.now();
    const client = deps.flink();
    let cluster: Overview = [];
    let problem: string | null = null;
    const remotes = deps.remotes?.() ?? [];
    const [, ...remote] = await Promise.all([
      (async () => {
        try {
          if (!client) throw new Error("the runner is not ready, so Flink's address is unknown");
          cluster = await client.overview();
        } catch (e) {
          problem = (e as Error).message;
        }
      })(),
      ...remotes.map(async (r) => {
        try {
          return { name: r.name, jobs: await r.client.overview(), problem: null };
        } catch (e) {
          return { name: r.name, jobs: [] as Overview, problem: (e as Error).message };
        }
      }),
    ]);
    const targetOf = new Map<string, string>();
    for (const r of remote) for (const j of r!.jobs) (targetOf.set(j.jid, r!.name), deps.seen?.(j.jid, r!.name));
    const all = [...cluster, ...remote.flatMap((r) => r!.jobs)];
    const running = new Set(all.filter((j) => !isEnded(j.state)).map((j) => j.jid));
    for (const jid of running) if (!held.has(jid)) held.set(jid, deps.jobPollers.subscribe(jid, () => {}));
    for (const [jid, off] of held) if (!running.has(jid)) (off(), held.delete(jid));

    const names = new Map<string, string | null>();
    const pipelineName = (id: string) => {
      if (!names.has(id)) names.set(id, deps.store.pipelines.get(id)?.name ?? null);
      return names.get(id)!;
    };
    const byJob = new Map(all.map((j) => [j.jid, j]));
    // a run's version never changes: looked up once per run
    const versionOf = (r: { id: string; pipelineId: string; startedAt: number }) => {
      if (!versions.has(r.id)) versions.set(r.id, runVersion(deps.store, r)?.number ?? null);
      return versions.get(r.id)!;
    };
    const rows: JobRow[] = [];
    const seen = new Set<string>();
    for (const r of deps.store.runs.list()) {
      const j = r.jobId ? byJob.get(r.jobId) : undefined;
      if (r.jobId) seen.add(r.jobId);
      rows.push(row(j, r.jobId, {
        runId: r.id, pipelineId: r.pipelineId, pipelineName: pipelineName(r.pipelineId), name: j?.name ?? pipelineName(r.pipelineId) ?? "",
        version: versionOf(r),
        status: r.status, startTime: r.startedAt, endTime: r.endedAt,
        error: r.error ? (r.error.rootCause ?? r.error.message) : null, internal: null, target: r.target, foreign: false,
      }));
    }
    for (const j of all) {
      if (seen.has(j.jid)) continue;
      const target = targetOf.get(j.jid) ?? null;
      const internal = internalJobKind(j.name);
      rows.push(row(j, j.jid, { runId: null, pipelineId: null, pipelineName: null, version: null, name: j.name, status: j.state,
        startTime: j["start-time"], endTime: null, error: null, internal, target, foreign: target !== null && !internal }));
    }
    rows.sort((a, b) => b.startTime - a.startTime);
    return {
      at, reachable: problem === null, message: problem,
      unreachableSince: problem === null ? null : (prev?.unreachableSince ?? at), jobs: rows,
      targetProblems: remote.filter((r) => r!.problem).map((r) => ({ target: r!.name, message: r!.problem! })),
    };
  }

  type Base = Omit<JobRow, "jobId" | "inRate" | "outRate" | "figuresAt" | "restarts" | "ended">;
  function row(j: { state: string; "start-time": number; "end-time": number } | undefined, jobId: string | null, b: Base): JobRow {
    const snap = jobId ? deps.jobPollers.latest(jobId) : undefined;
    const live = j && !isEnded(j.state);
    const status = j?.state ?? b.status;
    return {
      ...b, jobId, ended: isEnded(status) || isTerminal(status),
      // the cluster's word wins over the stored one while the cluster knows the job (see RunTracker.reconcile)
      status: j?.state ?? b.status,
      startTime: j ? j["start-time"] : b.startTime,
      endTime: j ? (j["end-time"] > 0 ? j["end-time"] : null) : b.endTime,
      // the job page's snapshot, not a second computation: both pages show the same figures at the same poll
      inRate: live ? (snap?.totals.inRate ?? null) : null,
      outRate: live ? (snap?.totals.outRate ?? null) : null,
      figuresAt: live ? (snap?.at ?? null) : null,
      restarts: snap?.restarts ?? null,
    };
  }

  return { tick, release: () => { for (const off of held.values()) off(); held.clear(); } };
}
