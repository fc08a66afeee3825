// Expression printing: literals keep their exact IR type in Java and SQL, operators print as the runner maps them.
import { describe, expect, it } from "vitest";
import type { Expr } from "../expr/ast";
import { parseExpr } from "../expr/parse";
import { lexSql } from "./testing/lexers";
import { javaExpr, newUses } from "./java-expr";
import { CodegenError } from "./literal";
import { sqlExpr } from "./sql-expr";

const lit = (value: string | boolean | null, type: string): Expr => ({ kind: "lit", value, type });
const parsed = (text: string): Expr => {
  const r = parseExpr(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};
const java = (e: Expr) => javaExpr(e, newUses());

describe("literals", () => {
  const cases: [Expr, string, string][] = [
    [lit("5", "INT NOT NULL"), "lit(5)", "5"],
    [lit("-2147483648", "INT NOT NULL"), "lit(-2147483648)", "(-2147483648)"],
    [lit("5", "BIGINT NOT NULL"), "lit(5L)", "CAST(5 AS BIGINT)"],
    [lit("5000000000", "BIGINT NOT NULL"), "lit(5000000000L)", "5000000000"],
    [lit("-9223372036854775808", "BIGINT NOT NULL"), "lit(-9223372036854775808L)", "(-9223372036854775808)"],
    [lit("7", "TINYINT NOT NULL"), "lit((byte) 7)", "CAST(7 AS TINYINT)"],
    [lit("-7", "SMALLINT"), "lit((short) -7)", "CAST((-7) AS SMALLINT)"],
    [lit("1.5", "DECIMAL(3, 2) NOT NULL"), 'lit(new BigDecimal("1.50"), DataTypes.DECIMAL(3, 2).notNull())', "1.50"],
    [lit("1.5", "DECIMAL(10, 2)"), 'lit(new BigDecimal("1.50"), DataTypes.DECIMAL(10, 2).notNull())', "CAST(1.50 AS DECIMAL(10, 2))"],
    [lit("-0.05", "DECIMAL(2, 2) NOT NULL"), 'lit(new BigDecimal("-0.05"), DataTypes.DECIMAL(2, 2).notNull())', "(-0.05)"],
    [lit("1e1", "DOUBLE NOT NULL"), "lit(1E1d)", "1E1"],
    [lit("2.5", "DOUBLE NOT NULL"), "lit(2.5d)", "2.5E0"],
    [lit("2.5", "FLOAT NOT NULL"), "lit(2.5f)", "CAST(2.5E0 AS FLOAT)"],
    [lit(true, "BOOLEAN NOT NULL"), "lit(true)", "TRUE"],
    [lit("abc", "STRING NOT NULL"), 'lit("abc", DataTypes.STRING().notNull())', "CAST('abc' AS STRING)"],
    [lit("abc", "CHAR(3) NOT NULL"), 'lit("abc", DataTypes.CHAR(3).notNull())', "'abc'"],
    [lit(null, "STRING"), "nullOf(DataTypes.STRING())", "CAST(NULL AS STRING)"],
    [lit(null, "DECIMAL(10, 2)"), "nullOf(DataTypes.DECIMAL(10, 2))", "CAST(NULL AS DECIMAL(10, 2))"],
    [lit("2024-02-29", "DATE NOT NULL"), 'lit(LocalDate.parse("2024-02-29"), DataTypes.DATE().notNull())', "DATE '2024-02-29'"],
    [lit("2024-02-29T12:30", "TIMESTAMP(3)"), 'lit(LocalDateTime.parse("2024-02-29T12:30"), DataTypes.TIMESTAMP(3).notNull())',
      "CAST(TIMESTAMP '2024-02-29 12:30:00' AS TIMESTAMP(3))"],
  ];
  for (const [e, j, s] of cases) {
    it(`${JSON.stringify(e.kind === "lit" ? e.value : "")} ${e.kind === "lit" ? e.type : ""}`, () => {
      expect(java(e)).toBe(j);
      expect(sqlExpr(e)).toBe(s);
    });
  }

  it("refuses what the runner refuses: NULL of a NOT NULL type, too many decimal places, a TIMESTAMP_LTZ in SQL", () => {
    expect(() => java(lit(null, "INT NOT NULL"))).toThrow(CodegenError);
    expect(() => sqlExpr(lit("1.005", "DECIMAL(5, 2)"))).toThrow(/decimal places/);
    expect(java(lit("2024-01-01T00:00:00Z", "TIMESTAMP_LTZ(3)"))).toBe('lit(Instant.parse("2024-01-01T00:00:00Z"), DataTypes.TIMESTAMP_LTZ(3).notNull())');
    expect(() => sqlExpr(lit("2024-01-01T00:00:00Z", "TIMESTAMP_LTZ(3)"))).toThrow(CodegenError);
  });
});

describe("operators and functions", () => {
  const cases: [string, string, string][] = [
    ["a + 1 * b", '$("a").plus(lit(1).times($("b")))', "(`a` + (1 * `b`))"],
    ["(a - b) / c % 2", '$("a").minus($("b")).dividedBy($("c")).mod(lit(2))', "MOD(((`a` - `b`) / `c`), 2)"],
    ["-a", 'negative($("a"))', "(- `a`)"],
    ["a - -1", '$("a").minus(lit(-1))', "(`a` - (-1))"],
    ["NOT (a > 1 AND b <> 2 OR c IS NULL)", '$("a").isGreater(lit(1)).and($("b").isNotEqual(lit(2))).or($("c").isNull()).not()',
      "(NOT (((`a` > 1) AND (`b` <> 2)) OR (`c` IS NULL)))"],
    ["a <= 1 AND a >= 0 AND a < 5 AND a = 3 AND s IS NOT NULL", '$("a").isLessOrEqual(lit(1)).and($("a").isGreaterOrEqual(lit(0))).and($("a").isLess(lit(5))).and($("a").isEqual(lit(3))).and($("s").isNotNull())',
      "(((((`a` <= 1) AND (`a` >= 0)) AND (`a` < 5)) AND (`a` = 3)) AND (`s` IS NOT NULL))"],
    ["UPPER(LOWER(TRIM(s)))", '$("s").trim().lowerCase().upperCase()', "UPPER(LOWER(TRIM(`s`)))"],
    ["CHAR_LENGTH(CONCAT(s, 'x', s))", '$("s").concat(lit("x", DataTypes.STRING().notNull())).concat($("s")).charLength()',
      "CHAR_LENGTH(CONCAT(`s`, CAST('x' AS STRING), `s`))"],
    ["CAST(a AS DECIMAL(10, 2))", '$("a").cast(DataTypes.DECIMAL(10, 2))', "CAST(`a` AS DECIMAL(10, 2))"],
    ["CAST(a AS VARCHAR(5) NOT NULL)", '$("a").cast(DataTypes.VARCHAR(5))', "CAST(`a` AS VARCHAR(5))"],
  ];
  for (const [text, j, s] of cases) {
    it(text, () => {
      const e = parsed(text);
      expect(java(e)).toBe(j);
      expect(sqlExpr(e)).toBe(s);
      // no `--` or other text outside tokens the printer writes
      expect(lexSql(s).filter((t) => t.kind === "comment")).toEqual([]);
    });
  }

  it("keeps a variadic AND/CONCAT flat in SQL and folded left in Java, as the runner folds it", () => {
    const e: Expr = { kind: "call", fn: "and", args: [parsed("a"), parsed("b"), parsed("c")] };
    expect(java(e)).toBe('$("a").and($("b")).and($("c"))');
    expect(sqlExpr(e)).toBe("(`a` AND `b` AND `c`)");
  });

  it("negates a negative literal without writing `--`", () => {
    const e: Expr = { kind: "call", fn: "negative", args: [lit("-5", "INT NOT NULL")] };
    expect(sqlExpr(e)).toBe("(- (-5))");
    expect(java(e)).toBe("negative(lit(-5))");
  });
});
