// A PostgreSQL change stream end to end on the stage's PostgreSQL, Kafka broker and Kafka Connect worker: the run
// registers Debezium's connector, and the rows Flink reads (snapshot, then inserts, updates, deletes) end as exactly the
// table's rows, NUMERIC, DATE, TIME, TIMESTAMP and TIMESTAMPTZ values included; a preview shows the snapshot's rows.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { changeStreamNames } from "@/pipeline/kinds/change-stream";
import { postgresChangesKind } from "@/pipeline/kinds/postgres-changes.node.ts";
import { graph } from "@/pipeline/testing/graphs";
import { parseGraph } from "@/pipeline/upgrade";
import { createPipeline, realRunnerHarness, watchUntil } from "@/server/api/testing/harness";
import { testConnectUrl } from "@/server/testing/connect-env";
import { testKafka } from "@/server/testing/kafka-env";
import { testPostgres, testPsql } from "@/server/testing/postgres-env";
import type { SinkResult } from "@/server/store/runs-repo";

const runnerLog: string[] = [];
const h = realRunnerHarness({ log: (l) => runnerLog.push(l) });

const columns = [
  { name: "id", type: "BIGINT" }, { name: "name", type: "VARCHAR(40)" }, { name: "price", type: "DECIMAL(10, 2)" },
  { name: "day", type: "DATE" }, { name: "at", type: "TIMESTAMP(6)" }, { name: "t", type: "TIME(0)" }, { name: "tz", type: "TIMESTAMP_LTZ(6)" },
];
const changes = (table: string) => ({
  id: "items", kind: "postgres-changes",
  config: { database: "shop-db", connection: "local-kafka", schema: "public", table, columns, primaryKey: ["id"] },
});

/** The table a changelog ends as, keyed by the first column, rows as JSON texts in key order. */
function finalTable(r: SinkResult | undefined): string[] {
  const rows = new Map<string, unknown[]>();
  for (const row of r?.rows ?? []) {
    const key = JSON.stringify(row.values[0]);
    if (row.kind === "+I" || row.kind === "+U") rows.set(key, row.values);
    else rows.delete(key);
  }
  return [...rows.values()].map((v) => JSON.stringify(v)).sort();
}

/** Polls `sql` (psql's unaligned rows) until it answers `want`, for at most 90 s; returns the last answer. */
async function until(sql: string, want: string[]): Promise<string[]> {
  let rows: string[] = [];
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    rows = testPsql(sql).trim().split("\n").filter(Boolean);
    if (JSON.stringify(rows) === JSON.stringify(want)) break;
  }
  return rows;
}

let made = false;
/** The connections the tests name (once per file, so each test also runs alone). */
async function connections() {
  if (made) return;
  made = true;
  const pg = testPostgres();
  await h.caller.connections.create({ name: "shop-db", kind: "postgres", fields: { host: pg.host, port: pg.port, database: pg.database, user: pg.user, password: pg.password, sslmode: "disable" } });
  await h.caller.connections.create({ name: "local-kafka", kind: "kafka", fields: { bootstrapServers: testKafka().bootstrap, connectUrl: testConnectUrl() } });
}

