// Every file in examples/ runs headless through the streamcanvas bin on one shared real runner, FINISHES and shows rows.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRunnerFile } from "./runner/runner-file";
import { javaRunnerCommand, spawnRunner, type SpawnedRunner } from "./runner/spawn";

const bin = path.resolve("bin/streamcanvas.mjs");
const examplesDir = path.resolve("examples");
const files = fs.readdirSync(examplesDir).filter((f) => f.endsWith(".json")).sort();

type Sink = { columns: { name: string; type: string }[]; rows: { kind: string; values: unknown[] }[]; total: number };
type RunOutput = { status: string; error: unknown; sinks: Record<string, Sink> };

let dataDir: string;
let runner: SpawnedRunner;

// one runner for the whole file: the CLI finds it through runner.json and reuses it instead of starting its own
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-examples-"));
  // the CLI's data root is files/ in its data dir (STREAMCANVAS_DATA_DIR below); the runner confines files to the same
  runner = await spawnRunner(javaRunnerCommand("java", undefined, path.join(dataDir, "files")), () => {});
  writeRunnerFile(dataDir, { ...runner.ready, secret: runner.secret, startedAt: Date.now() });
});
afterAll(() => {
  runner?.child.kill("SIGTERM");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function run(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "run", file, "--json", "--timeout", "120"], {
      env: { ...process.env, STREAMCANVAS_DATA_DIR: dataDir },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The ids of a graph file's collect nodes: each must come back with rows. */
function collectIds(file: string): string[] {
  const g = JSON.parse(fs.readFileSync(file, "utf8")) as { nodes: { id: string; kind: string }[] };
  return g.nodes.filter((n) => n.kind === "collect").map((n) => n.id);
}

describe("examples/ run headless via the streamcanvas CLI", () => {
  it("ships examples", () => expect(files.length).toBeGreaterThan(0));

  for (const name of files) {
    it(`${name} finishes with rows in every collect sink`, async () => {
      const file = path.join(examplesDir, name);
      const r = await run(file);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stderr).toContain(`pid ${runner.ready.pid}`); // the shared runner, not one of its own
      const out = JSON.parse(r.stdout) as RunOutput;
      expect(out.status, JSON.stringify(out.error)).toBe("FINISHED");
      const ids = collectIds(file);
      expect(ids.length, "an example shows its results in a collect sink").toBeGreaterThan(0);
      expect(Object.keys(out.sinks).sort()).toEqual([...ids].sort());
      for (const id of ids) {
        const sink = out.sinks[id]!;
        expect(sink.columns.length, id).toBeGreaterThan(0);
        expect(sink.rows.length, `${id} has rows`).toBeGreaterThan(0);
        for (const row of sink.rows) expect(row.values, id).toHaveLength(sink.columns.length);
      }
    });
  }
});
