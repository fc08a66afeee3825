// Issue 6 figure: pressing Preview → rows shown, in a real browser, for a 4-node pipeline (datagen → filter → select →
// collect) on a warm runner; baseline in the same run: the same preview IR submitted straight to the runner until its
// rows are in. Prints medians; not a test.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { benchToken, signIn, signedInTrpc } from "./access";
import type { PipelineGraph } from "@/pipeline/graph";
import { preparePreview } from "@/server/preview/run-preview";
import { createRunnerClient } from "@/server/runner/client";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3198);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const url = `http://127.0.0.1:${PORT}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (x: number) => `${x.toFixed(0)} ms`;

function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root, env: { ...process.env, PORT: String(PORT), STREAMCANVAS_DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => { if (b.toString().includes("StreamCanvas ready at")) resolve(child); });
    let tail = "";
    child.stderr!.on("data", (b: Buffer) => (tail = (tail + b.toString()).slice(-2000)));
    child.on("exit", (code) => reject(new Error(`start exited with ${code} before ready:\n${tail}`)));
  });
}

/** The sensor-alerts example without its print sink: datagen → filter → select → collect. */
function fourNodes(): PipelineGraph {
  const g = JSON.parse(fs.readFileSync(path.join(root, "examples", "sensor-alerts.json"), "utf8")) as PipelineGraph;
  g.nodes = g.nodes.filter((n) => n.kind !== "print");
  g.edges = g.edges.filter((e) => g.nodes.some((n) => n.id === e.to.node));
  return g;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(root, "data", "bench-preview-"));
  const server = await startServer(dataDir);
  try {
    await measure(dataDir);
  } finally {
    const gone = new Promise((r) => server.once("exit", r));
    server.kill("SIGINT");
    await gone;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(dataDir: string) {
  const graph = fourNodes();
  const sink = graph.nodes.at(-1)!.id;
  const trpc = signedInTrpc(url, benchToken(dataDir));
  const { id } = await trpc.pipelines.create.mutate({});
  await trpc.pipelines.save.mutate({ id, graph, baseRevision: 1 });

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await signIn(await browser.newPage({ viewport: { width: 1280, height: 800 } }), url, benchToken(dataDir));
  await page.goto(`${url}/pipelines/${id}`);
  await page.getByTestId("runner-pill").and(page.locator('[data-state="ready"]')).waitFor({ timeout: 180_000 });
  await page.getByTestId(`node-${sink}`).click({ position: { x: 40, y: 14 } });
  const inBrowser: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    // measured in the page: click → the panel is done and its rows table is in the DOM
    // a string, not a function: tsx would wrap a function's inner functions in a helper the page does not have
    const t = await page.evaluate<number>(`new Promise((resolve, reject) => {
      const panel = () => document.querySelector('[data-testid="preview-panel"]');
      const t0 = performance.now();
      document.querySelector('[data-testid="preview-button"]').click();
      let seenRunning = false;
      const check = () => {
        const p = panel();
        if (p && p.getAttribute("data-phase") === "running") seenRunning = true;
        if (seenRunning && p && p.getAttribute("data-phase") === "done" && p.querySelector('[data-testid="rows-table-row"]')) return resolve(performance.now() - t0);
        if (performance.now() - t0 > 60000) return reject(new Error("no rows after 60 s; panel: " + (p ? p.getAttribute("data-phase") + " " + p.textContent.slice(0, 300) : "not shown")));
        setTimeout(check, 2);
      };
      check();
    })`);
    if (i > 0) inBrowser.push(t); // the first preview warms the page's code paths
    await sleep(200);
  }
  await browser.close();

  const rf = JSON.parse(fs.readFileSync(path.join(dataDir, "runner.json"), "utf8")) as { port: number; secret: string };
  const runner = createRunnerClient(`http://127.0.0.1:${rf.port}`, rf.secret);
  const program = preparePreview(graph, sink).program;
  const direct: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const { jobId } = await runner.submit(program, {});
    for (;;) {
      const j = (await runner.job(jobId))!;
      if (j.status === "FINISHED") break;
      if (["FAILED", "CANCELED"].includes(j.status)) throw new Error(`direct preview job ${j.status}`);
      await sleep(10);
    }
    if (i > 0) direct.push(performance.now() - t0);
  }
  console.log(`\nStreamCanvas preview figures (4-node pipeline ${graph.nodes.map((n) => n.kind).join(" → ")}, warm runner, median of ${RUNS})`);
  console.log(`  press Preview → rows shown, in Chromium: ${ms(median(inBrowser))}  [${inBrowser.map(ms).join(", ")}]  (target ≤ 2000 ms)`);
  console.log(`  baseline: the same preview IR straight to the runner, POST /jobs → FINISHED (polled every 10 ms): ${ms(median(direct))}`);
  console.log(`  ratio browser / runner baseline: ${(median(inBrowser) / median(direct)).toFixed(2)}`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