describe("postgres-changes: Debezium in Kafka Connect, read as debezium-json", () => {
  it("previews the snapshot, then a run ends as exactly the table after inserts, updates and deletes", async () => {
    testPsql(`CREATE TABLE cdc_items (id BIGINT PRIMARY KEY, name VARCHAR(40), price NUMERIC(10,2), day DATE, at TIMESTAMP, t TIME(0), tz TIMESTAMPTZ);
      INSERT INTO cdc_items VALUES (1, 'tea', 3.50, '2024-02-29', '2024-02-29 23:59:58.123456', '12:34:56', '2024-02-29 10:00:00.5+02'),
        (2, 'Kaffee ü', 12345678.99, NULL, NULL, NULL, NULL), (3, 'gone', 0.01, '1999-12-31', '1999-12-31 00:00:00', '00:00:00', '1999-12-31 23:00:00+00')`);
    await connections();
    const g = graph([changes("cdc_items"), { id: "out", kind: "collect", config: { maxRows: 1000 } }], ["items->out"], "cdc");

    const { previewId } = await h.caller.preview.start({ key: "cdc", graph: g, nodeId: "items", seconds: 90 });
    let preview;
    for await (const e of await h.caller.preview.watch({ previewId })) if (e.type !== "progress") preview = e;
    expect(preview?.type, JSON.stringify(preview)).toBe("result");
    // bounded at the offsets the topic had when it started: it ends by itself, having read the snapshot
    expect(preview?.type === "result" && preview.result.status).toBe("FINISHED");
    const snapshot = preview?.type === "result" ? finalTable(preview.result.samples.items) : [];
    expect(snapshot).toEqual([
      `["1","tea","3.50","2024-02-29","2024-02-29T23:59:58.123456","12:34:56","2024-02-29T08:00:00.500000Z"]`,
      `["2","Kaffee ü","12345678.99",null,null,null,null]`,
      `["3","gone","0.01","1999-12-31","1999-12-31T00:00:00.000000","00:00:00","1999-12-31T23:00:00.000000Z"]`,
    ]);

    const pipelineId = await createPipeline(h.caller, g);
    const run = await h.caller.runs.start({ pipelineId });
    testPsql(`INSERT INTO cdc_items VALUES (4, 'new', 4.00, '2025-01-01', '2025-01-01 01:02:03', '01:02:03', NULL);
      UPDATE cdc_items SET price = 3.75, name = 'green tea' WHERE id = 1; DELETE FROM cdc_items WHERE id = 3; UPDATE cdc_items SET id = 5 WHERE id = 2`);
    const want = [
      `["1","green tea","3.75","2024-02-29","2024-02-29T23:59:58.123456","12:34:56","2024-02-29T08:00:00.500000Z"]`,
      `["4","new","4.00","2025-01-01","2025-01-01T01:02:03.000000","01:02:03",null]`,
      `["5","Kaffee ü","12345678.99",null,null,null,null]`,
    ];
    const seen = await watchUntil(h.caller, run.id, (r) => r.status === "FAILED" || JSON.stringify(finalTable(r.sinks.out)) === JSON.stringify(want));
    expect(finalTable(seen.at(-1)?.sinks.out), JSON.stringify(seen.at(-1)?.error)).toEqual(want);
    await h.caller.runs.stop({ runId: run.id });

    // one connector for the table, running, under the name the node kind gives it
    const status = await fetch(`${testConnectUrl()}/connectors/${changeStreamNames("shop-db", "public", "cdc_items").connector}/status`).then((r) => r.json());
    expect(status.connector.state).toBe("RUNNING");
    expect(runnerLog.join("\n")).not.toContain(testPostgres().password);
  });

  it("names the field when the table is missing or its columns differ, and registers nothing", async () => {
    await connections();
    const g = graph([changes("no_such_table"), { id: "out", kind: "collect" }], ["items->out"], "cdc-missing");
    const pipelineId = await createPipeline(h.caller, g);
    await expect(h.caller.runs.start({ pipelineId })).rejects.toThrow(/node items: table public\.no_such_table does not exist in "shop-db"/);
    testPsql("CREATE TABLE cdc_other (id BIGINT PRIMARY KEY, name TEXT)");
    const other = graph([changes("cdc_other"), { id: "out", kind: "collect" }], ["items->out"], "cdc-other");
    await expect(h.caller.runs.start({ pipelineId: await createPipeline(h.caller, other) }))
      .rejects.toThrow(/table public\.cdc_other has the columns id BIGINT, name STRING; the node declares id BIGINT, name VARCHAR\(40\)/);
    // Propose columns reads them from the table listing, primary key included
    const proposed = await h.caller.sample.proposeColumns({ from: "postgres-table", connection: "shop-db", schema: "public", table: "cdc_other" });
    expect(proposed).toMatchObject({ ok: true, proposal: { columns: [{ name: "id", type: "BIGINT", key: 0 }, { name: "name", type: "STRING" }] } });
    const applied = postgresChangesKind.source!.sample!.apply(postgresChangesKind.config.parse(changes("cdc_other").config), proposed.ok ? proposed.proposal.columns : []);
    expect(applied).toMatchObject({ columns: [{ name: "id", type: "BIGINT" }, { name: "name", type: "STRING" }], primaryKey: ["id"] });
    expect(await h.caller.sample.proposeColumns({ from: "postgres-table", connection: "shop-db", schema: "public", table: "nope" }))
      .toEqual({ ok: false, field: "table", message: 'table public.nope does not exist in "shop-db"' });
    const names = await fetch(`${testConnectUrl()}/connectors`).then((r) => r.json());
    expect(names).not.toContain(changeStreamNames("shop-db", "public", "cdc_other").connector);
  });

  it("examples/postgres/stock-per-category: change stream → group aggregate → PostgreSQL upsert follows the table", async () => {
    testPsql(fs.readFileSync("examples/postgres/stock-per-category.sql", "utf8"));
    await connections();
    const pg = testPostgres();
    await h.caller.connections.create({ name: "local-postgres", kind: "postgres", fields: { host: pg.host, port: pg.port, database: pg.database, user: pg.user, password: pg.password, sslmode: "disable" } });
    const parsed = parseGraph(JSON.parse(fs.readFileSync("examples/postgres/stock-per-category.json", "utf8")));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const run = await h.caller.runs.start({ pipelineId: await createPipeline(h.caller, parsed.graph) });
    const totals = "SELECT category, products, units, stock_value FROM shop.stock_per_category ORDER BY 1";
    expect(await until(totals, ["cocoa|1|2|6.20", "coffee|1|7|57.75", "tea|2|15|75.00"])).toEqual(["cocoa|1|2|6.20", "coffee|1|7|57.75", "tea|2|15|75.00"]);
    testPsql(`UPDATE shop.products SET stock = 0 WHERE id = 2; DELETE FROM shop.products WHERE id = 4;
      INSERT INTO shop.products VALUES (5, 'coffee', 10.00, 3); UPDATE shop.products SET category = 'herbal' WHERE id = 1`);
    const want = ["coffee|2|10|87.75", "herbal|1|10|45.00", "tea|1|0|0.00"];
    expect(await until(totals, want)).toEqual(want);
    await h.caller.runs.stop({ runId: run.id });
  });
});
