// Run control on the stage's real standalone cluster through tRPC and one real runner: stop with a savepoint into a
// folder the cluster reaches (its own state.savepoints.dir, or one given for the stop), resume and redeploy there with
// the state kept (a sequence continues exactly, no reset).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { graph } from "@/pipeline/testing/graphs";
import { createPipeline, realRunnerHarness, watchUntil } from "@/server/api/testing/harness";
import { isTerminal } from "@/server/states";
import type { RunInfo } from "@/server/store/runs-repo";
import { testFlinkUrl } from "@/server/testing/flink-env";

const h = realRunnerHarness();
const given = fs.mkdtempSync(path.join(os.tmpdir(), "sc-cluster-savepoints-"));
afterAll(() => fs.rmSync(given, { recursive: true, force: true }));

const terminal = (r: RunInfo) => isTerminal(r.status);
const ns = (r: RunInfo) => r.sinks.out!.rows.map((x) => Number(x.values[0]));
const clusterJob = async (jobId: string) => (await (await fetch(`${testFlinkUrl()}/jobs/${jobId}`)).json()) as { state: string };

describe("run control on a remote cluster", () => {
  it("stop with savepoint → resume → redeploy on the cluster keeps the state: the sequence continues, no reset", async () => {
    await h.caller.targets.create({ name: "cluster", target: { url: testFlinkUrl() } });
    const source = { id: "seq", kind: "datagen", config: { columns: [{ name: "n", type: "BIGINT", kind: "sequence", start: 1, end: 5_000 }], rowsPerSecond: 40 } };
    const pipelineId = await createPipeline(h.caller,
      graph([source, { id: "out", kind: "collect", config: { maxRows: 5_000 } }], ["seq->out"], "cluster-savepoints", { checkpointIntervalMs: 1_000 }));
    const run = await h.caller.runs.start({ pipelineId, target: "cluster" });
    await watchUntil(h.caller, run.id, (r) => (r.sinks.out?.total ?? 0) >= 30 || terminal(r));
    expect((await clusterJob(run.jobId!)).state).toBe("RUNNING");

    // no folder given and none on the target: the cluster's own state.savepoints.dir (the harness sets one), never
    // this server's state folder, which the cluster's machines would not have
    const { run: stopped, savepointPath } = await h.caller.monitor.stopWithSavepoint({ runId: run.id });
    expect(stopped.status).toBe("FINISHED");
    expect(savepointPath).toMatch(/^file:\/.*sc-flink-cluster-[^/]+\/savepoints\/savepoint-/);
    expect(savepointPath).not.toContain(h.dir);
    const before = ns(stopped);
    expect(before).toEqual(before.map((_, i) => i + 1));
    const listed = await h.caller.monitor.savepoints({ pipelineId });
    expect(listed.find((s) => s.path === savepointPath)?.target).toBe("cluster");

    // resumed on the cluster that holds the savepoint, from where the sequence stopped
    const resumed = await h.caller.monitor.resume({ pipelineId, savepointPath });
    expect(resumed.target).toBe("cluster");
    const after = ns((await watchUntil(h.caller, resumed.id, (r) => (r.sinks.out?.total ?? 0) >= 20 || terminal(r))).at(-1)!);
    expect(after).toEqual(after.map((_, i) => before.at(-1)! + 1 + i));
    expect((await clusterJob(resumed.jobId!)).state).toBe("RUNNING");
    expect(await h.services.monitor.flink()!.jobIfKnown(resumed.jobId!)).toBeUndefined();

    // redeploy into a folder given for this stop: the savepoint lands there, the new job continues from it
    const { stopped: old, run: next, savepointPath: second } = await h.caller.monitor.redeploy({ runId: resumed.id, targetDirectory: `file://${given}` });
    expect(second.startsWith(`file:${given}/savepoint-`)).toBe(true);
    expect(fs.existsSync(path.join(new URL(second).pathname, "_metadata"))).toBe(true);
    expect(next.target).toBe("cluster");
    const last = ns(old).at(-1)!;
    expect(last).toBeGreaterThan(before.at(-1)!);
    const third = ns((await watchUntil(h.caller, next.id, (r) => (r.sinks.out?.total ?? 0) >= 20 || terminal(r))).at(-1)!);
    expect(third).toEqual(third.map((_, i) => last + 1 + i));
    await h.caller.runs.stop({ runId: next.id });
  });
});

describe("UDF logs from every TaskManager", () => {
  it("console.log lines of a TS map at parallelism 4 reach the run's logs from both TaskManagers, each labelled", async () => {
    const code = "export default function seen(row: Input): { n: bigint } {\n  console.log(`saw ${row.n}\\nsecond line`);\n  return { n: row.n ?? 0n };\n}\n";
    const pipelineId = await createPipeline(h.caller, graph([
      { id: "gen", kind: "datagen", config: { columns: [{ name: "n", type: "BIGINT", kind: "random", min: 1, max: 1_000_000 }], rowsPerSecond: 20 } },
      { id: "seen", kind: "ts-map", version: 2, config: { code } },
      { id: "out", kind: "blackhole", config: {} },
    ], ["gen->seen", "seen->out"], "cluster-logs", { parallelism: 4 }));
    const run = await h.caller.runs.start({ pipelineId, target: "cluster" });
    try {
      let logs = await h.caller.runs.logs({ runId: run.id });
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline && new Set(logs.lines.map((l) => l.taskManager)).size < 2) {
        await new Promise((r) => setTimeout(r, 1_000));
        logs = await h.caller.runs.logs({ runId: run.id });
      }
      expect(new Set(logs.lines.map((l) => l.taskManager))).toEqual(new Set(["sc-test-tm-1", "sc-test-tm-2"]));
      for (const l of logs.lines) {
        expect(l).toMatchObject({ udf: "seen", level: "info" });
        // one console.log with a line break is one entry, its text intact
        expect(l.line).toMatch(/^saw \d+\nsecond line$/);
      }
      // in time order, numbered in that order
      expect(logs.lines.map((l) => l.time)).toEqual(logs.lines.map((l) => l.time).sort((a, b) => a - b));
      expect(logs.lines.map((l) => l.seq)).toEqual(logs.lines.map((_, i) => logs.lines[0]!.seq + i));
    } finally {
      await h.caller.runs.stop({ runId: run.id });
    }
  });
});
