// The "CSV clean-up ETL to files" example end to end: the CLI on a real runner reads the bundled messy CSV from the
// data root and the filesystem sink's files hold exactly the clean rows, final (no in-progress file) once it FINISHES.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRunnerFile } from "@/server/runner/runner-file";
import { javaRunnerCommand, spawnRunner, type SpawnedRunner } from "@/server/runner/spawn";

const bin = path.resolve("bin/streamcanvas.mjs");
const example = path.resolve("examples/csv-clean-up-etl.json");
let dataDir: string;
let runner: SpawnedRunner;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-csv-etl-"));
  runner = await spawnRunner(javaRunnerCommand("java", undefined, path.join(dataDir, "files")), () => {});
  writeRunnerFile(dataDir, { ...runner.ready, secret: runner.secret, startedAt: Date.now() });
});
afterAll(() => {
  runner?.child.kill("SIGTERM");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, STREAMCANVAS_DATA_DIR: dataDir } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const CLEAN_LINES = [
  `5001,"ALICE MARTIN",FR,129.90,12990,paid`,
  `5004,"DEV PATEL",IN,480.25,48025,shipped`,
  `5005,"ÉMILE ROUX",FR,72.10,7210,paid`,
  `5006,"KHAN, FATIMA",GB,9.99,999,shipped`,
  `5008,"ZOË ""ZED"" NG",SG,1200.00,120000,paid`,
];

describe("CSV clean-up ETL to files", () => {
  it("writes exactly the clean rows into final files under the data root, and shows them", async () => {
    const r = await cli("run", example, "--json", "--timeout", "120");
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; sinks: Record<string, { rows: { values: unknown[] }[] }> };
    expect(out.status).toBe("FINISHED");
    expect(out.sinks.clean_orders!.rows.map((x) => x.values)).toEqual(expect.arrayContaining([
      ["5001", "ALICE MARTIN", "FR", "129.90", "12990", "paid"],
      ["5008", "ZOË \"ZED\" NG", "SG", "1200.00", "120000", "paid"],
    ]));
    expect(out.sinks.clean_orders!.rows).toHaveLength(5);
    const dir = path.join(dataDir, "files", "out", "clean-orders");
    const files = fs.readdirSync(dir);
    expect(files.filter((f) => f.startsWith(".") || f.includes("inprogress")), "no hidden in-progress file").toEqual([]);
    const lines = files.flatMap((f) => fs.readFileSync(path.join(dir, f), "utf8").split("\n").filter(Boolean));
    expect(lines.sort()).toEqual(CLEAN_LINES);
  });

  it("refuses a sink path outside the data root before running, naming node and field", async () => {
    const graph = JSON.parse(fs.readFileSync(example, "utf8")) as { nodes: { id: string; config: Record<string, unknown> }[] };
    fs.symlinkSync(os.tmpdir(), path.join(dataDir, "files", "tmp link"));
    graph.nodes.find((n) => n.id === "clean_files")!.config.path = "tmp link/escaped";
    const file = path.join(dataDir, "escape.json");
    fs.writeFileSync(file, JSON.stringify(graph));
    const r = await cli("run", file, "--json");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/clean_files.*path.*outside the data root/);
  });
});
