// The streamcanvas bin end to end on the real jvm-runner: exit codes 0 (ran), 1 (invalid file), and runner.json reuse.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graph } from "@/pipeline/testing/graphs";
import { writeRunnerFile } from "../runner/runner-file";
import { javaRunnerCommand, spawnRunner, type SpawnedRunner } from "../runner/spawn";

const bin = path.resolve("bin/streamcanvas.mjs");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, STREAMCANVAS_DATA_DIR: dataDir } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("streamcanvas CLI", () => {
  it("runs an example on a runner of its own and prints JSON rows (exit 0)", async () => {
    const r = await cli(["run", path.resolve("examples/sensor-alerts.json"), "--json", "--timeout", "120"], path.join(dir, "empty"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("a runner of its own");
    const out = JSON.parse(r.stdout) as { status: string; sinks: Record<string, { total: number; rows: unknown[] }> };
    expect(out.status).toBe("FINISHED");
    const sinks = Object.values(out.sinks);
    expect(sinks.length).toBeGreaterThan(0);
    expect(sinks[0]!.total).toBeGreaterThan(0);
  });

  it("exits 1 on an invalid file, one error line naming node and field", async () => {
    const file = path.join(dir, "bad.json");
    const bad = graph(
      [{ id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "sequence", start: 1, end: 3 }], rowsPerSecond: 5 } },
        { id: "f1", kind: "filter", config: { predicate: "idd > 1" } }, { id: "out", kind: "collect", config: {} }],
      ["gen->f1", "f1->out"],
    );
    fs.writeFileSync(file, JSON.stringify(bad));
    const r = await cli(["run", file], path.join(dir, "empty"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^node f1 field predicate: .*idd.* at 0-3$/m);
    expect((await cli(["validate", path.join(dir, "missing.json")], dir)).code).toBe(1);
  });

  describe("with a runner recorded in runner.json", () => {
    let runner: SpawnedRunner;
    const data = () => path.join(dir, "data");
    beforeAll(async () => {
      runner = await spawnRunner(javaRunnerCommand("java"), () => {});
      writeRunnerFile(data(), { ...runner.ready, secret: runner.secret, startedAt: Date.now() });
    });
    afterAll(() => void runner?.child.kill("SIGTERM"));

    it("reuses it and stops an unbounded run at --max-rows, still exit 0", async () => {
      const file = path.join(dir, "unbounded.json");
      const g = graph(
        [{ id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 9 }], rowsPerSecond: 50 } },
          { id: "out", kind: "collect", config: { maxRows: 100 } }],
        ["gen->out"],
      );
      fs.writeFileSync(file, JSON.stringify(g));
      const r = await cli(["run", file, "--max-rows", "5", "--json"], data());
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`pid ${runner.ready.pid}`);
      const out = JSON.parse(r.stdout) as { status: string; stoppedBy: string; sinks: { out: { rows: unknown[]; total: number } } };
      expect(out).toMatchObject({ status: "CANCELED", stoppedBy: "max-rows" });
      expect(out.sinks.out.rows).toHaveLength(5);
      expect(runner.child.exitCode).toBeNull(); // the CLI does not stop a runner it did not start
    });

    it("validates and runs a 10,000-node chain (the graph code recursed, Flink's planner overflowed its stack)", async () => {
      const file = path.join(dir, "chain.json");
      const filters = Array.from({ length: 10_000 }, (_, i) => ({ id: `f${i}`, kind: "filter", config: { predicate: `id > ${i % 2}` } }));
      const g = graph(
        [{ id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "sequence", start: 1, end: 5 }], rowsPerSecond: 100 } },
          ...filters, { id: "out", kind: "collect", config: {} }],
        ["gen->f0", ...filters.slice(1).map((f, i) => `f${i}->${f.id}`), "f9999->out"],
      );
      fs.writeFileSync(file, JSON.stringify(g));
      expect((await cli(["validate", file], data())).stdout).toContain("valid (10002 nodes, 10001 edges)");
      const r = await cli(["run", file, "--json", "--timeout", "300"], data());
      expect(r.code, r.stderr.slice(-2000)).toBe(0);
      const out = JSON.parse(r.stdout) as { status: string; sinks: { out: { rows: { values: string[] }[] } } };
      expect(out.status).toBe("FINISHED");
      expect(out.sinks.out.rows.map((row) => row.values[0])).toEqual(["2", "3", "4", "5"]);
      expect(runner.child.exitCode).toBeNull();
    }, 400_000); // planning 10,000 operators takes tens of seconds, minutes on a loaded machine

    it("exits 2 when the job fails, printing Flink's root cause", async () => {
      const file = path.join(dir, "fails.json");
      const g = graph(
        [{ id: "gen", kind: "datagen", config: { columns: [{ name: "s", type: "STRING", kind: "random", length: 4 }], rowsPerSecond: 50, numberOfRows: 20 } },
          { id: "sel", kind: "select", config: { columns: [{ name: "n", expr: "CAST(s AS INT)" }] } },
          { id: "out", kind: "collect", config: {} }],
        ["gen->sel", "sel->out"],
      );
      fs.writeFileSync(file, JSON.stringify(g));
      const r = await cli(["run", file], data());
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/FAILED/);
      expect(r.stdout).toMatch(/^cause: .*NumberFormatException/m);
      expect(r.stdout).not.toMatch(/\tat /); // a cause, not a stack dump
    });
  });

  it("under --json prints one JSON error object and exits 2 when the runner goes away mid-run", async () => {
    const own = await spawnRunner(javaRunnerCommand("java"), () => {});
    const data = path.join(dir, "data-dies");
    writeRunnerFile(data, { ...own.ready, secret: own.secret, startedAt: Date.now() });
    const file = path.join(dir, "endless.json");
    const g = graph(
      [{ id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 9 }], rowsPerSecond: 5 } },
        { id: "out", kind: "collect", config: {} }],
      ["gen->out"],
    );
    fs.writeFileSync(file, JSON.stringify(g));
    const child = spawn(process.execPath, [bin, "run", file, "--json", "--timeout", "120"], { cwd: dir, env: { ...process.env, STREAMCANVAS_DATA_DIR: data } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      stderr += d;
      if (/status RUNNING/.test(stderr)) own.child.kill("SIGKILL");
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, stderr).toBe(2);
    const out = JSON.parse(stdout) as { status: string; exitCode: number; error: { message: string } };
    expect(out).toMatchObject({ status: "ERROR", exitCode: 2 });
    expect(out.error.message).toMatch(/runner went away/);
  });
});
