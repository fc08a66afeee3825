// A TS map node end to end through the streamcanvas CLI on a real jvm-runner (Node.js UDF workers inside Flink):
// exact rows for the fixture, and a type error refused before anything runs, naming node, field and line.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = path.resolve("bin/streamcanvas.mjs");
const graphFile = path.resolve("server/udf/fixtures/ts-map.graph.json");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-tsmap-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, STREAMCANVAS_DATA_DIR: path.join(dir, "data") } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("ts-map through the CLI", () => {
  it("runs datagen → ts-map → collect on the real runner with exactly the mapped rows", async () => {
    const r = await cli(["run", graphFile, "--json", "--timeout", "120"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; sinks: { out: { columns: { name: string; type: string }[]; rows: { kind: string; values: unknown[] }[] } } };
    expect(out.status).toBe("FINISHED");
    expect(out.sinks.out.columns).toEqual([{ name: "id", type: "BIGINT" }, { name: "name", type: "STRING NOT NULL" }, { name: "big", type: "BIGINT NOT NULL" }]);
    const rows = out.sinks.out.rows.map((x) => x.values).sort((a, b) => Number(a[0]) - Number(b[0]));
    const expected = (JSON.parse(fs.readFileSync(path.resolve("server/udf/fixtures/ts-map.rows.json"), "utf8")) as { out: unknown[][] }).out;
    expect(rows).toEqual(expected);
    expect(rows[0]).toEqual(["1", "ITEM-1", "100000000000000001"]);
  });

  it("refuses a type error in the UDF with node id, field code and line, before running (exit 1)", async () => {
    const g = JSON.parse(fs.readFileSync(graphFile, "utf8")) as { nodes: { kind: string; config: { code: string } }[] };
    const node = g.nodes.find((n) => n.kind === "ts-map")!;
    node.config.code = node.config.code.replace("row.id ?? 0n", "row.idd ?? 0n");
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify(g));
    for (const cmd of ["validate", "plan", "run"]) {
      const r = await cli([cmd, bad]);
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(/^node enrich field code: line 3:82: Property 'idd' does not exist on type 'Input'\. at \d+-\d+$/m);
    }
  });
});
