// Row transforms of issue 3 (add/rename/drop columns, union, distinct, group-aggregate): row types and pinned errors.
import { describe, expect, it } from "vitest";
import { graph } from "../testing/graphs";
import { formatType } from "../types";
import { validateGraph } from "../validate";

const src = (id: string, columns: [string, string][]) => ({
  id, kind: "values", config: { columns: columns.map(([name, type]) => ({ name, type })), rows: [columns.map(([, t]) => (t.includes("NOT NULL") ? "1" : "NULL"))] },
});
const orders = src("src", [["id", "BIGINT"], ["city", "STRING"], ["price", "DECIMAL(10, 2)"], ["qty", "INT"]]);
const one = (kind: string, config: Record<string, unknown>) =>
  validateGraph(graph([orders, { id: "n", kind, config }, { id: "out", kind: "collect" }], ["src->n", "n->out"]));
const show = (r: ReturnType<typeof one>) => r.rowTypes.n?.map((c) => `${c.name} ${formatType(c.type)}`);
const errs = (r: ReturnType<typeof one>) => r.errors.map((e) => [e.nodeId, e.field, e.message]);

describe("add-columns", () => {
  it("appends typed computed columns", () => {
    const r = one("add-columns", { columns: [{ name: "total", expr: "price * qty" }, { name: "big", expr: "qty > 3" }] });
    expect(r.errors).toEqual([]);
    expect(show(r)).toEqual(["id BIGINT", "city STRING", "price DECIMAL(10, 2)", "qty INT", "total DECIMAL(21, 2)", "big BOOLEAN"]);
  });
  it("rejects existing names, empty names and bad expressions", () => {
    const r = one("add-columns", { columns: [{ name: "city", expr: "1" }, { name: "", expr: "2" }, { name: "x", expr: "qty + city" }] });
    expect(errs(r).map((e) => e[1])).toEqual(["columns.0.name", "columns.1.name", "columns.2.expr"]);
    expect(errs(r)[0]![2]).toBe('the input already has a column "city"');
  });
});

describe("rename-columns and drop-columns", () => {
  it("renames in place and drops, keeping order", () => {
    expect(show(one("rename-columns", { renames: [{ from: "city", to: "the `town`" }] })))
      .toEqual(["id BIGINT", "the `town` STRING", "price DECIMAL(10, 2)", "qty INT"]);
    expect(show(one("drop-columns", { columns: ["price", "id"] }))).toEqual(["city STRING", "qty INT"]);
  });
  it("pins unknown columns with a suggestion, and collisions", () => {
    expect(errs(one("rename-columns", { renames: [{ from: "cty", to: "c" }] })))
      .toEqual([["n", "renames.0.from", 'unknown column "cty"; did you mean "city"?']]);
    expect(errs(one("rename-columns", { renames: [{ from: "city", to: "id" }] })))
      .toEqual([["n", "renames.0.to", 'two columns would be named "id"']]);
    expect(errs(one("drop-columns", { columns: ["qty", "nope"] })).map((e) => e[1])).toEqual(["columns.1"]);
    expect(errs(one("drop-columns", { columns: ["id", "city", "price", "qty"] })))
      .toEqual([["n", "columns", "this would drop every column; keep at least one"]]);
  });
});

describe("union", () => {
  const union = (left: [string, string][], right: [string, string][]) => validateGraph(graph(
    [src("a", left), src("b", right), { id: "n", kind: "union" }, { id: "out", kind: "collect" }],
    ["a->n:left", "b->n:right", "n->out"],
  ));
  it("takes the left names and the common type per position", () => {
    const r = union([["k", "VARCHAR(3)"], ["n", "INT NOT NULL"]], [["key", "VARCHAR(10)"], ["m", "BIGINT NOT NULL"]]);
    expect(r.errors).toEqual([]);
    expect(show(r)).toEqual(["k VARCHAR(10)", "n BIGINT NOT NULL"]);
  });
  it("pins incompatible inputs to the node", () => {
    expect(errs(union([["k", "STRING"]], [["k", "INT"]]))).toEqual([[
      "n", undefined, 'column 1: left "k" is STRING, right "k" is INT; they have no common type (CAST one side in a select first)',
    ]]);
    expect(errs(union([["k", "STRING"]], [["k", "STRING"], ["x", "INT"]])))
      .toEqual([["n", undefined, "inputs have 1 and 2 columns; a union needs the same number"]]);
  });
});

describe("distinct and group-aggregate", () => {
  it("distinct keeps the row type", () => {
    expect(show(one("distinct", {}))).toEqual(["id BIGINT", "city STRING", "price DECIMAL(10, 2)", "qty INT"]);
  });
  it("types keys and aggregates as Flink does", () => {
    const r = one("group-aggregate", { keys: ["city"], aggregates: [
      { fn: "count", column: "id", as: "n" }, { fn: "sum", column: "price", as: "" }, { fn: "avg", column: "price", as: "a" },
      { fn: "avg", column: "qty", as: "q" }, { fn: "max", column: "city", as: "m" },
    ] });
    expect(r.errors).toEqual([]);
    expect(show(r)).toEqual(["city STRING", "n BIGINT NOT NULL", "sum_price DECIMAL(38, 2)", "a DECIMAL(38, 6)", "q INT", "m STRING"]);
  });
  it("pins sum/avg of a non-numeric column to the aggregate's column field", () => {
    const r = one("group-aggregate", { keys: ["cty"], aggregates: [{ fn: "sum", column: "city", as: "s" }, { fn: "count", column: "id", as: "city" }] });
    expect(errs(r)).toEqual([
      ["n", "keys.0", 'unknown column "cty"; did you mean "city"?'],
      ["n", "aggregates.0.column", 'sum needs a numeric column; "city" is STRING'],
    ]);
    const dup = one("group-aggregate", { keys: ["city"], aggregates: [{ fn: "count", column: "id", as: "city" }] });
    expect(errs(dup)).toEqual([["n", "aggregates.0.as", 'duplicate output column "city"']]);
    expect(errs(one("group-aggregate", { keys: [], aggregates: [] }))).toEqual([["n", "aggregates", "add at least one aggregate"]]);
  });
});
