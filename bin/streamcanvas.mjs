#!/usr/bin/env node
// streamcanvas bin: runs server/cli/main.ts through tsx from wherever it is called, with paths resolved to this package.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(
  process.execPath,
  ["--import", import.meta.resolve("tsx"), path.join(root, "server", "cli", "main.ts"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, STREAMCANVAS_HOME: root, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") },
  },
);
// Ctrl-C reaches the child too (same process group); it cleans up its own runner, then we exit with its code.
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + 2 : 1)));
