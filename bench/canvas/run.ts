// `npm run bench:canvas`: frame rate of the editor canvas on a generated 1,000-node / 1,200-edge pipeline while dragging
// a node and while panning (headless Chromium, requestAnimationFrame timestamps), against a 10-node pipeline measured
// in the same run as the baseline; and the editor page's first-load JavaScript, gzipped. Prints figures; not a test.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { benchToken, signIn, signedInTrpc } from "../access";
import { generatePipeline } from "./generate";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.BENCH_PORT ?? 3238);
const external = process.env.BENCH_BASE_URL;
const base = external ?? `http://127.0.0.1:${PORT}`;
const MOVES = Number(process.env.BENCH_MOVES ?? 120);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root, env: { ...process.env, PORT: String(PORT), STREAMCANVAS_DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => b.toString().includes("StreamCanvas ready at") && resolve(child));
    child.stderr!.resume();
    child.on("exit", (code) => reject(new Error(`start exited with ${code} before ready`)));
  });
}

type Fps = { fps: number; frames: number; worstMs: number };
const show = (f: Fps) => `${f.fps.toFixed(1)} fps (${f.frames} frames, longest ${f.worstMs.toFixed(0)} ms)`;

/** Frames per second from rAF timestamps recorded while `action` runs: 1000 / median frame interval. */
async function fps(page: Page, action: () => Promise<void>): Promise<Fps> {
  // Scripts go in as strings: tsx's compiled functions reference a helper (__name) the page does not have.
  await page.evaluate(`(() => {
    // A generation number, so the loop of a previous measurement stops even if its last frame is still queued.
    const gen = (window.__gen = (window.__gen ?? 0) + 1);
    window.__t = [];
    const tick = (t) => { if (window.__gen !== gen) return; window.__t.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await action();
  const t = (await page.evaluate("(() => { window.__gen++; return window.__t; })()")) as number[];
  const gaps = t.slice(1).map((x, i) => x - t[i]!);
  return { fps: 1000 / median(gaps), frames: t.length, worstMs: Math.max(...gaps) };
}

async function drag(page: Page, from: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(from.x + (i % 60) * 3, from.y + Math.floor(i / 60) * 20);
  await page.mouse.up();
}

/** A point on the empty pane (not on a node, edge or panel) of the canvas. */
async function emptyPanePoint(page: Page) {
  const p = (await page.evaluate(`(() => {
    const r = document.querySelector("[data-testid=canvas]").getBoundingClientRect();
    for (let y = r.bottom - 130; y > r.top + 60; y -= 7) {
      for (let x = r.left + 60; x < r.right - 180; x += 7) {
        if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane")) return { x, y };
      }
    }
    return null;
  })()`)) as { x: number; y: number } | null;
  if (!p) throw new Error("no empty spot on the canvas to pan from");
  return p;
}

async function measure(page: Page, id: string, nodes: number) {
  const scripts = new Map<string, number>();
  page.on("response", async (r) => {
    if (r.request().resourceType() !== "script" || scripts.has(r.url())) return;
    const body = await r.body().catch(() => null);
    if (body) scripts.set(r.url(), zlib.gzipSync(body).length);
  });
  await page.goto(`${base}/pipelines/${id}`);
  await page.locator(".react-flow__node").first().waitFor();
  await page.waitForLoadState("networkidle");
  const firstLoadKb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
  const rendered = await page.locator(".react-flow__node").count();
  const idle = await fps(page, () => page.waitForTimeout(1500));
  const node = (await page.locator(".react-flow__node").first().boundingBox())!;
  const dragging = await fps(page, () => drag(page, { x: node.x + node.width / 2, y: node.y + 6 }));
  const panning = await fps(page, async () => drag(page, await emptyPanePoint(page)));
  console.log(
    `${String(nodes).padStart(5)} nodes (${rendered} in the DOM): idle ${show(idle)} · dragging a node ${show(dragging)}` +
      ` · panning ${show(panning)}`,
  );
  return { firstLoadKb, scripts: scripts.size, dragging: dragging.fps, panning: panning.fps };
}

async function main() {
  let server: ChildProcess | undefined;
  let dir: string | undefined;
  if (!external) {
    dir = fs.mkdtempSync(path.join(root, "data", "bench-canvas-"));
    console.log(`starting the server on :${PORT} (builds first if sources changed)…`);
    server = await startServer(dir);
  }
  try {
    const token = benchToken(dir);
    const trpc = signedInTrpc(base, token);
    const small = await trpc.pipelines.create.mutate({ graph: generatePipeline(1) });
    const big = await trpc.pipelines.create.mutate({ graph: generatePipeline(100) });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"],
    });
    const page = await signIn(await browser.newPage({ viewport: { width: 1280, height: 720 } }), base, token);
    const s = await measure(page, small.id, 10);
    const b = await measure(await signIn(await browser.newPage({ viewport: { width: 1280, height: 720 } }), base, token), big.id, 1000);
    console.log(`1,000-node / 10-node ratio: dragging ${(b.dragging / s.dragging).toFixed(2)} · panning ${(b.panning / s.panning).toFixed(2)} (target ≥ 50 fps)`);
    console.log(`editor page first-load JS: ${s.firstLoadKb.toFixed(0)} KB gzipped in ${s.scripts} scripts (target ≤ 500 KB)`);
    await browser.close();
  } finally {
    server?.kill("SIGINT");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
