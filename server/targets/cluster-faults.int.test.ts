// Faults on the stage's real standalone cluster (tRPC → real runner → cluster, the stage's Kafka broker): a TaskManager
// SIGKILLed under a running pipeline with a TS UDF, checkpoints and an exactly-once Kafka sink. The job is RUNNING again
// on the remaining slots within 60 s, the job page shows the restart and its cause, the sink's committed output has no
// gap and no duplicate. The harness starts the killed TaskManager again, so later files find 2 TaskManagers. And a
// cluster whose REST address stops answering (a forwarding process killed, then started again): unreachable since when,
// never FAILED while the cluster runs the job, reconciled when it answers. And a third TaskManager without Node.js on its
// PATH: a TS UDF job placed on it fails at once naming its host.
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { graph } from "@/pipeline/testing/graphs";
import { createPipeline, realRunnerHarness, snapshotUntil, watchUntil } from "@/server/api/testing/harness";
import type { JobSnapshot } from "@/server/monitor/types";
import { isTerminal } from "@/server/states";
import type { RunInfo } from "@/server/store/runs-repo";
import { killTestTaskManager, startTestTaskManager, testFlinkUrl, testTaskManagerWithoutNode } from "@/server/testing/flink-env";
import { testKafka } from "@/server/testing/kafka-env";
import { createTopic } from "@/server/testing/kafka-tool";
import { freePort } from "@/server/testing/processes";
import { startTcpProxy } from "@/server/testing/tcp-proxy";

let victim = 0;
// whatever happens in the test, the killed TaskManager runs again and is registered before the next file. Registered
// before the harness, so it runs after the harness has closed its runner (afterAll hooks run in reverse order): a
// failed check here cannot leave that runner behind.
afterAll(async () => {
  if (victim) await startTestTaskManager(victim);
  expect(await awaitWholeCluster(120_000)).toMatchObject({ taskmanagers: 2, "slots-total": 4, "slots-available": 4 });
});
const h = realRunnerHarness();
const ROWS = 2_400;

const rest = async <T>(p: string) => (await (await fetch(`${testFlinkUrl()}${p}`)).json()) as T;
type Overview = { taskmanagers: number; "slots-total": number; "slots-available": number };

/** Until the cluster has `n` TaskManagers with every slot free (2: what every other cluster test expects). */
async function awaitWholeCluster(timeoutMs: number, n = 2): Promise<Overview> {
  const deadline = Date.now() + timeoutMs;
  let o = await rest<Overview>("/overview");
  while (Date.now() < deadline && !(o.taskmanagers === n && o["slots-total"] === 2 * n && o["slots-available"] === 2 * n)) {
    await new Promise((r) => setTimeout(r, 500));
    o = await rest<Overview>("/overview");
  }
  return o;
}

