// Runs one preview job on the runner: plan, TS UDFs checked and bundled as for a run, submit, poll, and cancel it on
// the time limit or when the caller aborts, so a preview never leaves a job behind. Shared by the server and the CLI.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import type { RunnerTarget } from "@/server/targets/runner-target";
import type { TableProgram } from "@/pipeline/ir";
import { noConnections, type RunnerConnections } from "@/server/connections/resolve";
import { edgeCounts, previewHints, type PreviewHint } from "@/pipeline/preview-hints";
import { PREVIEW_DEFAULTS, planPreview, type PreviewPlan } from "@/pipeline/preview";
import { checkDataPaths, resolveDataPaths } from "@/server/files/data-root";
import { defaultDataRoot } from "@/server/pipeline-ops";
import type { JobInfo, RunnerClient } from "@/server/runner/client";
import { isEnded } from "@/server/states";
import type { SinkResult } from "@/server/store/runs-repo";
import { bundleUdfs, checkUdfs } from "@/server/udf/compile-udfs";
import { GraphCompileError } from "@/server/errors";

export type PreviewOptions = {
  rows?: number; sourceRows?: number; seconds?: number; pollMs?: number; /** where file paths resolve */ dataRoot?: string;
  /** the connections the preview's program names, resolved from the store (server/connections/resolve.ts) */
  connections?: (program: TableProgram) => RunnerConnections;
  /** a remote cluster to preview on (server/targets/); none: the runner's embedded cluster */
  target?: RunnerTarget;
  /** what must exist outside Flink before the job starts, for the previewed nodes (a change stream's Debezium connector) */
  prepare?: (graph: PipelineGraph, client: RunnerClient) => Promise<void>;
};
export type StopReason = "time-limit" | "cancelled" | "superseded" | null;
export type PreviewProgress = { jobId: string; status: string; elapsedMs: number; counts: Record<string, number> };
export type PreviewResult = {
  nodeId: string; target: string; jobId: string; status: string; stoppedBy: StopReason; elapsedMs: number;
  error: { message: string; rootCause: string | null } | null;
  /** sample rows per previewed node (the target's are the preview) */
  samples: Record<string, SinkResult>;
  /** the Flink cluster it ran on: a remote target's name and address, or the embedded one (url null) */
  cluster: { name: string; url: string | null };
  counts: Record<string, number>; edgeCounts: Record<string, number>; hints: PreviewHint[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The plan with TS UDFs of the previewed part type-checked and bundled; invalid → GraphCompileError. */
export function preparePreview(graph: PipelineGraph, nodeId: string, o: PreviewOptions = {}, dataRoot = defaultDataRoot()): PreviewPlan {
  const r = planPreview(graph, nodeId, o);
  if (!r.ok) throw new GraphCompileError(r.errors);
  const inside = new Set(r.plan.sampled);
  const udfErrors: GraphError[] = checkUdfs(graph).filter((e) => e.nodeId !== undefined && inside.has(e.nodeId));
  // file paths checked and made absolute as for a run (a preview reads the same files)
  const pathErrors = checkDataPaths(r.plan.program, dataRoot);
  if (udfErrors.length || pathErrors.length) throw new GraphCompileError([...udfErrors, ...pathErrors]);
  return { ...r.plan, program: resolveDataPaths(bundleUdfs(r.plan.program), dataRoot) };
}

export async function runPreview(
  client: RunnerClient, graph: PipelineGraph, nodeId: string,
  o: PreviewOptions & { signal?: AbortSignal; onProgress?: (p: PreviewProgress) => void; onSubmitted?: (jobId: string) => void } = {},
): Promise<PreviewResult> {
  const plan = preparePreview(graph, nodeId, o, o.dataRoot);
  const t0 = Date.now();
  const deadline = t0 + (o.seconds ?? PREVIEW_DEFAULTS.seconds) * 1000;
  const connections = (o.connections ?? noConnections)(plan.program);
  const inside = new Set(plan.sampled);
  await o.prepare?.({ ...graph, nodes: graph.nodes.filter((n) => inside.has(n.id)) }, client);
  o.signal?.throwIfAborted();
  const { jobId } = await client.submit(plan.program, connections, o.target);
  o.onSubmitted?.(jobId);
  let stoppedBy: StopReason = null;
  let job: JobInfo | undefined;
  let lastKey = "";
  try {
    for (;;) {
      job = await client.job(jobId);
      if (!job) throw new Error(`the runner lost preview job ${jobId}`);
      if (isEnded(job.status)) break;
      const counts = countsOf(job);
      const key = JSON.stringify([job.status, counts]);
      if (key !== lastKey) o.onProgress?.({ jobId, status: job.status, elapsedMs: Date.now() - t0, counts });
      lastKey = key;
      if (!stoppedBy && (o.signal?.aborted || Date.now() >= deadline)) {
        stoppedBy = !o.signal?.aborted ? "time-limit" : o.signal.reason === "superseded" ? "superseded" : "cancelled";
        await client.cancel(jobId);
      }
      await sleep(o.pollMs ?? 100);
    }
  } finally {
    if (!job || !isEnded(job.status)) job = await cancelAndWait(client, jobId);
  }
  const counts = countsOf(job);
  return {
    nodeId, target: plan.target, cluster: o.target ? { name: o.target.name, url: o.target.url } : { name: "embedded", url: null }, jobId, status: job?.status ?? "CANCELED", stoppedBy, elapsedMs: Date.now() - t0,
    error: job?.error ? { message: job.error.message, rootCause: job.error.rootCause ?? null } : null,
    samples: (job?.sinks ?? {}) as Record<string, SinkResult>,
    counts, edgeCounts: edgeCounts(graph, plan.edges, counts), hints: previewHints(graph, plan.sampled, counts),
  };
}

const countsOf = (job: JobInfo | undefined) =>
  Object.fromEntries(Object.entries(job?.sinks ?? {}).map(([id, s]) => [id, s.total]));

/** Best effort after an error or abort: cancel and wait (bounded) until the runner reports the job ended. */
async function cancelAndWait(client: RunnerClient, jobId: string): Promise<JobInfo | undefined> {
  let job: JobInfo | undefined;
  for (let i = 0; i < 100; i++) {
    try {
      job = i === 0 ? await client.cancel(jobId) : await client.job(jobId);
    } catch {
      return job;
    }
    if (!job || isEnded(job.status)) return job;
    await sleep(100);
  }
  return job;
}
