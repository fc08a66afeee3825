// The PostgreSQL kinds: a keyless sink fed an updating stream names the node that makes it so; a lookup key of the
// wrong type is an error on its field; a JDBC source is bounded, a query goes to Flink as its table-name, a preview
// caps it; column names Flink's dialect cannot write are refused.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { unboundedSources } from "../bounded";
import { planPreview } from "../preview";
import { graph } from "../testing/graphs";
import { validateGraph } from "../validate";

const orders = {
  id: "orders", kind: "values",
  config: { columns: [{ name: "id", type: "BIGINT" }, { name: "customer_id", type: "BIGINT" }, { name: "amount", type: "DECIMAL(10, 2)" }], rows: [["1", "2", "2.50"]] },
};
const totals = { id: "totals", kind: "group-aggregate", config: { keys: ["customer_id"], aggregates: [{ fn: "sum", column: "amount", as: "total" }] } };
const sink = (config: Record<string, unknown> = {}) => ({ id: "out", kind: "jdbc-sink", config: { connection: "db", table: "totals", ...config } });
const lookup = (config: Record<string, unknown> = {}) => ({
  id: "enrich", kind: "lookup-join",
  config: { connection: "db", table: "customers", columns: [{ name: "id", type: "BIGINT" }, { name: "name", type: "STRING" }], keys: [{ left: "customer_id", right: "id" }], ...config },
});
const source = (config: Record<string, unknown> = {}) => ({ id: "src", kind: "jdbc-source", config: { connection: "db", table: "customers", ...config } });
const errorsOf = (g: ReturnType<typeof graph>) => validateGraph(g).errors;

describe("jdbc sink", () => {
  it("without a primary key, fed an updating stream, is an error on its key naming the node that makes it updating", () => {
    expect(errorsOf(graph([orders, totals, sink()], ["orders->totals", "totals->out"]))).toEqual([{
      nodeId: "out", field: "primaryKey", message: expect.stringMatching(/^a PostgreSQL sink without a primary key writes inserts only, .*node "totals" makes it so/),
    }]);
  });
  it("keyed as its input updates, upserts; keyed otherwise is an error; the table name is quoted for PostgreSQL", () => {
    const ok = graph([orders, totals, sink({ primaryKey: ["customer_id"], schema: 'My "s"' })], ["orders->totals", "totals->out"]);
    expect(errorsOf(ok)).toEqual([]);
    const r = compile(ok);
    expect(r.ok && r.program.statements.at(-1)).toMatchObject({
      op: "insertInto", descriptor: { connector: "jdbc", connection: "db", primaryKey: ["customer_id"], options: { "table-name": '"My ""s"""."totals"', "sink.max-retries": "3" } },
    });
    expect(errorsOf(graph([orders, totals, sink({ primaryKey: ["total"] })], ["orders->totals", "totals->out"]))[0]).toMatchObject({ nodeId: "out", field: "primaryKey" });
  });
  it("refuses input columns Flink's PostgreSQL dialect would write unquoted wrongly", () => {
    const upper = { ...orders, config: { ...orders.config, columns: [{ name: "Id", type: "BIGINT" }], rows: [["1"]] } };
    expect(errorsOf(graph([upper, sink()], ["orders->out"]))).toEqual([{ nodeId: "out", field: "table", message: expect.stringMatching(/input column "Id" cannot be used with PostgreSQL/) }]);
  });
});

describe("lookup join", () => {
  it("adds the table's columns (clashing ones renamed, nullable for a left join) and names a key of the wrong type", () => {
    const g = graph([orders, lookup({ rightPrefix: "c_" }), { id: "p", kind: "print" }], ["orders->enrich:left", "enrich->p"]);
    const v = validateGraph(g);
    expect(v.errors).toEqual([]);
    expect(v.rowTypes.enrich!.map((c) => `${c.name} ${c.type.root}${c.type.nullable ? "" : " NOT NULL"}`)).toEqual(["id BIGINT", "customer_id BIGINT", "amount DECIMAL", "c_id BIGINT", "name STRING"]);
    const wrong = graph([orders, lookup({ rightPrefix: "c_", keys: [{ left: "customer_id", right: "name" }] }), { id: "p", kind: "print" }], ["orders->enrich:left", "enrich->p"]);
    expect(errorsOf(wrong)).toEqual([{ nodeId: "enrich", field: "keys.0.right", message: expect.stringMatching(/join keys of different types: left "customer_id" is BIGINT, right "name" is STRING/) }]);
  });
  it("compiles the cache and retries to Flink's lookup options", () => {
    const r = compile(graph([orders, lookup({ rightPrefix: "c_", cache: "partial", cacheMaxRows: 500, cacheTtlSeconds: 30 }), { id: "p", kind: "print" }], ["orders->enrich:left", "enrich->p"]));
    expect(r.ok && r.program.statements.find((s) => s.op === "lookupJoin")).toMatchObject({
      joinType: "left", keys: [{ left: "customer_id", right: "id" }], rightRenames: [{ from: "id", to: "c_id" }],
      descriptor: { options: { "lookup.cache": "PARTIAL", "lookup.partial-cache.max-rows": "500", "lookup.partial-cache.expire-after-write": "30 s", "lookup.max-retries": "3" } },
    });
  });
});

describe("jdbc source", () => {
  it("is bounded; a query is handed to Flink as a derived table; a preview reads LIMIT 100 and writes nothing", () => {
    const g = graph([source({ read: "query", query: "SELECT id FROM customers -- mine;\n;" }), sink({ primaryKey: ["id"] })], ["src->out"]);
    expect(unboundedSources(g)).toEqual([]);
    const r = compile(g);
    expect(r.ok && r.program.statements[0]).toMatchObject({ descriptor: { options: { "table-name": "(\nSELECT id FROM customers -- mine\n) AS streamcanvas_query" } } });
    const p = planPreview(g, "src");
    expect(p.ok && p.plan.program.statements.map((s) => s.op)).toEqual(["from", "collect"]);
    expect(p.ok && p.plan.program.statements[0]).toMatchObject({ descriptor: { options: { "streamcanvas.scan.limit": "100" } } });
  });
  it("names a partitioned scan's missing bounds and an empty query", () => {
    expect(errorsOf(graph([source({ partitionColumn: "id" }), { id: "p", kind: "print" }], ["src->p"])).map((e) => e.field)).toEqual(["lowerBound", "upperBound", "partitions"]);
    expect(errorsOf(graph([source({ read: "query" }), { id: "p", kind: "print" }], ["src->p"]))).toEqual([{ nodeId: "src", field: "query", message: "write the SELECT to read" }]);
  });
});
