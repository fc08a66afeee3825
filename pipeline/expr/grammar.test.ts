// The grammar beyond plain calls — CASE, IF, BETWEEN, IN, LIKE, SIMILAR TO, IS … , TRY_CAST, EXTRACT, FLOOR … TO,
// POSITION … IN, JSON_OBJECT … VALUE, bare CURRENT_DATE, NULLIF — parses to trees, types as Flink does, prints back.
import { describe, expect, it } from "vitest";
import { sqlExpr } from "../codegen/sql-expr";
import { javaExpr, newUses } from "../codegen/java-expr";
import { formatType, type RowType, type } from "../types";
import { analyzeExpr, parseExpr, printExpr } from "./index";

const row: RowType = [
  { name: "sensor", type: type("STRING NOT NULL") }, { name: "value", type: type("DOUBLE") }, { name: "n", type: type("INT NOT NULL") },
  { name: "ts", type: type("TIMESTAMP(3) NOT NULL") }, { name: "j", type: type("STRING") }, { name: "d", type: type("DECIMAL(10, 2)") },
];
const typeOf = (src: string) => {
  const r = analyzeExpr(src, row);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return formatType(r.type);
};
const error = (src: string) => {
  const r = analyzeExpr(src, row);
  if (r.ok) throw new Error(`expected an error for ${src}`);
  return r.errors[0]!;
};
const printed = (src: string) => {
  const r = analyzeExpr(src, row);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return { java: javaExpr(r.expr, newUses()), sql: sqlExpr(r.expr) };
};

describe("what the issue found refused is accepted and typed as Flink types it", () => {
  it.each([
    ["sensor LIKE 'a%'", "BOOLEAN NOT NULL"], ["sensor IN ('a', 'b')", "BOOLEAN NOT NULL"], ["value BETWEEN 1 AND 5", "BOOLEAN"],
    ["COALESCE(value, 0)", "DOUBLE NOT NULL"], ["CASE WHEN n > 1 THEN 'big' ELSE 'small' END", "STRING NOT NULL"],
    ["CASE WHEN n > 1 THEN n END", "INT"], ["IF(n > 1, n, 2)", "INT NOT NULL"], ["NULLIF(n, 1)", "INT"],
    ["value IS DISTINCT FROM 1", "BOOLEAN NOT NULL"], ["value IS NOT DISTINCT FROM NULL", "BOOLEAN NOT NULL"],
    ["TRY_CAST(sensor AS INT)", "INT"], ["EXTRACT(HOUR FROM ts)", "BIGINT NOT NULL"], ["FLOOR(ts TO DAY)", "TIMESTAMP(3) NOT NULL"],
    ["POSITION('x' IN sensor)", "INT NOT NULL"], ["JSON_OBJECT('s' VALUE sensor)", "STRING NOT NULL"], ["j IS JSON", "BOOLEAN NOT NULL"],
    ["CURRENT_TIMESTAMP", "TIMESTAMP_LTZ(3) NOT NULL"], ["TIMESTAMPDIFF(MINUTE, ts, ts)", "INT NOT NULL"], ["ROUND(d, 1)", "DECIMAL(10, 1)"],
    ["SUBSTRING(sensor, 2, 3)", "STRING NOT NULL"], ["JSON_VALUE(j, '$.a')", "STRING"], ["n NOT IN (1, 2)", "BOOLEAN NOT NULL"],
  ])("%s : %s", (src, want) => expect(typeOf(src)).toBe(want));
});

describe("errors name the argument", () => {
  it.each([
    ["sensor LIKE 1", "LIKE needs strings, but argument 2 is INT; use CAST(… AS STRING)", 12, 13],
    ["n BETWEEN 'a' AND 5", "cannot compare INT with STRING", 10, 13],
    ["EXTRACT(FORTNIGHT FROM ts)", "expected a time unit (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND) at 8", 8, 17],
    ["JSON_OBJECT(sensor VALUE n)", "a JSON_OBJECT key must be a string literal", 12, 18],
    ["COALESCE(n, 'x')", "INT and STRING have no common type", 0, 16],
    ["ROUND(d, n)", "ROUND of a DECIMAL needs a whole-number literal for its places", 9, 10],
  ])("%s", (src, message, start, end) => expect(error(src)).toEqual({ message, span: { start, end } }));
});

describe("round trip: parse(print(e)) equals e", () => {
  it.each([
    "CASE WHEN a > 1 THEN 'x' WHEN a < 0 THEN 'y' ELSE 'z' END", "CASE WHEN a THEN 1 END", "a NOT BETWEEN 1 AND b + 2",
    "a IN (1, 2, 3) AND NOT b LIKE 'x%'", "s SIMILAR TO 'a|b'", "a IS TRUE OR b IS NOT FALSE", "TRY_CAST(a AS DECIMAL(10, 2))",
    "EXTRACT(DAY FROM ts) + 1", "FLOOR(ts TO HOUR) = CEIL(x)", "POSITION(a IN c)", "JSON_OBJECT('k' VALUE a, 'n' VALUE 1)",
    "CURRENT_DATE", "TIMESTAMPDIFF(DAY, a, b)", "COALESCE(a, b, 0)", "j IS JSON", "NOT j IS JSON", "a IS DISTINCT FROM b",
  ])("%s", (src) => {
    const r = parseExpr(src);
    if (!r.ok) throw new Error(r.error.message);
    const back = parseExpr(printExpr(r.expr));
    expect(back.ok && back.expr).toEqual(r.expr);
  });
});

describe("Java and SQL print the same call the runner makes", () => {
  it.each([
    ["sensor LIKE 'a%'", '$("sensor").like(lit("a%", DataTypes.STRING().notNull()))', "(`sensor` LIKE CAST('a%' AS STRING))"],
    ["n IN (1, 2)", '$("n").in(lit(1), lit(2))', "(`n` IN (1, 2))"],
    ["COALESCE(value, 0)", 'coalesce($("value"), lit(0))', "COALESCE(`value`, 0)"],
    ["IF(n > 1, 'a', 'b')", 'ifThenElse($("n").isGreater(lit(1)), lit("a", DataTypes.STRING().notNull()), lit("b", DataTypes.STRING().notNull()))',
      "(CASE WHEN (`n` > 1) THEN CAST('a' AS STRING) ELSE CAST('b' AS STRING) END)"],
    ["EXTRACT(DAY FROM ts)", '$("ts").extract(TimeIntervalUnit.DAY)', "EXTRACT(DAY FROM `ts`)"],
    ["TIMESTAMPDIFF(HOUR, ts, ts)", 'timestampDiff(TimePointUnit.HOUR, $("ts"), $("ts"))', "TIMESTAMPDIFF(HOUR, `ts`, `ts`)"],
    ["JSON_VALUE(j, '$.a')", '$("j").jsonValue("$.a")', "JSON_VALUE(`j`, '$.a')"],
    ["JSON_OBJECT('k' VALUE n)", 'jsonObject(JsonOnNull.NULL, lit("k", DataTypes.STRING().notNull()), $("n"))', "JSON_OBJECT(KEY CAST('k' AS STRING) VALUE `n`)"],
    ["TRY_CAST(sensor AS INT)", '$("sensor").tryCast(DataTypes.INT())', "TRY_CAST(`sensor` AS INT)"],
    ["POSITION('x' IN sensor)", 'lit("x", DataTypes.STRING().notNull()).position($("sensor"))', "POSITION(CAST('x' AS STRING) IN `sensor`)"],
  ])("%s", (src, java, sql) => expect(printed(src)).toEqual({ java, sql }));
});
