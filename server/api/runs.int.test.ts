// Through the tRPC router to the real jvm-runner and back: bounded run, stop, invalid graph, runner crash.
// Needs `mvn -B -q -f jvm-runner/pom.xml package -DskipTests` (npm test does it before this stage).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { graph } from "@/pipeline/testing/graphs";
import { RunSettingsSchema } from "@/pipeline/run-settings";
import { latestCheckpoint } from "@/server/runner/checkpoints";
import { isTerminal } from "@/server/states";
import { type RunInfo } from "@/server/store/runs-repo";
import { createCaller } from "./root";
import { createServices } from "@/server/services";
import { createPipeline, realRunnerHarness, watchUntil } from "./testing/harness";

const h = realRunnerHarness();

const source = (bounded: boolean) => ({
  id: "gen", kind: "datagen",
  config: {
    columns: bounded
      ? [{ name: "id", type: "BIGINT", kind: "sequence", start: 1, end: 40 }, { name: "name", type: "STRING", kind: "random", length: 4 }]
      : [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 1000 }, { name: "name", type: "STRING", kind: "random", length: 4 }],
    rowsPerSecond: bounded ? 1000 : 20,
  },
});
const filter = { id: "f1", kind: "filter", config: { predicate: "id % 4 = 0" } };
const collect = { id: "out", kind: "collect", config: { maxRows: 100 } };

const create = (g: ReturnType<typeof graph>) => createPipeline(h.caller, g);
const watch = (runId: string, done: (r: RunInfo) => boolean) => watchUntil(h.caller, runId, done);
const terminal = (r: RunInfo) => isTerminal(r.status);

