// npm test: every test stage in order, stopping at the first failure, with a summary line per stage.
import { buildJava, buildNext } from "./build.mjs";
import fs from "node:fs";
import path from "node:path";
import { npxBin, root, run, say } from "./lib.mjs";
import { REPORT_DIR, closingLine, playwrightCounts, surefireCounts, vitestCounts } from "./test-counts.mjs";

fs.rmSync(REPORT_DIR, { recursive: true, force: true });
fs.mkdirSync(REPORT_DIR, { recursive: true });
// stale Surefire reports from an earlier build must not count in this run's closing line
fs.rmSync(path.join(root, "jvm-runner/target/surefire-reports"), { recursive: true, force: true });
const report = (name) => path.join(REPORT_DIR, name);
const vitest = (project) => [
  "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report(`vitest-${project}.json`)}`,
];

const stages = [
  ["typecheck", () => run(npxBin("tsc"), ["--noEmit"], { label: "typecheck" })],
  ["unit tests (vitest)", () => run(npxBin("vitest"), vitest("unit"), { label: "vitest unit" })],
  ["Java build + tests (Maven: unit, MiniCluster ITCases)", () => buildJava({ tests: true, force: true }).then((code) => ({ code }))],
  ["web app build (next build)", () => buildNext().then((code) => ({ code }))],
  ["integration tests (vitest, real runner)", () => run(npxBin("vitest"), vitest("integration"), { label: "vitest integration" })],
  ["browser tests (Playwright, Chromium)", () => run(npxBin("playwright"), ["test", "--reporter=list,json"], {
    label: "playwright", env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report("playwright.json") },
  })],
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
const counts = [
  vitestCounts(report("vitest-unit.json")),
  surefireCounts(path.join(root, "jvm-runner/target/surefire-reports")),
  vitestCounts(report("vitest-integration.json")),
  playwrightCounts(report("playwright.json")),
];
// a stage that failed without a failing test (typecheck, a build) still counts as one failure
if (failed && counts.every((c) => !c || c.failed === 0)) counts.push({ passed: 0, failed: 1, skipped: 0 });
process.stdout.write(`${closingLine(counts)}\n`);
process.exit(failed ? 1 : 0);
