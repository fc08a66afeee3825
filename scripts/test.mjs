// npm test: every test stage in order, stopping at the first failure, with a summary line per stage.
import { buildJava, buildNext } from "./build.mjs";
import { npxBin, run, say } from "./lib.mjs";

const stages = [
  ["typecheck", () => run(npxBin("tsc"), ["--noEmit"], { label: "typecheck" })],
  ["unit tests (vitest)", () => run(npxBin("vitest"), ["run", "--project", "unit"], { label: "vitest unit" })],
  ["Java build + tests (Maven: unit, MiniCluster ITCases)", () => buildJava({ tests: true, force: true }).then((code) => ({ code }))],
  ["web app build (next build)", () => buildNext().then((code) => ({ code }))],
  ["integration tests (vitest, real runner)", () => run(npxBin("vitest"), ["run", "--project", "integration"], { label: "vitest integration" })],
  ["browser tests (Playwright, Chromium)", () => run(npxBin("playwright"), ["test"], { label: "playwright" })],
];

const summary = [];
let failed = false;
for (const [name, fn] of stages) {
  say(`── ${name}`);
  const started = Date.now();
  const { code } = await fn();
  const line = `${code === 0 ? "PASS" : "FAIL"}  ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`;
  summary.push(line);
  if (code !== 0) {
    failed = true;
    break;
  }
}
for (const s of stages.slice(summary.length)) summary.push(`SKIP  ${s[0]}`);
say("summary:");
for (const l of summary) process.stdout.write(`  ${l}\n`);
process.exit(failed ? 1 : 0);
