// CLI verbs `preview` (sample rows of one node, nothing written to sinks) and `test` (pinned TS UDF test tables).
import type { Env } from "@/env";
import type { PipelineGraph } from "@/pipeline/graph";
import { runPreview } from "@/server/preview/run-preview";
import { type NodeTestOutcome, runUdfTests, testsPassed } from "@/server/udf/try-ts-map";
import { cliResolveConnections } from "./cli-connections";
import { connectRunner } from "./connect";
import { cliRunnerTarget } from "./targets-cmd";
import { formatSink } from "./format";

const show = (v: unknown) => (v === undefined ? "(missing)" : JSON.stringify(v));

/** Prints the target's rows (or JSON), per-node sample counts and hints; 0 when it ran, 2 when the job failed. */
export async function previewCommand(
  graph: PipelineGraph, nodeId: string, o: { rows: number; seconds: number; json: boolean; target?: string }, env: Env, dataDir: string,
): Promise<number> {
  const err = (l: string) => process.stderr.write(`${l}\n`);
  const target = cliRunnerTarget(env, o.target);
  const conn = await connectRunner(env, dataDir, err);
  try {
    err(`previewing ${nodeId} on ${conn.source}${target ? `, Flink cluster ${target.name} (${target.url})` : ""}`);
    const ac = new AbortController();
    const stop = () => ac.abort("cancelled");
    process.once("SIGINT", stop);
    const r = await runPreview(conn.client, graph, nodeId, {
      rows: o.rows, seconds: o.seconds, signal: ac.signal,
      connections: (program) => cliResolveConnections(env, program), target,
    }).finally(() => process.off("SIGINT", stop));
    const rows = r.samples[r.target];
    if (o.json) {
      process.stdout.write(`${JSON.stringify({ ...r, rows: rows ?? null }, null, 2)}\n`);
    } else {
      if (rows) process.stdout.write(`${formatSink(r.target, rows)}\n\n`);
      process.stdout.write(`sample counts: ${Object.entries(r.counts).map(([id, n]) => `${id}=${n}`).join(" ")}\n`);
      for (const h of r.hints) process.stdout.write(`hint: ${h.message}\n`);
      const note = r.stoppedBy === "time-limit" ? ` (stopped at the ${o.seconds} s limit)` : "";
      process.stdout.write(`preview job ${r.jobId} ${r.status}${note}\n`);
      if (r.error) process.stdout.write(`error: ${r.error.message}${r.error.rootCause ? `\ncause: ${r.error.rootCause}` : ""}\n`);
    }
    return r.status === "FAILED" ? 2 : 0;
  } finally {
    await conn.close();
  }
}

export function formatTestOutcome(r: NodeTestOutcome[]): string {
  const lines: string[] = [];
  for (const n of r) {
    if (n.error) lines.push(`FAIL ${n.nodeId}: ${n.error}`);
    for (const c of n.cases) {
      lines.push(`${c.pass ? "ok  " : "FAIL"} ${n.nodeId} #${c.index + 1} ${JSON.stringify(c.input)}`);
      for (const d of c.diffs) lines.push(`       ${d.column}: expected ${show(d.expected)}, got ${show(d.actual)}`);
    }
  }
  const cases = r.reduce((k, n) => k + n.cases.length, 0);
  const failed = r.reduce((k, n) => k + n.cases.filter((c) => !c.pass).length + (n.error ? 1 : 0), 0);
  lines.push(r.length === 0 ? "no pinned UDF tests" : `${cases} pinned test${cases === 1 ? "" : "s"} in ${r.length} node${r.length === 1 ? "" : "s"}: ${failed ? `${failed} failed` : "all passed"}`);
  return lines.join("\n");
}

/** 0 when every pinned test passes (or there are none), 1 otherwise. */
export async function testCommand(graph: PipelineGraph): Promise<number> {
  const r = await runUdfTests(graph);
  process.stdout.write(`${formatTestOutcome(r)}\n`);
  return testsPassed(r) ? 0 : 1;
}
