// The Kafka sinks and changelog-mode inference: an insert-only sink fed an updating stream names the node that makes it
// so, an upsert sink must be keyed as its input updates, exactly-once needs checkpoints; print and collect take all.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { analyzeGraph, validateGraph } from "../validate";

const orders = {
  id: "orders", kind: "values",
  config: { columns: [{ name: "id", type: "BIGINT" }, { name: "customer", type: "STRING" }, { name: "amount", type: "DECIMAL(10, 2)" }], rows: [["1", "'a'", "2.50"]] },
};
const totals = { id: "totals", kind: "group-aggregate", config: { keys: ["customer"], aggregates: [{ fn: "sum", column: "amount", as: "total" }] } };
const kafkaSink = (config: Record<string, unknown> = {}) => ({ id: "out", kind: "kafka-sink", config: { connection: "c", topic: "t", ...config } });
const upsertSink = (config: Record<string, unknown> = {}) => ({ id: "out", kind: "upsert-kafka-sink", config: { connection: "c", topic: "t", ...config } });
const errorsOf = (g: ReturnType<typeof graph>) => validateGraph(g).errors;

describe("changelog modes", () => {
  it("a group aggregate makes its output updating, keyed by its keys; a filter after it stays so; a window is insert-only", () => {
    const g = graph([orders, totals, { id: "f", kind: "filter", config: { predicate: "total > 1" } }, { id: "p", kind: "print" }],
      ["orders->totals", "totals->f", "f->p"]);
    const { changelogs } = analyzeGraph(g);
    expect(changelogs.orders).toEqual({ mode: "insert-only" });
    expect(changelogs.totals).toMatchObject({ mode: "updating", by: "totals", key: ["customer"] });
    expect(changelogs.f).toMatchObject({ mode: "updating", by: "totals", key: ["customer"] });
    expect(errorsOf(g)).toEqual([]);
  });
  it("a key dropped by a select is no longer known", () => {
    const g = graph([orders, totals, { id: "s", kind: "select", config: { columns: [{ expr: "total", as: "total" }] } }, { id: "p", kind: "print" }],
      ["orders->totals", "totals->s", "s->p"]);
    const c = analyzeGraph(g).changelogs.s;
    expect(c).toMatchObject({ mode: "updating", by: "totals" });
    expect(c && "key" in c).toBe(false);
  });
});

describe("kafka sink", () => {
  it("fed an updating stream is an error on the sink naming the node that makes it updating", () => {
    expect(errorsOf(graph([orders, totals, kafkaSink()], ["orders->totals", "totals->out"]))).toEqual([{
      nodeId: "out", message: expect.stringMatching(/^a Kafka sink writes inserts only, but its input is updating: node "totals" makes it so .*upsert-Kafka/),
    }]);
  });
  it("so is a files sink", () => {
    const files = { id: "out", kind: "filesystem-sink", config: { path: "out/x", format: "json" } };
    expect(errorsOf(graph([orders, totals, files], ["orders->totals", "totals->out"]))).toEqual([{
      nodeId: "out", message: expect.stringContaining('node "totals" makes it so'),
    }]);
  });
  it("with a changelog value format (debezium-json, canal-json) takes the updating stream, as Flink's encoders do", () => {
    for (const valueFormat of ["debezium-json", "canal-json"]) {
      const g = graph([orders, totals, kafkaSink({ valueFormat })], ["orders->totals", "totals->out"]);
      expect(errorsOf(g)).toEqual([]);
      const r = compile(g);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const sink = r.program.statements.find((s) => s.op === "insertInto")!;
      expect(sink.op === "insertInto" && sink.descriptor.options).toMatchObject({
        "value.format": valueFormat, [`value.${valueFormat}.encode.decimal-as-plain-number`]: "true",
      });
    }
    expect(errorsOf(graph([orders, totals, kafkaSink()], ["orders->totals", "totals->out"]))[0]!.message)
      .toMatch(/choose the debezium-json or canal-json value format$/);
  });
  it("print and collect take an updating stream", () => {
    expect(errorsOf(graph([orders, totals, { id: "out", kind: "collect" }], ["orders->totals", "totals->out"]))).toEqual([]);
  });
  it("exactly-once needs a checkpoint interval in the run settings, named on the node's delivery field", () => {
    const g = (settings: Record<string, unknown>) => graph([orders, kafkaSink({ delivery: "exactly-once" })], ["orders->out"], "p", settings);
    expect(errorsOf(g({}))).toEqual([{ nodeId: "out", field: "delivery", message: expect.stringContaining("set a checkpoint interval in the run settings") }]);
    expect(errorsOf(g({ checkpointIntervalMs: 3_600_000 }))).toEqual([{ nodeId: "out", field: "delivery", message: expect.stringContaining("at most every 300 s") }]);
    expect(errorsOf(g({ checkpointIntervalMs: 5000 }))).toEqual([]);
  });
  it("asks a transaction timeout within a broker's default 15 min cap and a prefix the runner makes unique", () => {
    const r = compile(graph([orders, kafkaSink({ delivery: "exactly-once", partitioner: "round-robin" })], ["orders->out"], "p", { checkpointIntervalMs: 5000 }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const sink = r.program.statements.find((s) => s.op === "insertInto")!;
    expect(sink.op === "insertInto" && sink.descriptor).toEqual({
      connector: "kafka", connection: "c",
      options: {
        topic: "t", "value.format": "json", "value.json.encode.decimal-as-plain-number": "true", "sink.delivery-guarantee": "exactly-once",
        "sink.transactional-id-prefix": "out", "properties.transaction.timeout.ms": "600000", "sink.partitioner": "round-robin",
      },
    });
  });
});

describe("upsert-kafka sink", () => {
  it("needs a primary key", () => {
    expect(errorsOf(graph([orders, upsertSink()], ["orders->out"]))).toEqual([{ nodeId: "out", field: "primaryKey", message: expect.stringContaining("needs a primary key") }]);
  });
  it("keyed as its input updates: the group's keys", () => {
    expect(errorsOf(graph([orders, totals, upsertSink({ primaryKey: ["customer"] })], ["orders->totals", "totals->out"]))).toEqual([]);
    expect(errorsOf(graph([orders, totals, upsertSink({ primaryKey: ["total"] })], ["orders->totals", "totals->out"]))).toEqual([{
      nodeId: "out", field: "primaryKey", message: expect.stringContaining('node "totals" updates rows by (customer)'),
    }]);
  });
  it("takes an insert-only input by any key, and names an unknown key column", () => {
    expect(errorsOf(graph([orders, upsertSink({ primaryKey: ["id"] })], ["orders->out"]))).toEqual([]);
    expect(errorsOf(graph([orders, upsertSink({ primaryKey: ["nope"] })], ["orders->out"]))).toEqual([
      { nodeId: "out", field: "primaryKey.0", message: expect.stringContaining('"nope"') },
    ]);
  });
});
