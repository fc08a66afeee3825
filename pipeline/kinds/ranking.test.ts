// deduplicate, top-n and order-by: row types, pinned errors, and the boundedness order-by needs (inferred through the graph).
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { formatType } from "../types";
import { validateGraph } from "../validate";

const events = {
  id: "src", kind: "values",
  config: {
    columns: [{ name: "user", type: "STRING" }, { name: "score", type: "INT" }, { name: "ts", type: "TIMESTAMP(3)" }],
    rows: [["'a'", "1", "'2024-01-01 00:00:00'"]], eventTime: { column: "ts", watermarkDelay: 0 },
  },
};
const one = (kind: string, config: Record<string, unknown>, source: { id: string; kind: string; config: unknown } = events) =>
  graph([source as never, { id: "n", kind, config }, { id: "out", kind: "collect" }], ["src->n", "n->out"]);
const show = (g: ReturnType<typeof one>) => validateGraph(g).rowTypes.n?.map((c) => `${c.name} ${formatType(c.type)}${c.timeAttribute ? " *" : ""}`);
const errs = (g: ReturnType<typeof one>) => validateGraph(g).errors.map((e) => [e.nodeId, e.field, e.message]);
const datagen = (numberOfRows?: number) => ({
  id: "src", kind: "datagen",
  config: { columns: [{ name: "user", type: "STRING", kind: "random", length: 3 }, { name: "score", type: "INT", kind: "random", min: 0, max: 9 }], ...(numberOfRows ? { numberOfRows } : {}) },
});

describe("deduplicate", () => {
  it("keeps the input columns as plain values and compiles event or processing time", () => {
    expect(show(one("deduplicate", { keys: ["user"], keep: "last", timeColumn: "ts" }))).toEqual(["user STRING", "score INT", "ts TIMESTAMP(3)"]);
    const ev = compile(one("deduplicate", { keys: ["user"], keep: "last", timeColumn: "ts" }));
    const pt = compile(one("deduplicate", { keys: ["user", "score"] }));
    if (!ev.ok || !pt.ok) throw new Error("did not compile");
    expect(ev.program.statements[1]).toEqual({ op: "deduplicate", table: "n", input: "src", keys: ["user"], keep: "last", timeColumn: "ts" });
    expect(pt.program.statements[1]).toEqual({ op: "deduplicate", table: "n", input: "src", keys: ["user", "score"], keep: "first" });
  });
  it("orders by a source's processing-time column when chosen", () => {
    const withProc = { ...events, config: { ...events.config, processingTime: { column: "seen" } } };
    const g = one("deduplicate", { keys: ["user"], timeColumn: "seen" }, withProc);
    expect(errs(g)).toEqual([]);
    expect(show(g)).toEqual(["user STRING", "score INT", "ts TIMESTAMP(3)", "seen TIMESTAMP_LTZ(3) NOT NULL"]);
  });
  it("pins missing keys, unknown keys and an ordering column that is not event time", () => {
    expect(errs(one("deduplicate", {}))).toEqual([["n", "keys", "add at least one key column"]]);
    expect(errs(one("deduplicate", { keys: ["usr", "user", "user"], timeColumn: "score" }))).toEqual([
      ["n", "keys.0", 'unknown column "usr"; did you mean "user"?'],
      ["n", "keys.2", '"user" is listed twice'],
      ["n", "timeColumn", '"score" is not a time attribute; choose an event-time (or processing-time) column, or leave the field empty for processing time'],
    ]);
  });
});

describe("top-n", () => {
  it("appends the rank column when named", () => {
    expect(show(one("top-n", { n: 3, partitionBy: ["user"], orderBy: "score", rankColumn: "rank" })))
      .toEqual(["user STRING", "score INT", "ts TIMESTAMP(3)", "rank BIGINT NOT NULL"]);
    expect(show(one("top-n", { orderBy: "score" }))).toEqual(["user STRING", "score INT", "ts TIMESTAMP(3)"]);
  });
  it("pins a missing order column, unknown groups and a rank name that is taken", () => {
    expect(errs(one("top-n", { partitionBy: ["nope"], rankColumn: "score" }))).toEqual([
      ["n", "partitionBy.0", 'unknown column "nope"; columns: user, score, ts'],
      ["n", "orderBy", "choose the column to rank on"],
      ["n", "rankColumn", 'the input already has a column "score"'],
    ]);
  });
});

describe("order-by and boundedness", () => {
  const config = { keys: [{ column: "score", direction: "desc" }], limit: 2 };
  it("sorts a bounded input", () => {
    expect(errs(one("order-by", config))).toEqual([]);
    expect(errs(one("order-by", config, datagen(100)))).toEqual([]);
    const r = compile(one("order-by", config));
    if (!r.ok) throw new Error("did not compile");
    expect(r.program.statements[1]).toEqual({ op: "orderBy", table: "n", input: "src", orderBy: [{ column: "score", direction: "desc" }], fetch: 2 });
  });
  it("says why an unbounded input cannot be sorted, through the nodes in between", () => {
    expect(errs(one("order-by", config, datagen()))).toEqual([
      ["n", undefined, 'order by needs a bounded input: datagen "src" is unbounded; set number-of-rows'],
    ]);
    const values = { ...events, id: "v" };
    const viaUnion = graph([datagen(), values, { id: "u", kind: "union" }, { id: "f", kind: "filter", config: { predicate: "score > 1" } },
      { id: "n", kind: "order-by", config }, { id: "out", kind: "collect" }], ["src->u:left", "v->u:right", "u->f", "f->n", "n->out"]);
    // a union of a datagen with number-of-rows and a values source is bounded; without number-of-rows it is not
    const dg = viaUnion.nodes[0]!;
    dg.config = { ...dg.config, columns: [...(dg.config.columns as object[]), { name: "ts", type: "TIMESTAMP(3)", kind: "random" }] };
    expect(validateGraph(viaUnion).errors.map((e) => e.message)).toContain('order by needs a bounded input: datagen "src" is unbounded; set number-of-rows');
    dg.config = { ...dg.config, numberOfRows: 5 };
    expect(validateGraph(viaUnion).errors).toEqual([]);
  });
  it("pins unknown sort columns and an empty key list", () => {
    expect(errs(one("order-by", { keys: [{ column: "scor", direction: "asc" }] })).map((e) => e[1])).toEqual(["keys.0.column"]);
    expect(errs(one("order-by", {})).map((e) => e[1])).toEqual(["keys"]);
  });
});
