// Runs on the stage's real standalone Flink cluster (server/testing/flink-cluster.ts) through one real runner: the
// examples give the same rows there as on the embedded cluster (`streamcanvas run --target`), a TS map at parallelism 4
// runs on both TaskManagers (from the job's subtasks as Flink's REST API reports them), files stay on the embedded one.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePipelineFile } from "@/pipeline/format";
import { compileGraph } from "@/server/pipeline-ops";
import { createRunnerClient } from "@/server/runner/client";
import { writeRunnerFile } from "@/server/runner/runner-file";
import { withRunOptions } from "@/server/runner/run-tracker";
import { javaRunnerCommand, spawnRunner, type SpawnedRunner } from "@/server/runner/spawn";
import { testFlinkUrl } from "@/server/testing/flink-env";

const bin = path.resolve("bin/streamcanvas.mjs");
const examplesDir = path.resolve("examples");

type Sink = { columns: { name: string; type: string }[]; rows: { kind: string; values: unknown[] }[]; total: number };
type RunOutput = { jobId: string; status: string; error: unknown; sinks: Record<string, Sink> };

let dataDir: string;
let runner: SpawnedRunner;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-cluster-run-"));
  runner = await spawnRunner(javaRunnerCommand("java", undefined, path.join(dataDir, "files")), () => {});
  writeRunnerFile(dataDir, { ...runner.ready, secret: runner.secret, startedAt: Date.now() });
});
afterAll(() => {
  runner?.child.kill("SIGTERM");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, STREAMCANVAS_DATA_DIR: dataDir } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A sink's rows as a sorted list of their JSON texts: equal multisets of rows, whatever the order they came in. */
/**
 * The table a sink ends with: its changelog applied (+I/+U add a row, -U/-D take one back). Intermediate updates depend
 * on the order subtasks' rows arrive in, which differs between clusters; the final table does not.
 */
function rowSet(s: Sink): string[] {
  const rows: string[] = [];
  for (const r of s.rows) {
    const row = JSON.stringify(r.values);
    if (r.kind !== "-U" && r.kind !== "-D") rows.push(row);
    else if (rows.includes(row)) rows.splice(rows.indexOf(row), 1);
    else rows.push(`retracts a row it never had: ${row}`);
  }
  return rows.sort();
}
const usesFiles = (name: string) => fs.readFileSync(path.join(examplesDir, name), "utf8").includes("\"filesystem-");
/** examples whose every source is a values table: the same rows wherever they run */
const deterministic = fs.readdirSync(examplesDir).filter((f) => f.endsWith(".json") && !usesFiles(f))
  .filter((f) => !fs.readFileSync(path.join(examplesDir, f), "utf8").includes("\"datagen\"")).sort();

describe("runs on a remote standalone Flink cluster", () => {
  it("adds the stage's cluster as a target from the command line", async () => {
    const r = await cli(["targets", "add", "test-cluster", testFlinkUrl()]);
    expect(r.code, r.stderr).toBe(0);
    const t = await cli(["targets", "test", "test-cluster"]);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^ok: Flink 2\.3\.\d+: 2 TaskManagers, \d of 4 slots free/);
  });

  it("has deterministic examples to compare", () => expect(deterministic.length).toBeGreaterThanOrEqual(5));

  for (const name of deterministic) {
    it(`${name} gives the same rows on the cluster as on the embedded one`, async () => {
      const file = path.join(examplesDir, name);
      const [embedded, remote] = [await cli(["run", file, "--json", "--timeout", "120"]), await cli(["run", file, "--json", "--timeout", "120", "--target", "test-cluster"])];
      expect(embedded.code, embedded.stderr + embedded.stdout).toBe(0);
      expect(remote.code, remote.stderr + remote.stdout).toBe(0);
      expect(remote.stderr).toContain(`Flink cluster test-cluster (${testFlinkUrl()})`);
      const [a, b] = [JSON.parse(embedded.stdout) as RunOutput, JSON.parse(remote.stdout) as RunOutput];
      expect(b.status, JSON.stringify(b.error)).toBe("FINISHED");
      expect(Object.keys(b.sinks).sort()).toEqual(Object.keys(a.sinks).sort());
      for (const id of Object.keys(a.sinks)) {
        expect(a.sinks[id]!.rows.length, `${id} has rows`).toBeGreaterThan(0);
        expect(b.sinks[id]!.columns).toEqual(a.sinks[id]!.columns);
        expect(rowSet(b.sinks[id]!), id).toEqual(rowSet(a.sinks[id]!));
      }
      // the job ran on the cluster: its JobManager knows it, the embedded cluster's job is another one
      const job = (await (await fetch(`${testFlinkUrl()}/jobs/${b.jobId}`)).json()) as { state: string };
      expect(job.state).toBe("FINISHED");
    });
  }

  it("runs the TypeScript map example there: its UDF in Node workers on the TaskManagers, the exact keys as embedded", async () => {
    const file = path.join(examplesDir, "ts-map-enrich.json");
    const [embedded, remote] = [await cli(["run", file, "--json", "--timeout", "120"]), await cli(["run", file, "--json", "--timeout", "120", "--target", "test-cluster"])];
    expect(remote.code, remote.stderr + remote.stdout).toBe(0);
    const keys = (o: RunOutput) => Object.values(o.sinks).flatMap((s) => s.rows.map((r) => r.values[s.columns.findIndex((c) => c.name === "order_key")])).sort();
    const [a, b] = [JSON.parse(embedded.stdout) as RunOutput, JSON.parse(remote.stdout) as RunOutput];
    expect(b.status).toBe("FINISHED");
    expect(keys(b)).toHaveLength(100);
    expect(keys(b)).toEqual(keys(a));
  });

  it("refuses a files pipeline on the cluster, naming the node: the data root is on this machine", async () => {
    const r = await cli(["run", path.join(examplesDir, "csv-clean-up-etl.json"), "--json", "--target", "test-cluster"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/node "[^"]+" reads or writes files under StreamCanvas's data root, which the TaskManagers of "test-cluster" at http:\/\/127\.0\.0\.1:\d+ cannot reach/);
  });

  it("an unknown --target is an error naming it", async () => {
    const r = await cli(["run", path.join(examplesDir, "orders-clean-up.json"), "--target", "nope"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('target "nope" does not exist');
  });
});

describe("parallelism on the cluster", () => {
  it("a TS map at parallelism 4 runs subtasks on both TaskManagers, each passing rows", async () => {
    const parsed = parsePipelineFile(fs.readFileSync(path.join(examplesDir, "ts-map-enrich.json"), "utf8"));
    if (!parsed.ok) throw new Error("ts-map-enrich.json does not parse");
    const graph = structuredClone(parsed.graph);
    // unbounded (random ids instead of a 1..100 sequence), streaming, 4 subtasks over the 2 × 2 slots
    const source = graph.nodes.find((n) => n.id === "orders")!;
    const columns = (source.config as { columns: Record<string, unknown>[] }).columns;
    columns[0] = { name: "order_id", type: "BIGINT", kind: "random", min: 1, max: 1_000_000 };
    graph.settings = { ...graph.settings, parallelism: 4 };
    const program = withRunOptions(compileGraph(graph), graph.settings, {});
    const client = createRunnerClient(runner.url, runner.secret);
    const { jobId } = await client.submit(program, {}, { name: "test-cluster", url: testFlinkUrl() });
    try {
      const rest = async <T>(p: string) => (await (await fetch(`${testFlinkUrl()}${p}`)).json()) as T;
      type Vertex = { id: string; name: string; parallelism: number };
      type Subtask = { subtask: number; "taskmanager-id": string };
      // the map's vertex is the one whose subtasks report its UDF's metrics (jvm-runner/API.md: streamcanvas_udf.<node>.rows)
      let rows: number[] = [];
      let tms: string[] = [];
      let seen = "";
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const job = await rest<{ state: string; vertices: Vertex[] }>(`/jobs/${jobId}`);
        expect(job.state).not.toMatch(/FAILED|CANCELED/);
        for (const v of job.vertices) {
          const ids = (await rest<{ id: string }[]>(`/jobs/${jobId}/vertices/${v.id}/subtasks/metrics`)).map((m) => m.id);
          const metric = ids.find((id) => id.endsWith("streamcanvas_udf.enrich.rows"));
          if (!metric) continue;
          seen = `${v.name} × ${v.parallelism}`;
          const subtasks = (await rest<{ subtasks: Subtask[] }>(`/jobs/${jobId}/vertices/${v.id}`)).subtasks;
          tms = subtasks.map((st) => st["taskmanager-id"]);
          rows = await Promise.all(subtasks.map(async (st) => {
            const m = await rest<{ id: string; value: string }[]>(`/jobs/${jobId}/vertices/${v.id}/subtasks/${st.subtask}/metrics?get=${encodeURIComponent(metric)}`);
            return Number(m[0]?.value ?? 0);
          }));
        }
        // a subtask is placed once it runs on a TaskManager; after a failover its new attempt is "(unassigned)" for a
        // while, and the metric store still holds the old attempt's figures, so wait for both
        if (rows.length === 4 && rows.every((n) => n > 0) && tms.every((tm) => tm.startsWith("sc-test-tm-"))) break;
        await new Promise((r) => setTimeout(r, 1_000));
      }
      // 4 subtasks of the map, each having answered rows from its own Node worker, on both TaskManagers
      expect(rows.map((n) => n > 0), `${seen}: ${rows.join(", ")}`).toEqual([true, true, true, true]);
      expect(new Set(tms)).toEqual(new Set(["sc-test-tm-1", "sc-test-tm-2"]));
    } finally {
      await client.cancel(jobId);
    }
  });
});
