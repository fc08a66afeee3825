// The monitor against real jobs on the runner's MiniCluster: live figures on nodes, stop-with-savepoint and a resume
// that continues a sequence exactly, exceptions with their root cause, reconciliation with the cluster.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { graph } from "@/pipeline/testing/graphs";
import { isTerminal } from "@/server/states";
import { type RunInfo } from "@/server/store/runs-repo";
import { createPipeline, realRunnerHarness, watchUntil } from "@/server/api/testing/harness";
import { RunControl } from "./run-control";
import type { JobSnapshot } from "./types";
import { SavepointFailed } from "@/server/errors";

const h = realRunnerHarness();

const terminal = (r: RunInfo) => isTerminal(r.status);
const running = (r: RunInfo) => r.status === "RUNNING" || terminal(r);

/** Every snapshot monitor.job yields, up to and including the first that `done` accepts. */
async function watchJob(jobId: string, done: (s: JobSnapshot) => boolean): Promise<JobSnapshot[]> {
  const seen: JobSnapshot[] = [];
  for await (const s of await h.caller.monitor.job({ jobId })) {
    seen.push(s);
    if (done(s)) break;
  }
  return seen;
}

const randomSource = {
  id: "gen", kind: "datagen",
  config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 1000 }], rowsPerSecond: 200 },
};
const sequence = (end: number) => ({
  id: "seq", kind: "datagen",
  config: { columns: [{ name: "n", type: "BIGINT", kind: "sequence", start: 1, end }], rowsPerSecond: 40 },
});
const ns = (r: RunInfo, sink = "out") => r.sinks[sink]!.rows.map((x) => Number(x.values[0]));

