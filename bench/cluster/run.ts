// npm run bench:cluster [rows] [rounds] — one TS-UDF pipeline (datagen → TS map → blackhole, a fixed row count) run by
// the runner on standalone Flink clusters of separate processes: (a) 1 TaskManager × 2 slots at parallelism 2, (b) 2
// TaskManagers × 2 slots at parallelism 4; rows/s of each and b ÷ a; then submit → RUNNING on the remote cluster ÷ on
// the embedded one. Prints figures; not a test. The clusters are the test harness's (server/testing/flink-cluster.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PipelineGraph } from "@/pipeline/graph";
import { defaultRunSettings } from "@/pipeline/run-settings";
import { createRunnerClient, type RunnerClient } from "@/server/runner/client";
import { withRunOptions } from "@/server/runner/run-tracker";
import { javaRunnerCommand, spawnRunner } from "@/server/runner/spawn";
import { prepareRun } from "@/server/pipeline-ops";
import { startFlinkCluster, type TestFlinkCluster } from "@/server/testing/flink-cluster";
import type { RunnerTarget } from "@/server/targets/runner-target";

const root = path.resolve(import.meta.dirname, "..", "..");
const ROWS = Number(process.argv[2] ?? 4_000_000);
const ROUNDS = Number(process.argv[3] ?? 2);
const SUBMITS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
/** the machine's busy share of CPU during the last measured run */
let busyShare = 0;

/** datagen (id, s: 90 random chars) at an unthrottled rate → TS map lower(s) → blackhole, at `parallelism`. */
function graph(parallelism: number, rows: number | undefined): PipelineGraph {
  const code = "export default function lower(row: Input): { s: string } {\n  return { s: (row.s ?? \"\").toLowerCase() };\n}\n";
  return {
    schemaVersion: 2, name: "bench-cluster",
    nodes: [
      { id: "gen", kind: "datagen", version: 1, position: { x: 0, y: 0 }, config: {
        columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 1_000_000 }, { name: "s", type: "STRING", kind: "random", length: 90 }],
        // Flink splits the rate over the source's subtasks: far above what any of them reaches, so the UDF is the limit
        rowsPerSecond: 1_000_000_000, ...(rows ? { numberOfRows: rows } : {}) } },
      { id: "lower", kind: "ts-map", version: 2, position: { x: 300, y: 0 }, config: { code, tests: [] } },
      { id: "sink", kind: "blackhole", version: 1, position: { x: 600, y: 0 }, config: {} },
    ],
    edges: [
      { id: "e1", from: { node: "gen", port: "out" }, to: { node: "lower", port: "in" } },
      { id: "e2", from: { node: "lower", port: "out" }, to: { node: "sink", port: "in" } },
    ],
    settings: { ...defaultRunSettings(), parallelism },
  };
}

function program(parallelism: number, rows?: number) {
  const g = graph(parallelism, rows);
  const r = prepareRun(g);
  if ("errors" in r) throw new Error(`the bench pipeline does not compile: ${JSON.stringify(r.errors)}`);
  return withRunOptions(r.program, g.settings, {});
}

async function awaitEnd(client: RunnerClient, jobId: string, timeoutMs = 900_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const j = await client.job(jobId);
    if (j && ["FINISHED", "FAILED", "CANCELED"].includes(j.status)) return j.status;
    await sleep(200);
  }
  throw new Error(`job ${jobId} did not end within ${timeoutMs / 1000} s`);
}

