// The PostgreSQL nodes on the real runner and the stage's PostgreSQL: examples/postgres runs headless through the
// streamcanvas bin (the connection made by the README's one command) and leaves exactly its rows in the table; a
// preview of a JDBC source and of a lookup join through tRPC shows the table's rows and writes nothing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { graph } from "@/pipeline/testing/graphs";
import { realRunnerHarness } from "@/server/api/testing/harness";
import type { PreviewEvent } from "@/server/preview/preview-service";
import { testPostgres, testPsql } from "@/server/testing/postgres-env";

const h = realRunnerHarness();
const example = path.resolve("examples/postgres/revenue-per-customer-hour.json");

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve("bin/streamcanvas.mjs"), ...args], { env: { ...process.env, STREAMCANVAS_DATA_DIR: h.dir, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function preview(g: PipelineGraph, nodeId: string) {
  const { previewId } = await h.caller.preview.start({ key: `pg-${nodeId}`, graph: g, nodeId, seconds: 60 });
  let last: PreviewEvent | undefined;
  for await (const e of await h.caller.preview.watch({ previewId })) last = e;
  if (last?.type !== "result") throw new Error(`preview of ${nodeId} ended with ${JSON.stringify(last)}`);
  return last.result;
}

describe("PostgreSQL nodes (CLI and tRPC → real runner → real PostgreSQL)", () => {
  it("examples/postgres: orders ⨝ customers (lookup) → revenue per customer per hour, upserted into PostgreSQL", async () => {
    testPsql(fs.readFileSync("examples/postgres/schema.sql", "utf8"));
    testPsql("DELETE FROM shop.revenue_per_customer_hour");
    const pg = testPostgres();
    const add = await cli(["connections", "add", "local-postgres", "--kind", "postgres", "--host", pg.host, "--port", String(pg.port),
      "--database", pg.database, "--user", pg.user, "--sslmode", "disable"], { STREAMCANVAS_CONNECTION_PASSWORD: pg.password });
    expect(add.code, add.stderr + add.stdout).toBe(0);
    const r = await cli(["run", example, "--json", "--timeout", "150"]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect((JSON.parse(r.stdout) as { status: string }).status).toBe("FINISHED");
    expect(testPsql("SELECT to_char(window_start, 'HH24:MI'), customer_id, coalesce(name, '-'), revenue, orders FROM shop.revenue_per_customer_hour ORDER BY 1, 2")
      .trim().split("\n")).toEqual([
      "08:00|101|Ada Lovelace|61.99|2", "08:00|102|Grace Hopper|5.50|1",
      "09:00|101|Ada Lovelace|3.00|1", "09:00|102|Grace Hopper|7.75|1", "09:00|103|Edsger Dijkstra|12.25|1",
      "10:00|101|Ada Lovelace|15.00|1", "10:00|103|Edsger Dijkstra|20.00|1", "10:00|104|-|99.90|1",
    ]);
  });

  it("previews a JDBC source (LIMIT 100 of 150 rows) and a lookup join, writing nothing", async () => {
    testPsql("CREATE SCHEMA IF NOT EXISTS preview; DROP TABLE IF EXISTS preview.items; CREATE TABLE preview.items (id BIGINT PRIMARY KEY, label TEXT);"
      + " INSERT INTO preview.items SELECT g, 'item ' || g FROM generate_series(1, 150) g;"
      + " DROP TABLE IF EXISTS preview.sink; CREATE TABLE preview.sink (id BIGINT PRIMARY KEY, label TEXT)");
    const columns = [{ name: "id", type: "BIGINT" }, { name: "label", type: "STRING" }];
    const g = graph([
      { id: "items", kind: "jdbc-source", config: { connection: "local-postgres", schema: "preview", table: "items", columns } },
      { id: "picks", kind: "values", config: { columns: [{ name: "item", type: "BIGINT" }], rows: [["7"], ["149"], ["999"]] } },
      { id: "named", kind: "lookup-join", config: { connection: "local-postgres", schema: "preview", table: "items", columns, keys: [{ left: "item", right: "id" }] } },
      { id: "out", kind: "jdbc-sink", config: { connection: "local-postgres", schema: "preview", table: "sink", primaryKey: ["id"] } },
    ], ["items->out", "picks->named:left"]);
    const src = await preview(g, "items");
    expect(src.status, JSON.stringify(src.error)).toBe("FINISHED");
    expect(src.samples.items!.rows.length).toBe(100);
    const joined = await preview(g, "named");
    expect(joined.status, JSON.stringify(joined.error)).toBe("FINISHED");
    expect(joined.samples.named!.rows.map((r) => JSON.stringify(r.values)).sort()).toEqual(
      ['["149","149","item 149"]', '["7","7","item 7"]', '["999",null,null]']);
    expect(testPsql("SELECT count(*) FROM preview.sink").trim()).toBe("0");
  });
});
