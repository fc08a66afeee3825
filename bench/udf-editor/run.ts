// `npm run bench:udf-editor`: what opening a TS UDF editor costs in headless Chromium: the editor page's first-load JS
// (gzipped, Monaco must not be in it), the Monaco files fetched when the editor opens (gzipped, all from /monaco/),
// time from selecting the node to a ready editor and to the first TypeScript diagnostic, cold (first open in the page)
// and warm (re-opened). Prints figures; not a test.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { benchToken, signIn, signedInTrpc } from "../access";
import type { PipelineGraph } from "@/pipeline/graph";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.BENCH_PORT ?? 3239);
const external = process.env.BENCH_BASE_URL;
const base = external ?? `http://127.0.0.1:${PORT}`;
const graph = JSON.parse(fs.readFileSync(path.join(root, "server/udf/fixtures/ts-map.graph.json"), "utf8")) as PipelineGraph;

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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Selects the ts-map node and returns ms until the editor is ready and until a typo shows as an error. */
async function openEditor(page: Page): Promise<{ readyMs: number; diagnosticMs: number }> {
  const t0 = Date.now();
  await page.getByTestId("node-enrich").click({ position: { x: 40, y: 14 } });
  const editor = page.getByTestId("udf-editor");
  await editor.and(page.locator("[data-state=ready]")).waitFor({ timeout: 120_000 });
  const readyMs = Date.now() - t0;
  await editor.locator(".view-lines").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" nosuchname;");
  const t1 = Date.now();
  await page.getByTestId("udf-editor-status").filter({ hasText: /^\d+ errors?;/ }).waitFor({ timeout: 120_000 });
  const diagnosticMs = Date.now() - t1;
  await page.keyboard.press("ControlOrMeta+Z");
  return { readyMs, diagnosticMs };
}

async function main() {
  let server: ChildProcess | undefined;
  let dir: string | undefined;
  if (!external) {
    fs.mkdirSync(path.join(root, "data"), { recursive: true });
    dir = fs.mkdtempSync(path.join(root, "data", "bench-udf-editor-"));
    console.log(`starting the server on :${PORT} (builds first if sources changed)…`);
    server = await startServer(dir);
  }
  try {
    const token = benchToken(dir);
    const trpc = signedInTrpc(base, token);
    const { id } = await trpc.pipelines.create.mutate({ graph });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"],
    });
    const page = await signIn(await browser.newPage({ viewport: { width: 1280, height: 800 } }), base, token);
    const scripts = new Map<string, number>();
    page.on("response", async (r) => {
      const body = await r.body().catch(() => null);
      if (body && !scripts.has(r.url())) scripts.set(r.url(), zlib.gzipSync(body).length);
    });
    await page.goto(`${base}/pipelines/${id}`);
    await page.getByTestId("node-enrich").waitFor();
    await page.waitForLoadState("networkidle");
    const firstLoad = [...scripts].filter(([u]) => /\.js(\?|$)/.test(u)).reduce((a, [, n]) => a + n, 0);
    const monacoBefore = [...scripts.keys()].filter((u) => new URL(u).pathname.startsWith("/monaco/")).length;
    console.log(`editor page first-load JS: ${kb(firstLoad)} gzipped; Monaco files fetched before an editor opens: ${monacoBefore}`);
    const cold = await openEditor(page);
    await page.waitForLoadState("networkidle");
    const monaco = [...scripts].filter(([u]) => new URL(u).pathname.startsWith("/monaco/"));
    const foreign = [...scripts.keys()].filter((u) => new URL(u).origin !== new URL(base).origin);
    console.log(`opening the editor fetched ${monaco.length} files from /monaco/: ${kb(monaco.reduce((a, [, n]) => a + n, 0))} gzipped`
      + ` (${monaco.map(([u, n]) => `${path.basename(new URL(u).pathname)} ${kb(n)}`).join(", ")}); other origins: ${foreign.length}`);
    console.log(`cold: editor ready ${cold.readyMs} ms after selecting the node; first diagnostic ${cold.diagnosticMs} ms after typing`);
    await page.getByTestId("canvas").click({ position: { x: 600, y: 400 } });
    const warm = await openEditor(page);
    console.log(`warm: editor ready ${warm.readyMs} ms; first diagnostic ${warm.diagnosticMs} ms (ratio cold/warm ready ${(cold.readyMs / Math.max(1, warm.readyMs)).toFixed(1)})`);
    await browser.close();
  } finally {
    server?.kill("SIGINT");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
