// Nested ROW / ARRAY / MAP columns across node kinds: where they may come from, and the checks that compare them.
import { describe, expect, it } from "vitest";
import { graph } from "../testing/graphs";
import { formatType } from "../types";
import { validateGraph } from "../validate";

const files = (id: string, format: string, columns: [string, string][]) => ({
  id, kind: "filesystem-source", config: { path: `in/${id}.jsonl`, format, columns: columns.map(([name, type]) => ({ name, type })) },
});
const errs = (g: ReturnType<typeof graph>) => validateGraph(g).errors.map((e) => [e.nodeId, e.field, e.message]);
const collected = (node: { id: string; kind: string; config: Record<string, unknown> }) => graph([node, { id: "out", kind: "collect" }], [`${node.id}->out`]);

describe("nested columns", () => {
  it("a JSON files source declares them, printed back in Flink's syntax", () => {
    const g = collected(files("ev", "json", [["p", "row<a int, `b c` array<bigint not null>>"], ["m", "MAP<STRING, DOUBLE>"]]));
    expect(errs(g)).toEqual([]);
    expect(validateGraph(g).rowTypes.ev!.map((c) => `${c.name} ${formatType(c.type)}`)).toEqual([
      "p ROW<`a` INT, `b c` ARRAY<BIGINT NOT NULL>>", "m MAP<STRING, DOUBLE>",
    ]);
  });

  it("a bad nested type is pinned to the node and column, a CSV source refuses nested columns", () => {
    expect(errs(collected(files("ev", "json", [["p", "ROW<a INT"]])))).toEqual([
      ["ev", "columns.0.type", 'column "p": cannot read type "ROW<a INT": expected , or > at the end'],
    ]);
    expect(errs(collected(files("ev", "csv", [["id", "INT"], ["tags", "ARRAY<STRING>"]])))).toEqual([
      ["ev", "columns.1.type", 'column "tags": CSV files hold no nested ARRAY values; use the JSON format'],
    ]);
  });

  it("datagen generates them at random, with no min / max / length and no sequence", () => {
    const dg = (column: Record<string, unknown>) => collected({ id: "dg", kind: "datagen", config: { columns: [{ name: "n", ...column }], numberOfRows: 3 } });
    expect(errs(dg({ type: "ROW<`id` BIGINT, `tags` ARRAY<STRING>>", kind: "random" }))).toEqual([]);
    expect(errs(dg({ type: "MAP<INT, DOUBLE>", kind: "random", min: 1 }))).toEqual([["dg", "columns.0.min", "min/max apply to numeric columns, not MAP<INT, DOUBLE>"]]);
    expect(errs(dg({ type: "ARRAY<INT>", kind: "sequence", start: 1, end: 2 }))).toEqual([
      ["dg", "columns.0.kind", "sequence works for numeric and string columns, not ARRAY<INT>"],
    ]);
  });

  it("a values cell of a nested type can only be NULL", () => {
    const g = collected({ id: "v", kind: "values", config: { columns: [{ name: "a", type: "ARRAY<INT>" }], rows: [["NULL"], ["1"]] } });
    expect(errs(g)).toEqual([["v", "rows.1.0", "a: a cell of type ARRAY<INT> can only be NULL here; read nested values from a JSON-lines Files source"]]);
  });

  it("join keys compare nested types structurally, nested nullability included", () => {
    const join = (right: string) => graph([
      files("l", "json", [["k", "ROW<a INT, b ARRAY<STRING>>"]]), files("r", "json", [["k2", right]]),
      { id: "j", kind: "join", config: { keys: [{ left: "k", right: "k2" }] } }, { id: "out", kind: "collect" },
    ], ["l->j:left", "r->j:right", "j->out"]);
    expect(errs(join("ROW<`a` INT, `b` ARRAY<STRING>> NOT NULL"))).toEqual([]);
    expect(errs(join("ROW<a INT, b ARRAY<STRING NOT NULL>>"))).toEqual([["j", "keys.0.right",
      'join keys of different types: left "k" is ROW<`a` INT, `b` ARRAY<STRING>>, right "k2" is ROW<`a` INT, `b` ARRAY<STRING NOT NULL>>; CAST one side in a select first']]);
  });

  it("aggregates other than counts refuse them", () => {
    const agg = (fn: string) => graph([files("ev", "json", [["k", "INT"], ["p", "ROW<a INT>"]]),
      { id: "g", kind: "group-aggregate", config: { keys: ["k"], aggregates: [{ fn, column: "p", as: "x" }] } }, { id: "out", kind: "collect" }],
    ["ev->g", "g->out"]);
    expect(errs(agg("count"))).toEqual([]);
    expect(errs(agg("max"))).toEqual([["g", "aggregates.0.column", 'max needs a scalar (not ROW / ARRAY / MAP / MULTISET) column; "p" is ROW<`a` INT>']]);
  });

  it("comparisons in expressions need equal nested types", () => {
    const f = (predicate: string) => graph([files("ev", "json", [["p", "ROW<a INT>"], ["q", "ROW<a BIGINT>"], ["r", "ROW<a INT> NOT NULL"]]),
      { id: "f", kind: "filter", config: { predicate } }, { id: "out", kind: "collect" }], ["ev->f", "f->out"]);
    expect(errs(f("p = r"))).toEqual([]);
    expect(errs(f("p = q"))[0]?.[2]).toMatch(/cannot compare ROW<`a` INT> with ROW<`a` BIGINT>/);
    expect(errs(f("p IS NOT NULL"))).toEqual([]);
  });
});
