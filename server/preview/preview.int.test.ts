// Previews on the real runner through the tRPC router: every example's last node, sinks never written, limits, and
// no job left behind (superseded, disconnected).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { graph } from "@/pipeline/testing/graphs";
import { parseType } from "@/pipeline/types";
import { validateGraph } from "@/pipeline/validate";
import { realRunnerHarness } from "@/server/api/testing/harness";
import type { PreviewEvent } from "./preview-service";
import { preparePreview } from "./run-preview";

const h = realRunnerHarness();

const examples = fs.readdirSync("examples").filter((f) => f.endsWith(".json")).sort();
const load = (f: string) => JSON.parse(fs.readFileSync(path.join("examples", f), "utf8")) as PipelineGraph;

async function events(previewId: string, until: (e: PreviewEvent) => boolean = () => false): Promise<PreviewEvent[]> {
  const seen: PreviewEvent[] = [];
  for await (const e of await h.caller.preview.watch({ previewId })) {
    seen.push(e);
    if (until(e)) break;
  }
  return seen;
}
async function preview(key: string, g: PipelineGraph, nodeId: string, o: { rows?: number; seconds?: number } = {}) {
  const { previewId } = await h.caller.preview.start({ key, graph: g, nodeId, ...o });
  const last = (await events(previewId)).at(-1)!;
  if (last.type !== "result") throw new Error(`preview of ${nodeId} ended with ${JSON.stringify(last)}`);
  return last.result;
}
const client = () => h.services.supervisor.whenReady(10_000);
const base = (t: string) => { const r = parseType(t.replace(/\s*\*ROWTIME\*/, "")); return r.ok ? { ...r.type, nullable: true } : t; };

/** Waits (bounded) until the runner reports the job ended, and returns its status. */
async function endedStatus(jobId: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const j = await (await client()).job(jobId);
    if (!j || ["FINISHED", "FAILED", "CANCELED"].includes(j.status)) return j?.status ?? "GONE";
    await new Promise((r) => setTimeout(r, 100));
  }
  return "STILL RUNNING";
}

