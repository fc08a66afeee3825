// Bundles Monaco (editor core, its features, TypeScript language) and its two web workers with esbuild into
// public/monaco/, so the browser loads them from StreamCanvas itself (no CDN) and only when a UDF editor opens
// (components/udf-editor/load-monaco.ts imports /monaco/monaco.js at run time; Next's bundler never sees Monaco).
// Why not Turbopack: Monaco's workers are `new Worker(new URL(…, import.meta.url))`, which Turbopack's production
// builds broke in Next 16.2 (vercel/next.js#94015); a prebuilt folder behaves the same in dev and in `next start`.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { hashSources, readStamp, root, say, writeStamp } from "./lib.mjs";

export const MONACO_OUT = path.join(root, "public/monaco");
const SOURCES = ["scripts/build-monaco.mjs", "node_modules/monaco-editor/package.json"];

/** The editor API plus only what a TS UDF editor needs: all editor features, the TypeScript language and worker. */
const ENTRY = `
export * from "monaco-editor/editor";
export * as typescript from "monaco-editor/languages/features/typescript/register";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/typescript/register";
`;

export async function buildMonaco({ force = false } = {}) {
  const hash = hashSources(SOURCES);
  if (!force && fs.existsSync(path.join(MONACO_OUT, "monaco.js")) && readStamp("monaco") === hash) {
    say("monaco: up to date");
    return 0;
  }
  const started = Date.now();
  fs.rmSync(MONACO_OUT, { recursive: true, force: true });
  const common = {
    bundle: true, minify: true, format: "esm", target: "es2022", platform: "browser", logLevel: "warning",
    legalComments: "none", absWorkingDir: root, outdir: MONACO_OUT,
    loader: { ".ttf": "file" }, assetNames: "[name]-[hash]",
  };
  try {
    await build({ ...common, stdin: { contents: ENTRY, resolveDir: root, sourcefile: "monaco-entry.js" }, outdir: undefined, outfile: path.join(MONACO_OUT, "monaco.js") });
    await build({
      ...common,
      entryPoints: {
        "editor.worker": "monaco-editor/editor/editor.worker",
        "ts.worker": "monaco-editor/language/typescript/ts.worker",
      },
    });
  } catch (e) {
    say(`monaco: bundling failed: ${e.message}`);
    return 1;
  }
  writeStamp("monaco", hash);
  say(`monaco: bundled into public/monaco in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await buildMonaco({ force: process.argv.includes("--force") }));
}
