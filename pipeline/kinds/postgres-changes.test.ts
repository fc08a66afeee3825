// postgres-changes: errors pinned to their fields, the debezium-json Kafka descriptor on the connector's topic, the casts
// of DATE / TIME / TIMESTAMP back from Debezium's ISO strings, and an updating output keyed by the primary key.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { analyzeGraph, validateGraph } from "../validate";
import { changeStreamNames } from "./change-stream";

const config = (c: Record<string, unknown> = {}) => ({
  database: "shop", connection: "kafka", table: "items", primaryKey: ["id"],
  columns: [{ name: "id", type: "BIGINT NOT NULL" }, { name: "price", type: "DECIMAL(10, 2)" }], ...c,
});
const pipeline = (c: Record<string, unknown> = {}) =>
  graph([{ id: "ch", kind: "postgres-changes", config: config(c) }, { id: "out", kind: "print", config: {} }], ["ch->out"]);

describe("postgres-changes", () => {
  it("reads the connector's topic as debezium-json from the earliest offset, as an updating table keyed by the primary key", () => {
    const r = compile(pipeline());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.program.statements[0]).toEqual({ op: "from", table: "ch", descriptor: {
      connector: "kafka", connection: "kafka", schema: [{ name: "id", type: "BIGINT NOT NULL" }, { name: "price", type: "DECIMAL(10, 2)" }],
      options: { topic: "streamcanvas.shop.public.items", "value.format": "debezium-json", "value.debezium-json.timestamp-format.standard": "ISO-8601", "scan.startup.mode": "earliest-offset" },
    } });
    expect(analyzeGraph(pipeline()).changelogs.ch).toMatchObject({ mode: "updating", by: "ch", key: ["id"] });
  });

  it("reads DATE, TIME and TIMESTAMP as strings and casts them back without Debezium's T and Z", () => {
    const r = compile(pipeline({ columns: [{ name: "id", type: "BIGINT" }, { name: "at", type: "TIMESTAMP(6)" }, { name: "d", type: "DATE" }] }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const [from, select] = r.program.statements;
    expect(from).toMatchObject({ op: "from", table: "ch__debezium", descriptor: { schema: [{ name: "id", type: "BIGINT" }, { name: "at", type: "STRING" }, { name: "d", type: "STRING" }] } });
    const z = { kind: "call", fn: "replace", args: [{ kind: "col", name: "at" }, { kind: "lit", value: "Z", type: "STRING NOT NULL" }, { kind: "lit", value: "", type: "STRING NOT NULL" }] };
    expect(select).toMatchObject({ op: "select", table: "ch", input: "ch__debezium", fields: [
      { as: "id", expr: { kind: "col", name: "id" } },
      { as: "at", expr: { kind: "cast", type: "TIMESTAMP(6)", expr: { kind: "call", fn: "replace", args: [z, { kind: "lit", value: "T" }, { kind: "lit", value: " " }] } } },
      { as: "d", expr: { kind: "cast", type: "DATE" } },
    ] });
  });

  it.each([
    [{ database: "" }, "database", "choose a PostgreSQL connection"],
    [{ connection: "" }, "connection", "choose a Kafka connection"],
    [{ table: "" }, "table", "choose a table"],
    [{ table: "order items" }, "table", "letters, digits and _"],
    [{ schema: "a-b" }, "schema", "letters, digits and _"],
    [{ primaryKey: [] }, "primaryKey", "needs the table's primary key"],
    [{ primaryKey: ["nope"] }, "primaryKey.0", `"nope" is not among the columns`],
  ])("%j is an error on %s", (c, field, message) => {
    expect(validateGraph(pipeline(c)).errors).toContainEqual(expect.objectContaining({ nodeId: "ch", field, message: expect.stringContaining(message) }));
  });

  it("names one connector, topic and replication slot per table of a connection", () => {
    const a = changeStreamNames("shop", "public", "items");
    expect(a).toMatchObject({ connector: "streamcanvas.shop.public.items", topicPrefix: "streamcanvas.shop", topic: "streamcanvas.shop.public.items" });
    expect(a.slot).toMatch(/^sc_[0-9a-f]{8}$/);
    expect(changeStreamNames("shop", "public", "orders").slot).not.toBe(a.slot);
  });
});
