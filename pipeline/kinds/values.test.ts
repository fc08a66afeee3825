// values source: cells read as literals of their column's type, errors pinned to rows.<r>.<c> and columns.<i>.<field>.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { formatType } from "../types";
import { validateGraph } from "../validate";
import { readCell } from "./value-cells";
import { type } from "../types";

const values = (columns: { name: string; type: string }[], rows: string[][]) =>
  graph([{ id: "v", kind: "values", config: { columns, rows } }, { id: "out", kind: "collect" }], ["v->out"]);
const errors = (g: ReturnType<typeof values>) => validateGraph(g).errors.map((e) => [e.field, e.message]);

describe("values", () => {
  it("infers the declared row type and encodes cells for the IR", () => {
    const g = values([{ name: "n", type: "BIGINT NOT NULL" }, { name: "t", type: "TIMESTAMP(3)" }, { name: "s", type: "STRING" }],
      [["-5", "'2024-01-31 12:00:00.5'", "'it''s'"], ["7", "NULL", "NULL"]]);
    const r = validateGraph(g);
    expect(r.errors).toEqual([]);
    expect(r.rowTypes.v!.map((c) => formatType(c.type))).toEqual(["BIGINT NOT NULL", "TIMESTAMP(3)", "STRING"]);
    const c = compile(g);
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    expect(c.program.statements[0]).toMatchObject({ op: "fromValues", rows: [["-5", "2024-01-31T12:00:00.5", "it's"], ["7", null, null]] });
  });

  it("pins bad cells to their row and column", () => {
    const g = values([{ name: "n", type: "INT NOT NULL" }, { name: "d", type: "DECIMAL(5, 2)" }],
      [["1.5", "1.234"], ["NULL", "'x'"], ["2147483648", "1000"], ["n + 1", "1"]]);
    expect(errors(g)).toEqual([
      ["rows.0.0", "n: INT takes a whole number, got 1.5"],
      ["rows.0.1", "d: 1.234 has more than 2 decimal places for DECIMAL(5, 2)"],
      ["rows.1.0", "n: NULL in a column of type INT NOT NULL"],
      ["rows.1.1", "d: expected a number for DECIMAL(5, 2)"],
      ["rows.2.0", "n: 2147483648 is out of range for INT (-2147483648..2147483647)"],
      ["rows.2.1", "d: 1000 does not fit DECIMAL(5, 2)"],
      ["rows.3.0", "n: a cell holds a literal, not an expression: write a number, 'text' in single quotes, TRUE, FALSE or NULL"],
    ]);
  });

  it("reports rows with the wrong number of cells, bad types and duplicate names", () => {
    expect(errors(values([{ name: "a", type: "INT" }, { name: "b", type: "INT" }], [["1"]]))).toEqual([["rows.0", "row 1 has 1 cells for 2 columns"]]);
    expect(errors(values([{ name: "a", type: "INTEGR" }, { name: "a", type: "INT" }], [["1", "2"]])).map((e) => e[0]))
      .toEqual(["columns.0.type", "columns.1.name"]);
    expect(errors(values([{ name: "a", type: "INT" }], []))).toEqual([["rows", "add at least one row"]]);
  });

  it("reads dates, times and text limits strictly", () => {
    expect(readCell("'2023-02-29'", type("DATE")).ok).toBe(false);
    expect(readCell("'2024-02-29'", type("DATE"))).toEqual({ ok: true, value: "2024-02-29" });
    expect(readCell("'12:00:00.123'", type("TIME(0)")).ok).toBe(false);
    expect(readCell("'2024-01-01 00:00:00'", type("TIMESTAMP_LTZ(3)"))).toEqual({ ok: true, value: "2024-01-01T00:00:00Z" });
    expect(readCell("'abc'", type("VARCHAR(2)")).ok).toBe(false);
    expect(readCell("1e3", type("DOUBLE"))).toEqual({ ok: true, value: "1e3" });
    expect(readCell("1", type("BOOLEAN")).ok).toBe(false);
    expect(readCell("'1'", type("INT")).ok).toBe(false);
  });
});
