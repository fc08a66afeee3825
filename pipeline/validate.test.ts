// validateGraph: every kind of graph error, pinned to its node/edge and field, and row-type inference along edges.
import { describe, expect, it } from "vitest";
import { graph, seqSource } from "./testing/graphs";
import { MAX_SEQUENCE_VALUES } from "./kinds/datagen.node.ts";
import { formatType } from "./types";
import { validateGraph } from "./validate";

const collect = (id = "out") => ({ id, kind: "collect" });
const filter = (id: string, predicate: string) => ({ id, kind: "filter", config: { predicate } });
const messages = (g: Parameters<typeof validateGraph>[0]) => validateGraph(g).errors;

describe("validateGraph", () => {
  it("accepts a valid graph and infers row types per node and edge", () => {
    const g = graph(
      [seqSource(), filter("f", "id > 3"), { id: "s", kind: "select", config: { columns: [{ name: "", expr: "name" }, { name: "id2", expr: "id * 2" }] } }, collect()],
      ["src->f", "f->s", "s->out"],
    );
    const r = validateGraph(g);
    expect(r.errors).toEqual([]);
    const show = (t: typeof r.rowTypes[string]) => t?.map((c) => `${c.name} ${formatType(c.type)}`);
    expect(show(r.rowTypes.src)).toEqual(["id BIGINT", "name STRING"]);
    expect(show(r.rowTypes.f)).toEqual(["id BIGINT", "name STRING"]);
    expect(show(r.rowTypes.s)).toEqual(["name STRING", "id2 BIGINT"]);
    expect(r.rowTypes.out).toBeUndefined();
    expect(show(r.edgeTypes.e3)).toEqual(["name STRING", "id2 BIGINT"]);
  });

  it("unknown kind", () => {
    expect(messages(graph([seqSource(), { id: "x", kind: "kafka" }, collect()], ["src->out"]))).toEqual([
      { nodeId: "x", message: 'unknown node kind "kafka"' },
    ]);
  });

  it("bad config: zod issues become field paths", () => {
    const errs = messages(graph([
      { id: "src", kind: "datagen", config: { columns: [{ name: "a", type: "INT" }, { name: "b", type: 5 }], rowsPerSecond: -1 } },
      { id: "out", kind: "collect", config: { maxRows: 0 } },
    ], ["src->out"]));
    expect(errs.map((e) => [e.nodeId, e.field])).toEqual([["src", "columns.1.type"], ["src", "rowsPerSecond"], ["out", "maxRows"]]);
  });

  it("semantic config errors are pinned to fields", () => {
    const errs = messages(graph([
      {
        id: "src", kind: "datagen", config: {
          columns: [
            { name: "a", type: "INT", kind: "sequence", start: 1 },
            { name: "a", type: "VARCHR", kind: "random" },
            { name: "c", type: "BOOLEAN", kind: "sequence", start: 1, end: 2 },
            { name: "d", type: "INT", kind: "random", min: 10, max: 1, length: 3 },
            { name: "e", type: "BIGINT", kind: "sequence", start: 1.5, end: 3 },
            { name: "f", type: "TINYINT", kind: "random", min: 0, max: 300 },
            { name: "g", type: "STRING", kind: "sequence", start: 0.5, end: 3 },
          ],
        },
      },
      collect(),
    ], ["src->out"]));
    expect(errs.map((e) => `${e.field}: ${e.message}`)).toEqual([
      "columns.0.end: a sequence needs an end",
      "columns.1.name: duplicate column name \"a\"",
      "columns.1.type: unknown type \"VARCHR\": supported are BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR, STRING, BYTES, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ, INTERVAL, ROW, ARRAY, MAP, MULTISET",
      "columns.2.kind: sequence works for numeric and string columns, not BOOLEAN",
      "columns.3.max: max (1) is below min (10)",
      "columns.3.length: length applies to string columns, not INT",
      "columns.4.start: start must be a whole number for BIGINT",
      "columns.5.max: max must be within -128..127 for TINYINT",
      "columns.6.start: start must be a whole number for STRING",
    ]);
  });

  it("a sequence longer than the documented cap is refused on its end, naming the cap (Flink queues it on the heap)", () => {
    const source = (end: number) => ({ id: "src", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "sequence", start: 1, end }] } });
    expect(messages(graph([source(MAX_SEQUENCE_VALUES), collect()], ["src->out"]))).toEqual([]);
    const errs = messages(graph([source(100_000_000), collect()], ["src->out"]));
    expect(errs).toEqual([{ nodeId: "src", field: "columns.0.end", message: expect.stringContaining("at most 1,000,000 values") }]);
    expect(errs[0]!.message).toContain("this one has 100,000,000");
  });

  it("edges to unknown nodes and ports", () => {
    const g = graph([seqSource(), collect()], ["src->out", "src->ghost", "src:err->out:in2", "out:out->src:in"]);
    expect(messages(g)).toEqual([
      { edgeId: "e2", message: 'edge e2 (src.out → ghost.in): there is no node "ghost"' },
      { edgeId: "e3", nodeId: "src", message: 'edge e3 (src.err → out.in2): node "src" has no output port "err"; its outputs: "out"' },
      { edgeId: "e3", nodeId: "out", message: 'edge e3 (src.err → out.in2): node "out" has no input port "in2"; its inputs: "in"' },
      { edgeId: "e4", nodeId: "out", message: 'edge e4 (out.out → src.in): node "out" has no output port "out"; it has no outputs' },
      { edgeId: "e4", nodeId: "src", message: 'edge e4 (out.out → src.in): node "src" has no input port "in"; it has no inputs' },
    ]);
  });

  it("unconnected input", () => {
    const r = validateGraph(graph([seqSource(), filter("f", "id > 1"), collect()], ["src->out"]));
    expect(r.errors).toEqual([{ nodeId: "f", message: 'input "in" is not connected' }]);
    expect(r.rowTypes.f).toBeUndefined();
  });

  it("more than one edge into one input", () => {
    const g = graph([seqSource("a"), seqSource("b"), collect()], ["a->out", "b->out"]);
    expect(messages(g)).toEqual([{ nodeId: "out", edgeId: "e2", message: 'input "in" has 2 incoming edges; connect only one' }]);
  });

  it("cycle: every node on it names the whole cycle", () => {
    const g = graph([seqSource(), filter("f1", "id > 1"), filter("f2", "id > 2"), filter("f3", "id > 3"), collect()],
      ["f1->f2", "f2->f3", "f3->f1", "f3->out"]);
    const errs = messages(g);
    expect(errs).toContainEqual({ nodeId: "f1", message: "part of a cycle: f1 → f2 → f3 → f1" });
    expect(errs).toContainEqual({ nodeId: "f2", message: "part of a cycle: f1 → f2 → f3 → f1" });
    expect(errs).toContainEqual({ nodeId: "f3", message: "part of a cycle: f1 → f2 → f3 → f1" });
    // the sink behind the cycle gets no error of its own
    expect(errs.filter((e) => e.nodeId === "out")).toEqual([]);
  });

  it("a node feeding itself is a cycle", () => {
    const errs = messages(graph([seqSource(), filter("f", "id > 1"), collect()], ["f->f", "src->out"]));
    expect(errs).toEqual([{ nodeId: "f", message: "part of a cycle: f → f" }]);
  });

  it("no sink", () => {
    expect(messages(graph([seqSource(), filter("f", "id > 1")], ["src->f"]))).toEqual([
      { message: "the pipeline has no sink: add a print, blackhole or collect node" },
    ]);
  });

  it("expression errors carry field and span", () => {
    const g = graph([seqSource(), filter("f", "idd > 1 AND"), { id: "s", kind: "select", config: { columns: [{ name: "x", expr: "nam" }] } }, collect()],
      ["src->f", "src->s", "s->out"]);
    expect(messages(g)).toEqual([
      { nodeId: "f", field: "predicate", message: "expected an expression at 11", span: { start: 11, end: 11 } },
      { nodeId: "s", field: "columns.0.expr", message: 'unknown column "nam"; did you mean "name"?', span: { start: 0, end: 3 } },
    ]);
  });

  it("type mismatch", () => {
    const g = graph([seqSource(), filter("f", "name > 3"), filter("g", "id + 1"), collect()], ["src->f", "f->g", "g->out"]);
    expect(messages(g)).toEqual([
      { nodeId: "f", field: "predicate", message: "cannot compare STRING with INT", span: { start: 0, end: 8 } },
      { nodeId: "g", field: "predicate", message: "predicate must be BOOLEAN, got BIGINT", span: { start: 0, end: 6 } },
    ]);
  });

  it("select: duplicate and missing output names", () => {
    const g = graph([seqSource(), { id: "s", kind: "select", config: { columns: [{ name: "", expr: "id" }, { name: "id", expr: "id + 1" }, { name: "", expr: "id * 2" }] } }, collect()],
      ["src->s", "s->out"]);
    expect(messages(g)).toEqual([
      { nodeId: "s", field: "columns.1.name", message: 'duplicate output column "id" (also column 1)' },
      { nodeId: "s", field: "columns.2.name", message: "name this computed column" },
    ]);
    const empty = graph([seqSource(), { id: "s", kind: "select" }, collect()], ["src->s", "s->out"]);
    expect(messages(empty)).toEqual([{ nodeId: "s", field: "columns", message: "select at least one column" }]);
  });

  it("duplicate node ids", () => {
    expect(messages(graph([seqSource(), seqSource(), collect()], ["src->out"]))).toEqual([
      { nodeId: "src", message: 'node id "src" is used by more than one node' },
    ]);
  });

  it("nodes downstream of a broken node stay quiet", () => {
    const g = graph([seqSource(), { id: "bad", kind: "select", config: { columns: [{ name: "", expr: "nope" }] } }, filter("f2", "also_unknown > 1"), collect()],
      ["src->bad", "bad->f2", "f2->out"]);
    const r = validateGraph(g);
    expect(r.errors.map((e) => e.nodeId)).toEqual(["bad"]);
    expect(r.rowTypes.bad).toBeUndefined();
    expect(r.rowTypes.f2).toBeUndefined();
    expect(r.edgeTypes.e2).toBeUndefined();
  });

  it("a filter with a broken predicate still passes its row type on, so later nodes are checked", () => {
    const g = graph([seqSource(), filter("bad", "nope"), filter("f2", "idd > 1"), collect()], ["src->bad", "bad->f2", "f2->out"]);
    const r = validateGraph(g);
    expect(r.errors.map((e) => [e.nodeId, e.message])).toEqual([
      ["bad", 'unknown column "nope"; did you mean "name"?'],
      ["f2", 'unknown column "idd"; did you mean "id"?'],
    ]);
    expect(r.edgeTypes.e2?.map((c) => c.name)).toEqual(["id", "name"]);
  });

  it("a node version newer than this build is refused", () => {
    const g = graph([seqSource(), { id: "out", kind: "collect", version: 9 }], ["src->out"]);
    expect(messages(g)).toEqual([{ nodeId: "out", message: "saved by a newer StreamCanvas: collect version 9, this one knows up to 1" }]);
  });
});