/** Busy and total CPU ticks of the whole machine (/proc/stat), to tell a CPU-capped run from one that had cores to spare. */
function cpuTicks(): { busy: number; total: number } {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3]! + (f[4] ?? 0);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** rows/s of one bounded run: the row count over the span from the first vertex's start to the last one's end (Flink's REST). */
async function throughput(client: RunnerClient, cluster: TestFlinkCluster, parallelism: number, rows: number): Promise<number> {
  const target: RunnerTarget = { name: "bench", url: cluster.url };
  const { jobId } = await client.submit(program(parallelism, rows), {}, target);
  const before = cpuTicks();
  const status = await awaitEnd(client, jobId);
  const after = cpuTicks();
  busyShare = (after.busy - before.busy) / Math.max(1, after.total - before.total);
  if (status !== "FINISHED") throw new Error(`job ${jobId} ended ${status}`);
  const job = (await (await fetch(`${cluster.url}/jobs/${jobId}`)).json()) as { vertices: { "start-time": number; "end-time": number; parallelism: number }[] };
  const start = Math.min(...job.vertices.map((v) => v["start-time"]));
  const end = Math.max(...job.vertices.map((v) => v["end-time"]));
  const par = Math.max(...job.vertices.map((v) => v.parallelism));
  if (par !== parallelism) throw new Error(`the job ran at parallelism ${par}, not ${parallelism}`);
  return rows / ((end - start) / 1000);
}

/** Submit → the runner reports RUNNING, for an unbounded job; then it is cancelled. */
async function submitToRunning(client: RunnerClient, target?: RunnerTarget): Promise<number> {
  const p = program(1);
  const t0 = performance.now();
  const { jobId } = await client.submit(p, {}, target);
  for (;;) {
    const j = await client.job(jobId);
    if (j?.status === "RUNNING") break;
    if (j && ["FAILED", "CANCELED", "FINISHED"].includes(j.status)) throw new Error(`job ${jobId} ended ${j.status} before RUNNING`);
    await sleep(5);
  }
  const ms = performance.now() - t0;
  await client.cancel(jobId);
  await awaitEnd(client, jobId, 60_000);
  return ms;
}

async function measureCluster(client: RunnerClient, taskManagers: number, parallelism: number): Promise<{ rowsPerS: number; cluster: TestFlinkCluster }> {
  const cluster = await startFlinkCluster(root, (l) => console.log(l), { taskManagers });
  await throughput(client, cluster, parallelism, Math.min(ROWS, 200_000)); // warm: Node workers' first start, JIT
  const runs: number[] = [];
  const busy: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    runs.push(await throughput(client, cluster, parallelism, ROWS));
    busy.push(busyShare);
  }
  console.log(`  ${taskManagers} TaskManager(s) × 2 slots, parallelism ${parallelism}: ${runs.map(fmt).join(", ")} rows/s;` +
    ` machine CPU busy during each: ${busy.map((b) => `${Math.round(b * 100)}%`).join(", ")} of ${os.cpus().length} cores`);
  return { rowsPerS: Math.max(...runs), cluster };
}

async function main() {
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`bench:cluster — datagen (id, s: 90 chars) → TS map lower(s) → blackhole, ${fmt(ROWS)} rows, best of ${ROUNDS}`);
  console.log(`machine: ${os.cpus().length} CPU cores, load average before: ${load()}`);
  program(1, ROWS); // a pipeline that does not compile fails here, before any cluster starts
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-bench-cluster-"));
  const runner = await spawnRunner(javaRunnerCommand("java", root, undefined, stateDir), () => {});
  const client = createRunnerClient(runner.url, runner.secret, 60_000);
  const clusters: TestFlinkCluster[] = [];
  try {
    const a = await measureCluster(client, 1, 2);
    await a.cluster.stop();
    const b = await measureCluster(client, 2, 4);
    clusters.push(b.cluster);
    const target: RunnerTarget = { name: "bench", url: b.cluster.url };
    await submitToRunning(client, target);
    await submitToRunning(client); // warm both paths once
    const remote: number[] = [];
    const embedded: number[] = [];
    for (let i = 0; i < SUBMITS; i++) {
      remote.push(await submitToRunning(client, target));
      embedded.push(await submitToRunning(client));
    }
    console.log(`(a) 1 TM × 2 slots, parallelism 2: ${fmt(a.rowsPerS)} rows/s`);
    console.log(`(b) 2 TMs × 2 slots, parallelism 4: ${fmt(b.rowsPerS)} rows/s`);
    console.log(`scaling b ÷ a: ${(b.rowsPerS / a.rowsPerS).toFixed(2)} (goal ≥ 1.7 where cores allow: (b) runs 4 UDF subtasks, each with its own Node worker, plus 4 source and sink threads; this machine has ${os.cpus().length} cores)`);
    console.log(`submit → RUNNING, median of ${SUBMITS}: remote ${median(remote).toFixed(0)} ms (${remote.map((x) => x.toFixed(0)).join(", ")}), embedded ${median(embedded).toFixed(0)} ms (${embedded.map((x) => x.toFixed(0)).join(", ")}); remote ÷ embedded ${(median(remote) / median(embedded)).toFixed(2)} (goal ≤ 1.2)`);
    console.log(`load average after: ${load()} (other processes on the machine share these cores)`);
  } finally {
    for (const c of clusters) await c.stop();
    runner.child.kill("SIGTERM");
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
