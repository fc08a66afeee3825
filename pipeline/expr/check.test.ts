// Type checker tests: Flink-like result types, nullability, NULL typing from context, and errors with spans.
import { describe, expect, it } from "vitest";
import { formatType, type RowType, type } from "../types";
import { analyzeExpr } from "./index";

const row: RowType = [
  { name: "i", type: type("INT") },
  { name: "nn", type: type("INT NOT NULL") },
  { name: "t", type: type("TINYINT NOT NULL") },
  { name: "b", type: type("BIGINT NOT NULL") },
  { name: "d", type: type("DECIMAL(10, 2) NOT NULL") },
  { name: "f", type: type("FLOAT NOT NULL") },
  { name: "x", type: type("DOUBLE") },
  { name: "s", type: type("STRING NOT NULL") },
  { name: "v", type: type("VARCHAR(10)") },
  { name: "ok", type: type("BOOLEAN") },
  { name: "ts", type: type("TIMESTAMP(3)") },
  { name: "day", type: type("DATE") },
  { name: "my col", type: type("INT NOT NULL") },
  { name: "temperature", type: type("DOUBLE NOT NULL") },
];

function typeOf(src: string): string {
  const r = analyzeExpr(src, row);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return formatType(r.type);
}
function errors(src: string) {
  const r = analyzeExpr(src, row);
  if (r.ok) throw new Error(`expected errors for ${src}`);
  return r.errors;
}

describe("result types", () => {
  it.each([
    ["nn + 1", "INT NOT NULL"],
    ["i + 1", "INT"],
    ["t + t", "TINYINT NOT NULL"],
    ["nn + b", "BIGINT NOT NULL"],
    ["b / 2", "BIGINT NOT NULL"],
    ["b % 3", "INT NOT NULL"],
    ["nn * 1.5", "DECIMAL(13, 1) NOT NULL"],
    ["d + d", "DECIMAL(11, 2) NOT NULL"],
    ["d - 1", "DECIMAL(13, 2) NOT NULL"],
    ["d * d", "DECIMAL(21, 4) NOT NULL"],
    ["d / d", "DECIMAL(23, 13) NOT NULL"],
    ["d / nn", "DECIMAL(21, 13) NOT NULL"],
    ["d % 3", "DECIMAL(10, 2) NOT NULL"],
    ["CAST(d AS DECIMAL(38, 10)) * d", "DECIMAL(38, 6) NOT NULL"],
    ["d + f", "DOUBLE NOT NULL"],
    ["nn + f", "FLOAT NOT NULL"],
    ["x * 2", "DOUBLE"],
    ["nn * 1e3", "DOUBLE NOT NULL"],
    ["-d", "DECIMAL(10, 2) NOT NULL"],
    ["nn > 1", "BOOLEAN NOT NULL"],
    ["i > 1", "BOOLEAN"],
    ["nn = d", "BOOLEAN NOT NULL"],
    ["s = v", "BOOLEAN"],
    ["ts > day", "BOOLEAN"],
    ["ok AND nn > 1", "BOOLEAN"],
    ["NOT ok", "BOOLEAN"],
    ["i IS NULL", "BOOLEAN NOT NULL"],
    ["x IS NOT NULL", "BOOLEAN NOT NULL"],
    ["UPPER(s)", "STRING NOT NULL"],
    ["LOWER(v)", "VARCHAR(10)"],
    ["TRIM(s)", "STRING NOT NULL"],
    ["CHAR_LENGTH(s)", "INT NOT NULL"],
    ["CHAR_LENGTH(v)", "INT"],
    ["CONCAT(s, 'x', s)", "STRING NOT NULL"],
    ["CONCAT(s, v)", "STRING"],
    ["CAST(nn AS STRING)", "STRING NOT NULL"],
    ["CAST(i AS BIGINT)", "BIGINT"],
    ["CAST(s AS INT)", "INT NOT NULL"],
    ["CAST(ts AS DATE)", "DATE"],
    ["CAST(ok AS INT)", "INT"],
    ["`my col` * 2", "INT NOT NULL"],
  ])("%s : %s", (src, want) => expect(typeOf(src)).toBe(want));
});

