// Issue 2 figures: start command → ready page, and Run → RUNNING on a warm runner (through the server and, as the
// baseline measured in the same run, straight against the runner). Prints medians; not a test.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { benchToken, signedInTrpc } from "./access";
import { compile } from "@/pipeline/compile";
import { createRunnerClient } from "@/server/runner/client";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const url = `http://127.0.0.1:${PORT}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startServer(dataDir: string): Promise<{ child: ChildProcess; readyMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root, env: { ...process.env, PORT: String(PORT), STREAMCANVAS_DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => {
      if (b.toString().includes("StreamCanvas ready at")) resolve({ child, readyMs: performance.now() - t0 });
    });
    child.stderr!.resume();
    child.on("exit", (code) => reject(new Error(`start exited with ${code} before ready`)));
  });
}

async function stopServer(child: ChildProcess) {
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGINT");
  await gone;
}

async function untilRunning(poll: () => Promise<string>, t0: number): Promise<number> {
  for (;;) {
    const s = await poll();
    if (s === "RUNNING") return performance.now() - t0;
    if (["FAILED", "CANCELED", "FINISHED", "LOST"].includes(s)) throw new Error(`job ended ${s} before RUNNING`);
    await sleep(10);
  }
}

async function main() {
  const base = fs.mkdtempSync(path.join(root, "data", "bench-"));
  const ready: number[] = [];
  let server: ChildProcess | undefined;
  for (let i = 0; i < STARTS; i++) {
    const { child, readyMs } = await startServer(path.join(base, `start-${i}`));
    ready.push(readyMs);
    console.log(`start ${i + 1}/${STARTS}: ready page in ${(readyMs / 1000).toFixed(2)} s`);
    if (i < STARTS - 1) await stopServer(child);
    else server = child;
  }
  const trpc = signedInTrpc(url, benchToken(path.join(base, `start-${STARTS - 1}`)));
  const examples = await trpc.examples.list.query();
  const { id } = await trpc.pipelines.create.mutate({ example: examples[0]!.file });
  const p = await trpc.pipelines.get.query({ id });
  // unbounded: drop number-of-rows so the job stays RUNNING until stopped
  const graph = structuredClone(p.graph);
  for (const n of graph.nodes) if (n.kind === "datagen") delete n.config.numberOfRows;
  await trpc.pipelines.save.mutate({ id, graph, baseRevision: p.revision });

  const viaServer: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const run = await trpc.runs.start.mutate({ pipelineId: id });
    viaServer.push(await untilRunning(async () => (await trpc.runs.get.query({ runId: run.id })).status, t0));
    await trpc.runs.stop.mutate({ runId: run.id });
  }

  const rf = JSON.parse(fs.readFileSync(path.join(base, `start-${STARTS - 1}`, "runner.json"), "utf8"));
  const runner = createRunnerClient(`http://127.0.0.1:${rf.port}`, rf.secret);
  const compiled = compile(graph);
  if (!compiled.ok) throw new Error("example does not compile");
  const direct: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const { jobId } = await runner.submit(compiled.program, {});
    direct.push(await untilRunning(async () => (await runner.job(jobId))!.status, t0));
    await runner.cancel(jobId);
  }
  await stopServer(server!);

  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log("\nStreamCanvas skeleton figures");
  console.log(`  start command → ready page (runner up), median of ${STARTS}: ${(median(ready) / 1000).toFixed(2)} s  [${ready.map((r) => (r / 1000).toFixed(2)).join(", ")}]`);
  console.log(`  Run → RUNNING through the server (tRPC), warm runner, median of ${RUNS}: ${ms(median(viaServer))}  [${viaServer.map(ms).join(", ")}]`);
  console.log(`  baseline: POST /jobs → RUNNING straight to the runner, median of ${RUNS}: ${ms(median(direct))}`);
  console.log(`  ratio server path / runner baseline: ${(median(viaServer) / median(direct)).toFixed(2)}`);
  fs.rmSync(base, { recursive: true, force: true });
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
