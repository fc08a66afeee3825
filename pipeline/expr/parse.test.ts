// Parser tests: precedence, literal typing, quoting and escaping, error positions, and print → parse round trips.
import { describe, expect, it } from "vitest";
import type { Expr } from "./ast";
import { parseExpr } from "./parse";
import { printExpr } from "./print";

function parse(src: string): Expr {
  const r = parseExpr(src);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}
function error(src: string) {
  const r = parseExpr(src);
  if (r.ok) throw new Error(`expected a parse error for ${src}`);
  return r.error;
}
/** Fully parenthesised rendering, so tests state the tree shape compactly. */
function shape(e: Expr): string {
  switch (e.kind) {
    case "col": return e.name;
    case "lit": return e.value === null ? "NULL" : String(e.value);
    case "cast": return `cast(${shape(e.expr)}, ${e.type})`;
    case "call": return `${e.fn}(${e.args.map(shape).join(", ")})`;
  }
}

describe("precedence and associativity", () => {
  it.each([
    ["a + b * c", "plus(a, times(b, c))"],
    ["a * b + c", "plus(times(a, b), c)"],
    ["a - b - c", "minus(minus(a, b), c)"],
    ["a / b * c % d", "mod(times(dividedBy(a, b), c), d)"],
    ["(a + b) * c", "times(plus(a, b), c)"],
    ["-a * b", "times(negative(a), b)"],
    ["a OR b AND c", "or(a, and(b, c))"],
    ["a AND b OR c AND d", "or(and(a, b), and(c, d))"],
    ["NOT a AND b", "and(not(a), b)"],
    ["NOT a = b", "not(isEqual(a, b))"],
    ["a + 1 > b * 2 AND c <> d", "and(isGreater(plus(a, 1), times(b, 2)), isNotEqual(c, d))"],
    ["a != b", "isNotEqual(a, b)"],
    ["a <= b OR a >= b OR a < b", "or(or(isLessOrEqual(a, b), isGreaterOrEqual(a, b)), isLess(a, b))"],
    ["a IS NULL OR b IS NOT NULL", "or(isNull(a), isNotNull(b))"],
    ["NOT a IS NULL", "not(isNull(a))"],
    ["a + 1 IS NULL", "isNull(plus(a, 1))"],
    ["a and b or not c", "or(and(a, b), not(c))"],
  ])("%s", (src, want) => expect(shape(parse(src))).toBe(want));
});

describe("literals", () => {
  const lit = (src: string) => parse(src) as Extract<Expr, { kind: "lit" }>;
  it.each([
    ["42", "42", "INT NOT NULL"],
    ["2147483647", "2147483647", "INT NOT NULL"],
    ["2147483648", "2147483648", "BIGINT NOT NULL"],
    ["-2147483648", "-2147483648", "INT NOT NULL"],
    ["9223372036854775807", "9223372036854775807", "BIGINT NOT NULL"],
    ["9223372036854775808", "9223372036854775808", "DECIMAL(19, 0) NOT NULL"],
    ["1.50", "1.50", "DECIMAL(3, 2) NOT NULL"],
    ["0.05", "0.05", "DECIMAL(2, 2) NOT NULL"],
    [".5", "0.5", "DECIMAL(1, 1) NOT NULL"],
    ["-12.345", "-12.345", "DECIMAL(5, 3) NOT NULL"],
    ["1e3", "1e3", "DOUBLE NOT NULL"],
    ["2.5E-3", "2.5E-3", "DOUBLE NOT NULL"],
    ["007", "7", "INT NOT NULL"],
  ])("%s → %s %s", (src, value, type) => expect(lit(src)).toEqual({ kind: "lit", value, type }));

  it("strings, with '' standing for one quote", () => {
    expect(lit("'it''s'")).toEqual({ kind: "lit", value: "it's", type: "STRING NOT NULL" });
    expect(lit("''")).toEqual({ kind: "lit", value: "", type: "STRING NOT NULL" });
  });
  it("TRUE, FALSE and NULL in any case", () => {
    expect(lit("true")).toEqual({ kind: "lit", value: true, type: "BOOLEAN NOT NULL" });
    expect(lit("False")).toEqual({ kind: "lit", value: false, type: "BOOLEAN NOT NULL" });
    expect(lit("null")).toEqual({ kind: "lit", value: null, type: "NULL" });
  });
  it("rejects numbers beyond DECIMAL(38)", () => {
    expect(error("1" + "0".repeat(40)).message).toMatch(/more than 38 digits/);
  });
});

describe("identifiers", () => {
  it.each([
    ["`my col`", "my col"],
    ["`back``tick`", "back`tick"],
    ["`it's`", "it's"],
    ["température", "température"],
    ["名前", "名前"],
    ["`AND`", "AND"],
    ["_x1", "_x1"],
  ])("%s", (src, name) => expect(parse(src)).toEqual({ kind: "col", name }));

  it("keeps the case of column names", () => expect(parse("Temp")).toEqual({ kind: "col", name: "Temp" }));
});