describe("a TaskManager SIGKILLed under a running pipeline", () => {
  it("restarts from the last checkpoint within 60 s; the exactly-once sink has every row once; the page shows the restart and cause", async () => {
    const k = testKafka();
    createTopic(k.bootstrap, "cluster-fault-out", 2);
    await h.caller.connections.create({ name: "stage-kafka", kind: "kafka", fields: { bootstrapServers: k.bootstrap } });
    await h.caller.targets.create({ name: "cluster", target: { url: testFlinkUrl() } });
    const code = "export default function tag(row: Input): { n: bigint; tag: string } {\n  return { n: row.n ?? 0n, tag: `n${row.n}` };\n}\n";
    const pipelineId = await createPipeline(h.caller, graph([
      { id: "seq", kind: "datagen", config: { columns: [{ name: "n", type: "BIGINT", kind: "sequence", start: 1, end: ROWS }], rowsPerSecond: 100 } },
      { id: "tag", kind: "ts-map", version: 2, config: { code } },
      { id: "out", kind: "kafka-sink", config: { connection: "stage-kafka", topic: "cluster-fault-out", valueFormat: "json", delivery: "exactly-once" } },
    ], ["seq->tag", "tag->out"], "cluster-fault", {
      parallelism: 2, checkpointIntervalMs: 1_000, restartStrategy: { type: "fixed-delay", attempts: 20, delayMs: 1_000 },
    }));
    const run = await h.caller.runs.start({ pipelineId, target: "cluster" });
    const statuses: string[] = [];
    const watching = watchUntil(h.caller, run.id, (r) => (statuses.push(r.status), isTerminal(r.status)));

    // running on both TaskManagers with checkpoints completed (some rows already committed) before the crash
    const before = await snapshotUntil(h, run.jobId!, (s) => (s.checkpoints?.completed ?? 0) >= 2 && s.job?.state === "RUNNING", 120_000);
    expect(before?.checkpoints?.completed, before?.message ?? "").toBeGreaterThanOrEqual(2);
    const vertices = (await rest<{ vertices: { id: string }[] }>(`/jobs/${run.jobId}`)).vertices;
    const placed = await Promise.all(vertices.map((v) => rest<{ subtasks: { "taskmanager-id": string }[] }>(`/jobs/${run.jobId}/vertices/${v.id}`)));
    const tms = new Set(placed.flatMap((p) => p.subtasks.map((s) => s["taskmanager-id"])));
    // the harness spreads slots (taskmanager.load-balance.mode SLOTS): a subtask on each; kill one that runs the job
    expect(tms.size, [...tms].join(", ")).toBeGreaterThanOrEqual(1);
    victim = tms.has("sc-test-tm-1") ? 1 : 2;
    await killTestTaskManager(victim);
    // RUNNING again within 60 s (the wait's bound), after a restart, on the slots the other TaskManager has left (the
    // killed one stays down meanwhile)
    const back = await snapshotUntil(h, run.jobId!, (s) => (s.restarts ?? 0) >= 1 && s.job?.state === "RUNNING"
      && s.vertices.length > 0 && s.vertices.every((v) => v.status === "RUNNING"), 60_000);
    expect(back?.job?.state).toBe("RUNNING");
    expect(back!.restarts).toBeGreaterThanOrEqual(1);
    // every subtask now runs on the TaskManager left (the killed one is not back yet)
    // (Flink's REST API caches a job's execution graph for a few seconds, so read until it shows the new attempts)
    const survivor = `sc-test-tm-${3 - victim}`;
    let placedNow = new Set<string>();
    for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 1_000))) {
      const again = await Promise.all(vertices.map((v) => rest<{ subtasks: { "taskmanager-id": string }[] }>(`/jobs/${run.jobId}/vertices/${v.id}`)));
      placedNow = new Set(again.flatMap((p) => p.subtasks.map((st) => st["taskmanager-id"])));
      if (placedNow.size === 1 && placedNow.has(survivor)) break;
    }
    expect(placedNow).toEqual(new Set([survivor]));
    // the job page's exceptions name the lost TaskManager as the cause of the restart
    const lost = new RegExp(`sc-test-tm-${victim}`);
    const cause = await snapshotUntil(h, run.jobId!, (s) => [s.exceptions.rootCause, ...s.exceptions.history]
      .some((e) => e && lost.test(`${e.rootCause}\n${e.stack}`)), 30_000);
    const named = [cause!.exceptions.rootCause, ...cause!.exceptions.history].find((e) => e && lost.test(`${e.rootCause}\n${e.stack}`));
    expect(named, JSON.stringify(cause?.exceptions)).toBeDefined();

    // the killed TaskManager back through the harness; the job runs to its end
    await startTestTaskManager(victim);
    const done = (await watching).at(-1)!;
    expect(done.status, JSON.stringify(done.error)).toBe("FINISHED");
    // never shown failed while the cluster restarted it
    expect(statuses).not.toContain("FAILED");

    // read_committed (the runner's sampler): every n exactly once
    const client = await h.services.supervisor.whenReady(10_000);
    const s = await client.kafkaSample({ properties: { "bootstrap.servers": k.bootstrap }, topics: ["cluster-fault-out"], maxPerPartition: ROWS, max: 10_000 });
    const ns = s.messages.map((m) => Number((JSON.parse(m.value && "text" in m.value ? m.value.text : "{}") as { n: number }).n)).sort((a, b) => a - b);
    const missing = ROWS - new Set(ns).size;
    const duplicates = ns.length - new Set(ns).size;
    expect({ missing, duplicates, rows: ns.length }).toEqual({ missing: 0, duplicates: 0, rows: ROWS });
    expect(ns).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
  });
});