describe("NULL takes its type from context", () => {
  it("in comparisons and arithmetic", () => {
    const r = analyzeExpr("nn = NULL", row);
    expect(r.ok && r.expr).toEqual({
      kind: "call", fn: "isEqual", args: [{ kind: "col", name: "nn" }, { kind: "lit", value: null, type: "INT" }],
    });
    expect(typeOf("NULL + d")).toBe("DECIMAL(11, 2)");
  });
  it("in string functions and CAST", () => {
    expect(typeOf("CONCAT(s, NULL)")).toBe("STRING");
    const r = analyzeExpr("CAST(NULL AS DOUBLE)", row);
    expect(r.ok && r.expr).toEqual({ kind: "cast", expr: { kind: "lit", value: null, type: "DOUBLE" }, type: "DOUBLE" });
    expect(typeOf("ok OR NULL")).toBe("BOOLEAN");
  });
  it("is an error where nothing says what it is", () => {
    expect(errors("NULL")[0]!.message).toMatch(/CAST\(NULL AS <type>\)/);
    expect(errors("NULL = NULL")[0]!.message).toMatch(/cannot tell the type of NULL/);
    expect(errors("NULL IS NULL")[0]!.span).toEqual({ start: 0, end: 4 });
  });
});

describe("errors", () => {
  it("unknown column with the closest name", () => {
    expect(errors("temperatur > 3")).toEqual([{ message: 'unknown column "temperatur"; did you mean "temperature"?', span: { start: 0, end: 10 } }]);
    expect(errors("1 + Temperature")[0]!.message).toBe('unknown column "Temperature"; did you mean "temperature"?');
    expect(errors("`my  col` + 1")[0]!.message).toBe('unknown column "my  col"; did you mean "my col"?');
  });
  it("unknown column without a near name lists the columns", () => {
    expect(errors("zzzzzzzz = 1")[0]!.message).toMatch(/^unknown column "zzzzzzzz"; columns are "i", "nn", /);
    expect(analyzeExpr("a", [])).toEqual({ ok: false, errors: [{ message: 'unknown column "a"; the input has no columns', span: { start: 0, end: 1 } }] });
  });
  it("reports every unknown column, not just the first", () => {
    expect(errors("aa + bb").map((e) => e.span)).toEqual([{ start: 0, end: 2 }, { start: 5, end: 7 }]);
  });
  it.each([
    ["nn = s", "cannot compare INT with STRING", 0, 6],
    ["ok < 1", "cannot compare BOOLEAN with INT", 0, 6],
    ["s + s", 'cannot apply "+" to STRING and STRING; use CONCAT to join strings', 0, 5],
    ["1 + (ok * 2)", 'cannot apply "*" to BOOLEAN and INT', 4, 12],
    ["x % 2", '"%" needs integer or DECIMAL operands, got DOUBLE and INT', 0, 5],
    ["nn AND ok", "AND needs BOOLEAN operands, got INT", 0, 2],
    ["NOT s", "NOT needs BOOLEAN operands, got STRING", 4, 5],
    ["UPPER(nn)", "UPPER needs strings, but its argument is INT; use CAST(… AS STRING)", 6, 8],
    ["CONCAT(s, nn)", "CONCAT needs strings, but argument 2 is INT; use CAST(… AS STRING)", 10, 12],
    ["-s", "cannot negate STRING", 0, 2],
    ["CAST(day AS INT)", "cannot CAST DATE to INT", 0, 16],
    ["ts + 1", 'cannot apply "+" to TIMESTAMP(3) and INT', 0, 6],
  ])("%s", (src, message, start, end) => {
    expect(errors(src)).toEqual([{ message, span: { start, end } }]);
  });
  it("does not pile errors onto expressions that contain a broken part", () => {
    expect(errors("UPPER(nope) = 1 AND 2")).toHaveLength(1);
  });
  it("passes parse errors through with their span", () => {
    expect(analyzeExpr("nn +", row)).toEqual({ ok: false, errors: [{ message: "expected an expression at 4", span: { start: 4, end: 4 } }] });
  });
});
