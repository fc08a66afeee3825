// bench:monitor — figures, not a test. (1) delay between a counter changing in Flink's REST API and the same value
// reaching a monitor.job subscriber; (2) server CPU while 20 running jobs are each watched by 5 subscribers, against
// the same server idle (baseline) in the same run. Run: npm run bench:monitor  (needs the runner built).
import { setMaxListeners } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCaller } from "@/server/api/root";
import { graph } from "@/pipeline/testing/graphs";
import { createServices } from "@/server/services";
import { javaRunnerCommand } from "@/server/runner/spawn";
import { createFlinkClient } from "@/server/monitor/flink-client";

const JOBS = Number(process.env.BENCH_JOBS ?? 20);
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-bench-monitor-"));
const services = createServices({
  dataDir: dir, examplesDir: path.join(dir, "none"), log: () => {},
  command: () => {
    const c = javaRunnerCommand(process.env.JAVA ?? "java");
    return { ...c, args: [...c.args, "--no-warmup", "--slots", String(JOBS + 4)] };
  },
});
const caller = createCaller({ services });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

async function startJob(i: number): Promise<string> {
  const g = graph([
    { id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 9 }], rowsPerSecond: 100 } },
    { id: "f", kind: "filter", config: { predicate: "id > 2" } },
    { id: "out", kind: "blackhole", config: {} },
  ], ["gen->f", "f->out"], `bench-${i}`);
  const { id } = await caller.pipelines.create({});
  await caller.pipelines.save({ id, graph: g, baseRevision: 1 });
  const run = await caller.runs.start({ pipelineId: id });
  return run.jobId!;
}

/** Delay from Flink's REST API showing a new counter value to a subscriber receiving it. */
async function delay(jobId: string): Promise<number[]> {
  const flink = createFlinkClient(services.supervisor.flinkTarget()!);
  const seenInFlink = new Map<number, number>();
  const delays: number[] = [];
  const ac = new AbortController();
  const stop = Date.now() + SECONDS * 1000;
  const vertex = (await flink.job(jobId)).vertices[0]!.id;
  const poll = (async () => {
    while (Date.now() < stop) {
      const m = await flink.vertexMetrics(jobId, vertex, ["numRecordsOut"], ["sum"]).catch(() => []);
      const v = m[0]?.sum;
      if (v !== undefined && !seenInFlink.has(v)) seenInFlink.set(v, Date.now());
      await sleep(20);
    }
    ac.abort();
  })();
  for await (const s of services.monitor.watchJob(jobId, ac.signal)) {
    const v = s.vertices.find((x) => x.id === vertex)?.recordsOut;
    const t = v === null || v === undefined ? undefined : seenInFlink.get(v);
    if (t !== undefined) delays.push(Date.now() - t);
    if (ac.signal.aborted) break;
  }
  await poll;
  return delays;
}

function cpuPercent(ms: number): Promise<number> {
  const u0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  return sleep(ms).then(() => {
    const u = process.cpuUsage(u0);
    const wall = Number(process.hrtime.bigint() - t0) / 1e3;
    return ((u.user + u.system) / wall) * 100;
  });
}

async function main() {
  await services.supervisor.start();
  await services.supervisor.whenReady(180_000);
  console.log(`starting ${JOBS} unbounded jobs…`);
  const jobs: string[] = [];
  for (let i = 0; i < JOBS; i++) jobs.push(await startJob(i));
  await sleep(5_000);

  const d = await delay(jobs[0]!);
  console.log(`delay Flink REST → subscriber: n=${d.length} median=${pct(d, 0.5)} ms p95=${pct(d, 0.95)} ms max=${Math.max(...d)} ms` +
    " (poll interval 1000 ms; Flink's REST metrics refresh every 1000 ms on the embedded cluster)");

  // baseline: the same server with the same running jobs (their runs polled by the tracker), nobody watching
  const idle = await cpuPercent(SECONDS * 1000);
  const ac = new AbortController();
  setMaxListeners(0, ac.signal); // one signal ends all 100 subscriptions
  let received = 0;
  const viewers = jobs.flatMap((jobId) => Array.from({ length: VIEWERS }, async () => {
    for await (const _ of services.monitor.watchJob(jobId, ac.signal)) received++;
  }));
  await sleep(3_000);
  const busy = await cpuPercent(SECONDS * 1000);
  console.log(`pollers running: ${services.monitor.jobs.active().length} for ${JOBS * VIEWERS} subscribers`);
  ac.abort();
  await Promise.allSettled(viewers);
  console.log(`server CPU (one core = 100%): ${JOBS} jobs unwatched ${idle.toFixed(1)}% → ${JOBS} jobs × ${VIEWERS} viewers ${busy.toFixed(1)}%` +
    ` (${received} snapshots delivered); pollers after the viewers left: ${services.monitor.jobs.active().length}`);
  for (const r of services.store.runs.active()) await caller.runs.stop({ runId: r.id }).catch(() => {});
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    services.monitor.dispose();
    services.tracker.dispose();
    await services.supervisor.stop();
    services.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