describe("monitor on the real runner", () => {
  it("streams growing figures mapped onto the canvas nodes, with one poller that stops when the viewer leaves", async () => {
    const filter = { id: "f1", kind: "filter", config: { predicate: "id % 2 = 0" } };
    const pipelineId = await createPipeline(h.caller, graph([randomSource, filter, { id: "out", kind: "collect", config: {} }], ["gen->f1", "f1->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    await watchUntil(h.caller, run.id, running);
    const seen = await watchJob(run.jobId!, (s) => (s.nodes?.gen?.outRate ?? 0) > 0 && (s.nodes?.out?.inRate ?? 0) > 0);
    const last = seen.at(-1)!;
    expect(last.reachable).toBe(true);
    expect(last.run?.runId).toBe(run.id);
    expect(last.nodes!.gen!.scope).toBe("operator");
    expect(last.nodes!.f1!.scope).toBe("chain");
    expect(last.nodes!.f1!.operators.some((o) => o.startsWith("Calc"))).toBe(true);
    expect(last.totals.inRate).toBeGreaterThan(0);
    // the filter drops about half: fewer rows leave it than enter it
    expect(last.nodes!.f1!.outRate!).toBeLessThan(last.nodes!.f1!.inRate!);
    // the counters keep growing on the next snapshots
    const first = last.nodes!.out!.recordsIn!;
    expect(first).toBeGreaterThan(0);
    const later = (await watchJob(run.jobId!, (s) => (s.nodes?.out?.recordsIn ?? 0) > first)).at(-1)!;
    expect(later.nodes!.out!.recordsIn).toBeGreaterThan(first);
    expect(later.at).toBeGreaterThan(last.at);
    // nobody watches now: no poller
    expect(h.services.monitor.jobs.active()).not.toContain(run.jobId);
    await h.caller.runs.stop({ runId: run.id });
  });

  it("shows a running TS map's rows, batches and latency on its node, growing", async () => {
    const code = "export default function double(row: Input): { twice: bigint } {\n  return { twice: (row.id ?? 0n) * 2n };\n}\n";
    const pipelineId = await createPipeline(h.caller, graph([randomSource, { id: "ts-map", kind: "ts-map", config: { code } },
      { id: "out", kind: "collect", config: {} }], ["gen->ts-map", "ts-map->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    await watchUntil(h.caller, run.id, running);
    const first = (await watchJob(run.jobId!, (s) => (s.nodes?.["ts-map"]?.udf?.batches ?? 0) > 0)).at(-1)!.nodes!["ts-map"]!.udf!;
    expect(first.rows).toBeGreaterThanOrEqual(first.batches);
    expect(first.latencyMs).toBeGreaterThan(0);
    // only the UDF's node gets UDF figures
    const later = (await watchJob(run.jobId!, (s) => (s.nodes?.["ts-map"]?.udf?.batches ?? 0) > first.batches
      && (s.nodes?.["ts-map"]?.udf?.rowsPerSecond ?? 0) > 0)).at(-1)!;
    expect(later.nodes!["ts-map"]!.udf!.rows).toBeGreaterThan(first.rows);
    expect(later.nodes!.gen!.udf).toBeUndefined();
    expect(later.nodes!.out!.udf).toBeUndefined();
    await h.caller.runs.stop({ runId: run.id });
  });

  it("stops with a savepoint and resumes from it: the sequence continues without gaps or duplicates", async () => {
    // with checkpoints on, collect rows become visible at each checkpoint (exactly-once): keep the interval short
    const pipelineId = await createPipeline(h.caller,
      graph([sequence(5_000), { id: "out", kind: "collect", config: { maxRows: 5_000 } }], ["seq->out"], "test", { checkpointIntervalMs: 1_000 }));
    const run = await h.caller.runs.start({ pipelineId });
    await watchUntil(h.caller, run.id, (r) => (r.sinks.out?.total ?? 0) >= 40 || terminal(r));
    const { run: stopped, savepointPath } = await h.caller.monitor.stopWithSavepoint({ runId: run.id });
    expect(savepointPath).toMatch(/^file:.*savepoint-/);
    expect(stopped.status).toBe("FINISHED");
    const before = ns(stopped);
    expect(before).toEqual(before.map((_, i) => i + 1));
    expect((await h.caller.monitor.savepoints({ pipelineId })).map((s) => s.path)).toContain(savepointPath);

    const resumed = await h.caller.monitor.resume({ pipelineId, savepointPath });
    const after = ns((await watchUntil(h.caller, resumed.id, (r) => (r.sinks.out?.total ?? 0) >= 40 || terminal(r))).at(-1)!);
    expect(after[0]).toBe(before.at(-1)! + 1);
    expect(after).toEqual(after.map((_, i) => before.at(-1)! + 1 + i));
    const snap = (await watchJob(resumed.jobId!, (s) => s.checkpoints?.restoredFrom != null)).at(-1)!;
    expect(snap.checkpoints!.restoredFrom).toBe(savepointPath);
    await h.caller.runs.stop({ runId: resumed.id });
  });

  it("redeploys an edited running pipeline from its savepoint; a failed savepoint leaves the old job running", async () => {
    const filter = (predicate: string) => ({ id: "f", kind: "filter", config: { predicate } });
    const g = (predicate: string) => graph([sequence(5_000), filter(predicate), { id: "out", kind: "collect", config: { maxRows: 5_000 } }],
      ["seq->f", "f->out"]);
    const pipelineId = await createPipeline(h.caller, g("n > 0"));
    const run = await h.caller.runs.start({ pipelineId });
    await watchUntil(h.caller, run.id, (r) => (r.sinks.out?.total ?? 0) >= 20 || terminal(r));
    const control = new RunControl(h.services.tracker, h.services.monitor);
    // a target outside the state folder is refused before Flink is asked
    for (const outside of ["nosuchfs://nowhere/savepoints", `file://${os.tmpdir()}/sc-savepoints`, `${h.services.tracker.stateDir()}/../x`]) {
      const refused = await control.redeploy(run.id, outside).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SavepointFailed);
      expect((refused as Error).message).toMatch(/refused .*the job keeps running/);
    }
    // Flink cannot write this savepoint (a file stands where its folder would go): the job must keep running and
    // nothing new starts
    const blocked = path.join(h.services.tracker.stateDir()!, "savepoints", "blocked");
    fs.mkdirSync(path.dirname(blocked), { recursive: true });
    fs.writeFileSync(blocked, "");
    const failed = await control.redeploy(run.id, `file://${blocked}/sub`).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SavepointFailed);
    expect((failed as Error).message).toMatch(/the savepoint failed, so the job keeps running/);
    expect((await h.caller.runs.get({ runId: run.id })).status).toBe("RUNNING");
    expect((await h.caller.runs.list({ pipelineId })).length).toBe(1);

    const saved = await h.caller.pipelines.get({ id: pipelineId });
    await h.caller.pipelines.save({ id: pipelineId, graph: g("n > 10"), baseRevision: saved.revision });
    const { stopped, run: next } = await h.caller.monitor.redeploy({ runId: run.id });
    const before = ns(stopped);
    expect(before.at(-1)).toBeGreaterThan(10);
    const after = ns((await watchUntil(h.caller, next.id, (r) => (r.sinks.out?.total ?? 0) >= 20 || terminal(r))).at(-1)!);
    expect(after).toEqual(after.map((_, i) => before.at(-1)! + 1 + i));
    // each job page draws the graph version its run ran
    const predicate = (c: Awaited<ReturnType<typeof h.caller.monitor.jobContext>>) =>
      c.pipeline!.graph.nodes.find((n) => n.id === "f")!.config.predicate;
    const [oldCtx, newCtx] = [await h.caller.monitor.jobContext({ jobId: run.jobId! }), await h.caller.monitor.jobContext({ jobId: next.jobId! })];
    expect([predicate(oldCtx), predicate(newCtx)]).toEqual(["n > 0", "n > 10"]);
    expect(newCtx.pipeline!.version).toBeGreaterThan(oldCtx.pipeline!.version!);
    await h.caller.runs.stop({ runId: next.id });
  });

  it("shows a failed job's exception with its root cause first", async () => {
    const cast = { id: "sel", kind: "select", config: { columns: [{ name: "n", expr: "CAST(CONCAT(CAST(id AS STRING), 'x') AS INT)" }] } };
    const pipelineId = await createPipeline(h.caller, graph([randomSource, cast, { id: "out", kind: "collect", config: {} }], ["gen->sel", "sel->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    expect((await watchUntil(h.caller, run.id, terminal)).at(-1)!.status).toBe("FAILED");
    const snap = (await watchJob(run.jobId!, (s) => s.exceptions.rootCause !== null)).at(-1)!;
    expect(snap.job?.state).toBe("FAILED");
    expect(snap.exceptions.rootCause!.rootCause).toMatch(/^NumberFormatException: /);
    // the failing task's vertex holds the whole chain: the source, the select whose CAST failed, the sink
    expect(snap.exceptions.rootCause!.nodes).toEqual(expect.arrayContaining(["sel"]));
    expect(snap.exceptions.history.length).toBeGreaterThanOrEqual(1);
  });

  it("reconciles a run marked LOST whose job the cluster still runs back to RUNNING, and restarts it", async () => {
    const pipelineId = await createPipeline(h.caller, graph([randomSource, { id: "out", kind: "collect", config: {} }], ["gen->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    await watchUntil(h.caller, run.id, running);
    // what a server that lost sight of the runner would have recorded
    h.services.store.runs.update(run.id, { status: "LOST", error: { message: "runner restarted; job lost", rootCause: null } });
    const lost = await h.services.tracker.reconcile(h.services.supervisor.currentClient()!);
    expect(lost.map((l) => l.runId)).not.toContain(run.id);
    const again = await h.caller.runs.get({ runId: run.id });
    expect(again.status).toBe("RUNNING");
    expect(again.error).toBeNull();
    expect(again.endedAt).toBeNull();
    const list = (await h.caller.monitor.jobs())[Symbol.asyncIterator]();
    const rows = (await list.next()).value!;
    await list.return?.(undefined);
    expect(rows.jobs.find((j: { runId: string | null }) => j.runId === run.id)?.status).toBe("RUNNING");
    // restart: the running job is stopped, the pipeline runs again as a new run
    const again2 = await h.caller.monitor.restart({ runId: run.id });
    expect(again2.id).not.toBe(run.id);
    expect((await h.caller.runs.get({ runId: run.id })).status).toBe("CANCELED");
    expect((await watchUntil(h.caller, again2.id, running)).at(-1)!.status).toBe("RUNNING");
    await h.caller.runs.stop({ runId: again2.id });
  });
});
