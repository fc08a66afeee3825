// Reads the machine-readable reports of each test stage and sums them into one closing line ("N passed, N failed").
import fs from "node:fs";
import path from "node:path";
import { root } from "./lib.mjs";

export const REPORT_DIR = path.join(root, ".test-reports");

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);

/** vitest --reporter=json output */
export function vitestCounts(file) {
  const r = readJson(file);
  return r && { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
}

/** Maven Surefire XML reports: <testsuite tests= failures= errors= skipped=> */
export function surefireCounts(dir) {
  if (!fs.existsSync(dir)) return null;
  const c = { passed: 0, failed: 0, skipped: 0 };
  for (const f of fs.readdirSync(dir).filter((n) => /^TEST-.*\.xml$/.test(n))) {
    const head = /<testsuite\b[^>]*>/.exec(fs.readFileSync(path.join(dir, f), "utf8"))?.[0] ?? "";
    const attr = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(head)?.[1] ?? 0);
    const failed = attr("failures") + attr("errors");
    c.failed += failed;
    c.skipped += attr("skipped");
    c.passed += attr("tests") - failed - attr("skipped");
  }
  return c;
}

/** Playwright JSON reporter: stats.expected / unexpected / flaky / skipped */
export function playwrightCounts(file) {
  const s = readJson(file)?.stats;
  return s && { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

export function closingLine(parts) {
  const t = { passed: 0, failed: 0, skipped: 0 };
  for (const p of parts.filter(Boolean)) for (const k of Object.keys(t)) t[k] += p[k];
  return `tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
}