describe("runs on the real runner", () => {
  it("runs datagen → filter → collect to FINISHED with exactly the filtered rows", async () => {
    const pipelineId = await create(graph([source(true), filter, collect], ["gen->f1", "f1->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    expect(run.jobId).toMatch(/^[0-9a-f]{32}$/);
    const last = (await watch(run.id, terminal)).at(-1)!;
    expect(last.error).toBeNull();
    expect(last.status).toBe("FINISHED");
    const sink = last.sinks.out!;
    expect(sink.total).toBe(10);
    const ids = sink.rows.map((r) => Number(r.values[0])).sort((a, b) => a - b);
    expect(ids).toEqual([4, 8, 12, 16, 20, 24, 28, 32, 36, 40]);
  });

  it("runs an unbounded pipeline until stopped: RUNNING, then CANCELED", async () => {
    const pipelineId = await create(graph([source(false), collect], ["gen->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    const running = (await watch(run.id, (r) => r.status === "RUNNING" || terminal(r))).at(-1)!;
    expect(running.status).toBe("RUNNING");
    await h.caller.runs.stop({ runId: run.id });
    expect((await watch(run.id, terminal)).at(-1)!.status).toBe("CANCELED");
  });

  it("reports a job that fails at run time as FAILED with Flink's root cause", async () => {
    const cast = { id: "sel", kind: "select", config: { columns: [{ name: "n", expr: "CAST(name AS INT)" }] } };
    const pipelineId = await create(graph([source(true), cast, collect], ["gen->sel", "sel->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    const last = (await watch(run.id, terminal)).at(-1)!;
    expect(last.status).toBe("FAILED");
    expect(last.error?.rootCause).toMatch(/NumberFormatException/);
    expect(last.error?.rootCause).not.toMatch(/\tat /);
  });

  it("refuses an invalid graph with BAD_REQUEST naming the node, before reaching the runner", async () => {
    const bad = graph([source(true), { id: "f1", kind: "filter", config: { predicate: "missing_col > 1" } }, collect], ["gen->f1", "f1->out"]);
    const pipelineId = await create(bad);
    const e = (await h.caller.runs.start({ pipelineId }).catch((x: unknown) => x)) as TRPCError & { cause: { graphErrors: unknown[] } };
    expect(e).toBeInstanceOf(TRPCError);
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.cause.graphErrors).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: "f1", field: "predicate" })]));
  });

  it("after a server restart, re-adopts the live runner and keeps watching its active run", async () => {
    const pipelineId = await create(graph([source(false), collect], ["gen->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    // a second server process on the same data dir (the first one "crashed" without stopping its runner)
    const second = createServices({ dataDir: h.dir, examplesDir: path.join(h.dir, "none"), log: () => {} });
    try {
      await second.supervisor.start();
      expect(second.supervisor.getStatus().message).toBe("runner adopted");
      expect(second.supervisor.runnerPid()).toBe(h.services.supervisor.runnerPid());
      const caller = createCaller({ services: second });
      expect((await caller.runs.get({ runId: run.id })).status).toBe("RUNNING");
      await caller.runs.stop({ runId: run.id });
      for await (const r of await caller.runs.watch({ runId: run.id })) if (terminal(r)) break;
      expect((await caller.runs.get({ runId: run.id })).status).toBe("CANCELED");
    } finally {
      second.tracker.dispose();
      await second.supervisor.stop(); // adopted, not ours: leaves the runner running
      second.store.close();
    }
    expect((await h.caller.runner.status()).state).toBe("ready");
  });

  it("resumes a checkpointed run from its latest checkpoint after kill -9 of the runner: no row missing, none doubled", async () => {
    const seq = { id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "sequence", start: 1, end: 600 }], rowsPerSecond: 30 } };
    const folder = `resume-${Date.now()}`;
    const sink = { id: "files", kind: "filesystem-sink", config: { path: folder, format: "csv" } };
    const g = { ...graph([seq, sink], ["gen->files"]), settings: RunSettingsSchema.parse({ checkpointIntervalMs: 500 }) };
    const pipelineId = await create(g);
    const run = await h.caller.runs.start({ pipelineId });
    await watch(run.id, (r) => r.status === "RUNNING" || terminal(r));
    const checkpoints = path.join(h.dir, "flink-state", "checkpoints");
    while (!latestCheckpoint(checkpoints, run.jobId!)) await new Promise((r) => setTimeout(r, 200));
    const pid = h.services.supervisor.runnerPid()!;
    process.kill(pid, "SIGKILL");
    const seen = await watch(run.id, terminal);
    const last = seen.at(-1)!;
    expect(seen.map((r) => r.status)).toContain("RESTARTING");
    expect(last.status, JSON.stringify(last.error)).toBe("FINISHED");
    expect(last.resumes).toEqual([{ at: expect.any(Number), fromJobId: run.jobId, checkpoint: expect.stringMatching(/\/chk-\d+$/) }]);
    expect(last.jobId).not.toBe(run.jobId);
    expect((await h.caller.runner.status()).lostRuns).toEqual([]);
    const dir = path.join(h.services.dataRoot, folder);
    const ids = fs.readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && !f.name.startsWith("."))
      .flatMap((f) => fs.readFileSync(path.join(f.parentPath, f.name), "utf8").split("\n").filter(Boolean).map(Number));
    expect(ids.length).toBe(600);
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
  });

  it("survives kill -9 of the runner: restarts it, marks the active run LOST and reports it", async () => {
    const pipelineId = await create(graph([source(false), collect], ["gen->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    const pid = h.services.supervisor.runnerPid()!;
    process.kill(pid, "SIGKILL");
    const lost = (await watch(run.id, terminal)).at(-1)!;
    expect(lost.status).toBe("LOST");
    expect(lost.error?.message).toMatch(/^runner restarted; job lost \(it had no completed checkpoint to resume from/);
    await h.services.supervisor.whenReady(180_000);
    const st = await h.caller.runner.status();
    expect(st.state).toBe("ready");
    expect(h.services.supervisor.runnerPid()).not.toBe(pid);
    expect(st.lostRuns).toEqual([{ runId: run.id, pipelineId, jobId: run.jobId }]);
    // the new runner takes work again
    const again = await h.caller.runs.start({ pipelineId: await create(graph([source(true), collect], ["gen->out"])) });
    expect((await watch(again.id, terminal)).at(-1)!.status).toBe("FINISHED");
  });
});