describe("preview on the real runner", () => {
  for (const f of examples) {
    it(`${f}: the last node's preview has rows of its declared type, and counts for every upstream node`, async () => {
      const g = load(f);
      const last = g.nodes.at(-1)!;
      const r = await preview(`ex-${f}`, g, last.id, { seconds: 90 });
      expect(r.status, JSON.stringify(r.error)).toBe("FINISHED");
      const declared = validateGraph(g).rowTypes[r.target]!;
      const got = r.samples[r.target]!;
      expect(got.columns.map((c) => c.name)).toEqual(declared.map((c) => c.name));
      expect(got.columns.map((c) => base(c.type))).toEqual(declared.map((c) => ({ ...c.type, nullable: true })));
      expect(got.rows.length).toBeGreaterThan(0);
      expect(got.rows.length).toBeLessThanOrEqual(100);
      for (const row of got.rows) expect(row.values).toHaveLength(declared.length);
      for (const id of preparePreview(g, last.id, {}, h.services.dataRoot).sampled) expect(r.counts[id], id).toBeGreaterThanOrEqual(0);
    });
  }

  it("never writes a sink: the preview of a print sink shows its input and the job has no print operator", async () => {
    const g = load("orders-clean-up.json");
    const plan = preparePreview(g, "log");
    expect(plan.program.statements.some((s) => s.op === "insertInto")).toBe(false);
    const r = await preview("sink", g, "log", { rows: 10 });
    expect(r.target).toBe("clean");
    expect(r.samples.clean!.rows.length).toBeGreaterThan(0);
    expect(Object.keys(r.samples).sort()).toEqual([...plan.sampled].sort());
    const job = (await h.services.monitor.flink()!.getJson(`/jobs/${r.jobId}`)) as { vertices: { name: string }[] };
    expect(job.vertices.length).toBeGreaterThan(0);
    expect(job.vertices.map((v) => v.name).join(" | ")).not.toMatch(/print/i);
  });

  it("ends an unbounded source: by its row cap, and by the time limit when the cap is out of reach", async () => {
    const g = graph([
      { id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 9 }], rowsPerSecond: 1 } },
      { id: "f", kind: "filter", config: { predicate: "id > 100" } },
      { id: "out", kind: "collect" },
    ], ["gen->f", "f->out"]);
    const byRows = await preview("unbounded", g, "f", { seconds: 90 }); // generous: on a loaded machine a cold runner is slow
    expect(byRows.status).toBe("FINISHED");
    expect(byRows.counts).toEqual({ gen: 1000, f: 0 });
    expect(byRows.hints).toEqual([{ nodeId: "f", message: "filter f dropped all 1000 rows it received" }]);
    expect(byRows.edgeCounts).toEqual({ e1: 1000 });
    const { previewId } = await h.services.previews.start({ key: "unbounded", graph: g, nodeId: "gen", sourceRows: 1e8, seconds: 6 });
    const last = (await events(previewId)).at(-1)!;
    if (last.type !== "result") throw new Error(JSON.stringify(last));
    expect(last.result.stoppedBy, JSON.stringify([last.result.counts, last.result.elapsedMs, last.result.error])).toBe("time-limit");
    expect(last.result.status).toBe("CANCELED");
    // whatever arrived before the limit is kept: the last 100 of them
    expect(last.result.samples.gen!.rows.length).toBe(Math.min(100, last.result.counts.gen!));
  });

  it("cancels a superseded preview and one whose watcher went away: no preview job is left running", async () => {
    const g = graph([
      { id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 9 }] } },
      { id: "out", kind: "collect" },
    ], ["gen->out"]);
    const long = { key: "tab-1", graph: g, nodeId: "gen", sourceRows: 1e8, seconds: 100 };
    const a = await h.services.previews.start(long);
    const running = (e: PreviewEvent) => e.type === "progress" && e.progress.status === "RUNNING";
    const aEnd = events(a.previewId); // stays connected, so leaving the next watch is not a disconnect
    const aJob = (await events(a.previewId, running)).find((e) => e.type === "progress")!;
    const b = await h.caller.preview.start({ key: "tab-1", graph: g, nodeId: "gen", rows: 5 });
    const aLast = (await aEnd).at(-1)!;
    expect(aLast.type === "result" && [aLast.result.stoppedBy, aLast.result.status]).toEqual(["superseded", "CANCELED"]);
    const bLast = (await events(b.previewId)).at(-1)!;
    expect(bLast.type === "result" && bLast.result.status).toBe("FINISHED");
    expect(aJob.type === "progress" && (await endedStatus(aJob.progress.jobId))).toBe("CANCELED");

    const c = await h.services.previews.start({ ...long, key: "tab-2" });
    const cJob = (await events(c.previewId, running)).find((e) => e.type === "progress")!; // breaking out = disconnect
    expect(cJob.type === "progress" && (await endedStatus(cJob.progress.jobId))).toBe("CANCELED");
    const jobs = await (await client()).jobs();
    expect(jobs.filter((j) => j.name?.startsWith("preview of") && !["FINISHED", "FAILED", "CANCELED"].includes(j.status))).toEqual([]);
  });

  it("the runner cancels a preview job on its own after streamcanvas.job.timeout-ms, keeping the rows so far", async () => {
    const g = graph([
      { id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 9 }] } },
      { id: "out", kind: "collect" },
    ], ["gen->out"]);
    const p = preparePreview(g, "gen", { sourceRows: 1e8, rows: 10 }).program;
    const { jobId } = await (await client()).submit({ ...p, config: { ...p.config, "streamcanvas.job.timeout-ms": "5000" } }, {});
    expect(await endedStatus(jobId)).toBe("CANCELED"); // nobody here cancels it
    expect((await (await client()).job(jobId))!.sinks!.gen!.rows).toHaveLength(10);
  });

  it("reports an invalid upstream node as data, naming node and field", async () => {
    const g = graph([
      { id: "gen", kind: "datagen" }, { id: "f", kind: "filter", config: { predicate: "nope > 1" } }, { id: "out", kind: "collect" },
    ], ["gen->f", "f->out"]);
    const { previewId } = await h.caller.preview.start({ key: "bad", graph: g, nodeId: "out" });
    const last = (await events(previewId)).at(-1)!;
    expect(last.type).toBe("invalid");
    expect(last.type === "invalid" && last.errors[0]).toMatchObject({ nodeId: "f", field: "predicate" });
  });

  it("CLI: preview prints the node's rows as JSON on the server's runner; test exits 1 with a diff", () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ["bin/streamcanvas.mjs", ...args], {
      encoding: "utf8", env: { ...process.env, STREAMCANVAS_DATA_DIR: h.dir }, timeout: 120_000,
    });
    const r = cli("preview", "examples/sensor-alerts.json", "--node", "log", "--rows", "5", "--json");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`pid ${h.services.supervisor.runnerPid()}`);
    const out = JSON.parse(r.stdout) as { target: string; status: string; rows: { rows: unknown[]; columns: { name: string }[] } };
    expect([out.target, out.status]).toEqual(["alert", "FINISHED"]);
    expect(out.rows.rows.length).toBeGreaterThan(0);
    expect(out.rows.rows.length).toBeLessThanOrEqual(5);
    expect(out.rows.columns.map((c) => c.name)).toContain("temperature_f");

    const broken = JSON.parse(fs.readFileSync("examples/ts-map-enrich.json", "utf8")) as PipelineGraph;
    (broken.nodes.find((n) => n.id === "enrich")!.config.tests as { expected: Record<string, unknown> }[])[1]!.expected.tier = "gold";
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sc-test-")), "broken.json");
    fs.writeFileSync(file, JSON.stringify(broken));
    const t = cli("test", file);
    expect(t.status).toBe(1);
    expect(t.stdout).toContain('tier: expected "gold", got "bronze"');
    expect(cli("test", "examples/ts-map-enrich.json").status).toBe(0);
  });
});
