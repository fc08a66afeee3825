// Run settings on the real runner: a job checkpoints and restarts as its pipeline's settings say, and a resume from a
// savepoint (and a restart) runs with exactly the same checkpoint config and restart strategy, read back from Flink's REST.
import { describe, expect, it } from "vitest";
import { graph } from "@/pipeline/testing";
import type { RunInfo } from "@/server/store/runs-repo";
import { isTerminal } from "@/server/states";
import { createPipeline, realRunnerHarness, watchUntil } from "@/server/api/testing/harness";

const h = realRunnerHarness();

/** Flink's own word on a job: its checkpoint config and its execution config (restart strategy, parallelism). */
async function flinkConfig(jobId: string): Promise<{ checkpoints: Record<string, unknown>; execution: Record<string, unknown> }> {
  const flink = h.services.monitor.flink()!;
  const get = async (p: string) => (await flink.getJson(`/jobs/${jobId}${p}`)) as Record<string, unknown>;
  const [checkpoints, config] = await Promise.all([get("/checkpoints/config"), get("/config")]);
  return { checkpoints, execution: config["execution-config"] as Record<string, unknown> };
}

/** Waits (on monitor.job's snapshots) until the job has completed a checkpoint of its own. */
async function firstCheckpoint(jobId: string): Promise<number> {
  for await (const s of await h.caller.monitor.job({ jobId })) {
    if ((s.checkpoints?.completed ?? 0) > 0) return s.checkpoints!.completed;
  }
  return 0;
}

const settings = {
  parallelism: 2, checkpointIntervalMs: 1_500, checkpointMode: "at-least-once" as const,
  restartStrategy: { type: "fixed-delay" as const, attempts: 4, delayMs: 2_500 }, stateBackend: "rocksdb" as const,
  stateTtlMs: 3_600_000,
};
const running = (r: RunInfo) => r.status === "RUNNING" || isTerminal(r.status);

describe("run settings on the real runner", () => {
  it("a resumed and a restarted job checkpoint and restart exactly as the original did", async () => {
    const seq = { id: "seq", kind: "datagen", config: { columns: [{ name: "n", type: "BIGINT", kind: "sequence", start: 1, end: 100_000 }], rowsPerSecond: 40 } };
    const pipelineId = await createPipeline(h.caller,
      graph([seq, { id: "out", kind: "collect", config: { maxRows: 100 } }], ["seq->out"], "settings", settings));
    const run = await h.caller.runs.start({ pipelineId });
    await watchUntil(h.caller, run.id, running);
    expect(run.settings).toMatchObject(settings);
    const original = await flinkConfig(run.jobId!);
    expect(original.checkpoints).toMatchObject({ mode: "at_least_once", interval: 1_500, state_backend: "EmbeddedRocksDBStateBackend" });
    expect(original.execution).toMatchObject({ "restart-strategy": "Restart with fixed delay (PT2.5S). #4 restart attempts.", "job-parallelism": 2 });
    expect(await firstCheckpoint(run.jobId!)).toBeGreaterThan(0);

    const { savepointPath } = await h.caller.monitor.stopWithSavepoint({ runId: run.id });
    const resumed = await h.caller.monitor.resume({ pipelineId, savepointPath });
    await watchUntil(h.caller, resumed.id, running);
    expect(await flinkConfig(resumed.jobId!)).toEqual(original);
    expect(resumed.settings).toEqual(run.settings);
    expect(await firstCheckpoint(resumed.jobId!)).toBeGreaterThan(0);
    // the job page's context carries the settings the run used
    expect((await h.caller.monitor.jobContext({ jobId: resumed.jobId! })).run?.settings).toEqual(run.settings);

    const restarted = await h.caller.monitor.restart({ runId: resumed.id });
    await watchUntil(h.caller, restarted.id, running);
    expect(await flinkConfig(restarted.jobId!)).toEqual(original);
    await h.caller.runs.stop({ runId: restarted.id });
  });

  it("checkpointing on with no restart strategy chosen gets Flink's default, exponential-delay; off gets none", async () => {
    const gen = { id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 9 }], rowsPerSecond: 20 } };
    const make = (checkpointIntervalMs: number | null) => createPipeline(h.caller,
      graph([gen, { id: "out", kind: "blackhole", config: {} }], ["gen->out"], "defaults", { checkpointIntervalMs }));
    const on = await h.caller.runs.start({ pipelineId: await make(2_000) });
    const off = await h.caller.runs.start({ pipelineId: await make(null) });
    await watchUntil(h.caller, on.id, running);
    await watchUntil(h.caller, off.id, running);
    expect(String((await flinkConfig(on.jobId!)).execution["restart-strategy"])).toMatch(/exponential/i);
    expect((await flinkConfig(off.jobId!)).execution["restart-strategy"]).toBe("Restart deactivated.");
    await Promise.all([h.caller.runs.stop({ runId: on.id }), h.caller.runs.stop({ runId: off.id })]);
  });
});
