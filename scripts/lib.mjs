// Shared helpers for the build/start/test scripts: running commands with progress, source hashes, build stamps.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const say = (msg) => process.stdout.write(`[streamcanvas] ${msg}\n`);
const SKIP = new Set(["node_modules", "target", ".next", ".git", "data", "test-results", "playwright-report"]);

/** sha256 over the relative paths and contents of every file under the given paths (dirs walked, sorted). */
export function hashSources(paths) {
  const h = crypto.createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    if (fs.statSync(p).isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name));
    } else {
      h.update(path.relative(root, p)).update("\0").update(fs.readFileSync(p)).update("\0");
    }
  };
  for (const p of paths) walk(path.join(root, p));
  return h.digest("hex");
}

const stampFile = (name) => path.join(root, ".build-stamps", name);
export const readStamp = (name) => (fs.existsSync(stampFile(name)) ? fs.readFileSync(stampFile(name), "utf8").trim() : null);
export function writeStamp(name, hash) {
  fs.mkdirSync(path.dirname(stampFile(name)), { recursive: true });
  fs.writeFileSync(stampFile(name), `${hash}\n`);
}

/** Runs a command with inherited output; prints "still running" every 20 s so long builds show life. */
export function run(cmd, args, { label = cmd, env, quietTicker = false, cwd = root } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
    const ticker = quietTicker ? null : setInterval(() => say(`${label}: still running (${Math.round((Date.now() - started) / 1000)} s)`), 20_000);
    const done = (code) => {
      if (ticker) clearInterval(ticker);
      resolve({ code, seconds: (Date.now() - started) / 1000 });
    };
    child.on("error", (e) => (say(`${label}: cannot run ${cmd}: ${e.message}`), done(127)));
    child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

export const npxBin = (name) => path.join(root, "node_modules", ".bin", name);