describe("functions and CAST", () => {
  it("maps SQL names to Flink methods, case-insensitively", () => {
    expect(shape(parse("upper(a)"))).toBe("upperCase(a)");
    expect(shape(parse("Lower(a)"))).toBe("lowerCase(a)");
    expect(shape(parse("CHAR_LENGTH(a)"))).toBe("charLength(a)");
    expect(shape(parse("trim(a)"))).toBe("trim(a)");
    expect(shape(parse("CONCAT(a, 'x', b, c)"))).toBe("concat(a, x, b, c)");
  });
  it("normalises CAST target types", () => {
    expect(parse("CAST(a AS decimal(10,2))")).toEqual({ kind: "cast", expr: { kind: "col", name: "a" }, type: "DECIMAL(10, 2)" });
    expect(parse("cast(a as integer)")).toEqual({ kind: "cast", expr: { kind: "col", name: "a" }, type: "INT" });
    expect(parse("CAST(a AS VARCHAR(20) NOT NULL)")).toEqual({ kind: "cast", expr: { kind: "col", name: "a" }, type: "VARCHAR(20)" });
  });
});

describe("errors carry exact 0-based spans", () => {
  it.each([
    ["(a + 1", 'expected ")" at 6', 6, 6],
    ["a +", "expected an expression at 3", 3, 3],
    ["a + * b", 'expected an expression at 4, found "*"', 4, 5],
    ["'abc", "unterminated string starting at 0", 0, 4],
    ["a = `x", "unterminated quoted column name starting at 4", 4, 6],
    ["a # b", 'unexpected character "#" at 2', 2, 3],
    ["a b", 'unexpected "b" at 2', 2, 3],
    ["FOO(a)", "unknown function FOO at 0;", 0, 3],
    ["UPPR(a)", "unknown function UPPR at 0; did you mean UPPER?", 0, 4],
    ["UPPER(a, b)", "UPPER takes 1 argument, got 2", 0, 11],
    ["CAST(a AS BLOB)", 'unknown type "BLOB"', 10, 14],
    ["CAST(a INT)", "expected AS at 7", 7, 10],
    ["CAST(a AS INT", 'expected ")" at 13', 13, 13],
    ["a IS 5", "expected NULL, TRUE, FALSE, JSON or DISTINCT FROM at 5", 5, 6],
    ["a AND", "expected an expression at 5", 5, 5],
    ["", "expression is empty", 0, 0],
    ["``", "empty column name at 0", 0, 2],
    ["a = AS", "expected an expression at 4, found keyword AS", 4, 6],
  ])("%s", (src, message, start, end) => {
    const e = error(src);
    expect(e.message.startsWith(message), e.message).toBe(true);
    expect(e.span).toEqual({ start, end });
  });

  it("hints at backticks for double-quoted names", () => {
    expect(error('"my col" > 1').message).toMatch(/backticks/);
  });

  it("counts offsets in UTF-16 units, as JavaScript strings and editors do", () => {
    expect(error("名前 + #").span).toEqual({ start: 5, end: 6 });
  });
});

describe("printer round trip: parse(print(e)) equals e", () => {
  it.each([
    "a + b * c",
    "(a + b) * c",
    "a - (b - c)",
    "a - -5",
    "-(a + b)",
    "-(-a)",
    "NOT (a AND b)",
    "NOT a = b",
    "(a = b) IS NULL",
    "(a OR b) AND c",
    "`my col` + `back``tick` * 2",
    "CONCAT('it''s', `名前`, NULL)",
    "CAST(CAST(a AS DECIMAL(10, 2)) * 1.50 AS STRING) IS NOT NULL",
    "UPPER(TRIM(LOWER(s))) = 'X' OR CHAR_LENGTH(s) >= 3",
    "a < 1e3 AND b > 2.5E-3",
    "x = -9223372036854775808",
    "`AND` = `select` OR `1a` = `a b`",
  ])("%s", (src) => {
    const e = parse(src);
    expect(parse(printExpr(e))).toEqual(e);
  });

  it("prints minimal parentheses", () => {
    expect(printExpr(parse("((a + (b * c)))"))).toBe("a + b * c");
    expect(printExpr(parse("a - (b - c)"))).toBe("a - (b - c)");
    expect(printExpr(parse("(a AND b) OR c"))).toBe("a AND b OR c");
  });

  it("keeps literal types that the bare text would lose by wrapping them in CAST", () => {
    const e: Expr = { kind: "lit", value: "5", type: "BIGINT NOT NULL" };
    expect(printExpr(e)).toBe("CAST(5 AS BIGINT)");
    expect(printExpr({ kind: "lit", value: "1.5", type: "DOUBLE NOT NULL" })).toBe("1.5e0");
    expect(printExpr({ kind: "lit", value: null, type: "INT" })).toBe("CAST(NULL AS INT)");
  });
});