describe("the cluster's REST address stops answering, then answers again", () => {
  it("the job page says unreachable since when, the run stays RUNNING while the cluster runs it, and both reconcile", async () => {
    const real = new URL(testFlinkUrl());
    const port = await freePort();
    let proxy = await startTcpProxy(port, real.hostname, Number(real.port));
    let jobId = "";
    try {
      // the runner (job client) and the monitor both reach the cluster through this address only
      await h.caller.targets.create({ name: "flaky", target: { url: `http://127.0.0.1:${port}` } });
      const pipelineId = await createPipeline(h.caller, graph([
        { id: "gen", kind: "datagen", config: { columns: [{ name: "n", type: "BIGINT", kind: "random", min: 1, max: 100 }], rowsPerSecond: 20 } },
        { id: "out", kind: "blackhole", config: {} },
      ], ["gen->out"], "cluster-unreachable"));
      const run = await h.caller.runs.start({ pipelineId, target: "flaky" });
      jobId = run.jobId!;
      // one viewer for the whole outage, as a job page left open
      const page = h.services.monitor.watchJob(jobId, AbortSignal.timeout(240_000));
      const until = async (done: (s: JobSnapshot) => boolean, timeoutMs: number) => {
        const deadline = Date.now() + timeoutMs;
        let s: JobSnapshot | undefined;
        for (let r = await page.next(); !r.done; r = await page.next()) if (done((s = r.value)) || Date.now() > deadline) break;
        return s;
      };
      const up = await until((s) => s.reachable && s.job?.state === "RUNNING", 60_000);
      expect(up?.job?.state).toBe("RUNNING");

      await proxy.kill();
      const down = await until((s) => !s.reachable, 30_000);
      expect(down?.reachable).toBe(false);
      const since = down!.unreachableSince!;
      expect(since).toBeGreaterThanOrEqual(up!.at);
      expect(down!.message).toMatch(/unreachable/);
      // several polls later: still unreachable since that same moment, the last figures kept, the run not FAILED, and
      // the cluster (asked on its real address) still runs the job
      let polls = 0;
      const later = await until((s) => !s.reachable && ++polls >= 5, 30_000);
      expect(later?.unreachableSince).toBe(since);
      expect(later?.job?.state).toBe("RUNNING");
      // a second page opened now says since when too
      expect((await snapshotUntil(h, jobId, () => true, 10_000))?.unreachableSince).toBe(since);
      expect((await h.caller.runs.get({ runId: run.id })).status).toBe("RUNNING");
      expect((await rest<{ state: string }>(`/jobs/${jobId}`)).state).toBe("RUNNING");

      proxy = await startTcpProxy(port, real.hostname, Number(real.port));
      const back = await until((s) => s.reachable && s.job?.state === "RUNNING", 60_000);
      await page.return(undefined);
      expect(back?.reachable).toBe(true);
      expect(back?.unreachableSince).toBeNull();
      expect((await h.caller.runs.get({ runId: run.id })).status).toBe("RUNNING");
      // and it is controlled through that address again
      await h.caller.runs.stop({ runId: run.id });
      const end = (await watchUntil(h.caller, run.id, (r) => isTerminal(r.status))).at(-1)!;
      expect(end.status).toBe("CANCELED");
    } finally {
      await proxy.kill();
      // a failed check must not leave the job holding a slot of the shared cluster
      if (jobId && (await rest<{ state: string }>(`/jobs/${jobId}`)).state === "RUNNING") await fetch(`${testFlinkUrl()}/jobs/${jobId}`, { method: "PATCH" });
    }
  });
});

describe("a TaskManager without Node.js", () => {
  it("fails a TS UDF job at once, the error naming the TaskManager's host and what to install", async () => {
    // a TaskManager an earlier failed check left down is started again first (no-op when it runs)
    if (victim) await startTestTaskManager(victim);
    await testTaskManagerWithoutNode(true);
    try {
      expect(await awaitWholeCluster(120_000, 3)).toMatchObject({ taskmanagers: 3, "slots-available": 6 });
      await h.caller.targets.create({ name: "three", target: { url: testFlinkUrl() } });
      const code = "export default function twice(row: Input): { m: bigint } {\n  return { m: (row.n ?? 0n) * 2n };\n}\n";
      // parallelism 6 takes every slot, the node-less TaskManager's too; no checkpoints, so no restarts
      const pipelineId = await createPipeline(h.caller, graph([
        { id: "gen", kind: "datagen", config: { columns: [{ name: "n", type: "BIGINT", kind: "random", min: 1, max: 100 }], rowsPerSecond: 60 } },
        { id: "twice", kind: "ts-map", version: 2, config: { code } },
        { id: "out", kind: "blackhole", config: {} },
      ], ["gen->twice", "twice->out"], "no-node", { parallelism: 6 }));
      const run = await h.caller.runs.start({ pipelineId, target: "three" });
      const done = (await watchUntil(h.caller, run.id, (r) => isTerminal(r.status))).at(-1)!;
      expect(done.status).toBe("FAILED");
      const text = `${done.error?.message}\n${done.error?.rootCause}`;
      expect(text).toContain(`TypeScript UDFs need Node.js 20 or newer on the TaskManager at ${os.hostname()}`);
      expect(text).toContain("install Node.js ≥ 20 there");
    } finally {
      await testTaskManagerWithoutNode(false);
      expect(await awaitWholeCluster(120_000)).toMatchObject({ taskmanagers: 2, "slots-available": 4 });
    }
  });
});
