// INTERVAL literals and TIMESTAMPADD: parsed into the Table API's interval calls, typed as Flink types them, printed as
// the language, Flink SQL and Java; refusals say what is wrong.
import { describe, expect, it } from "vitest";
import { javaExpr, newUses } from "../codegen/java-expr";
import { sqlExpr } from "../codegen/sql-expr";
import { formatType, type } from "../types";
import { analyzeExpr } from "./index";
import { printExpr } from "./print";
import { suggest } from "./suggest";

const ROW = [
  { name: "ts", type: type("TIMESTAMP(3)") }, { name: "d", type: type("DATE NOT NULL") }, { name: "n", type: type("INT") },
  { name: "x", type: type("DOUBLE") }, { name: "ltz", type: type("TIMESTAMP_LTZ(3) NOT NULL") },
];

function ok(text: string) {
  const r = analyzeExpr(text, ROW);
  if (!r.ok) throw new Error(`${text}: ${r.errors.map((e) => e.message).join("; ")}`);
  return { type: formatType(r.type), lang: printExpr(r.expr), sql: sqlExpr(r.expr), java: javaExpr(r.expr, newUses()) };
}

function refused(text: string) {
  const r = analyzeExpr(text, ROW);
  if (r.ok) throw new Error(`${text} was accepted`);
  return r.errors[0]!.message;
}

describe("INTERVAL literals", () => {
  it.each([
    ["INTERVAL '5' MINUTE", "INTERVAL SECOND(3) NOT NULL", "INTERVAL '5' MINUTE", "INTERVAL '5' MINUTE", "lit(5).minutes()"],
    ["interval '2' day", "INTERVAL SECOND(3) NOT NULL", "INTERVAL '2' DAY", "INTERVAL '2' DAY", "lit(2).days()"],
    ["INTERVAL '-3' YEAR", "INTERVAL MONTH NOT NULL", "INTERVAL '-3' YEAR", "INTERVAL '-3' YEAR", "lit(-3).years()"],
    ["INTERVAL '1' QUARTER", "INTERVAL MONTH NOT NULL", "INTERVAL '1' QUARTER", "INTERVAL '1' QUARTER", "lit(1).quarters()"],
    ["INTERVAL '2' WEEK", "INTERVAL SECOND(3) NOT NULL", "INTERVAL '2' WEEK", "INTERVAL '2' WEEK", "lit(2).weeks()"],
    ["INTERVAL '1-2' YEAR TO MONTH", "INTERVAL MONTH NOT NULL", "INTERVAL '14' MONTH", "INTERVAL '14' MONTH", "lit(14).months()"],
    ["INTERVAL '-1-2' YEAR TO MONTH", "INTERVAL MONTH NOT NULL", "INTERVAL '-14' MONTH", "INTERVAL '-14' MONTH", "lit(-14).months()"],
    ["INTERVAL '10:30' HOUR TO MINUTE", "INTERVAL SECOND(3) NOT NULL", "INTERVAL '630' MINUTE", "INTERVAL '0 10:30:00.000' DAY(2) TO SECOND(3)", "lit(630).minutes()"],
    ["INTERVAL '3 04' DAY TO HOUR", "INTERVAL SECOND(3) NOT NULL", "INTERVAL '76' HOUR", "INTERVAL '76' HOUR", "lit(76).hours()"],
    ["INTERVAL '3 04:05:06.789' DAY TO SECOND", "INTERVAL SECOND(3) NOT NULL", "INTERVAL '273906.789' SECOND",
      "INTERVAL '3 04:05:06.789' DAY(2) TO SECOND(3)", "lit(273906789).millis()"],
    ["INTERVAL '1.5' SECOND", "INTERVAL SECOND(3) NOT NULL", "INTERVAL '1.500' SECOND", "INTERVAL '0 00:00:01.500' DAY(2) TO SECOND(3)", "lit(1500).millis()"],
    ["INTERVAL '100' DAY(3)", "INTERVAL SECOND(3) NOT NULL", "INTERVAL '100' DAY", "INTERVAL '100 00:00:00.000' DAY(3) TO SECOND(3)", "lit(100).days()"],
    ["INTERVAL '150' MONTH", "INTERVAL MONTH NOT NULL", "INTERVAL '150' MONTH", "INTERVAL '12-6' YEAR(2) TO MONTH", "lit(150).months()"],
  ])("%s is %s; prints as %s, in SQL as %s, in Java as %s", (text, t, lang, sql, java) => {
    expect(ok(text)).toEqual({ type: t, lang, sql, java });
    expect(ok(lang)).toEqual({ type: t, lang, sql, java });
  });

  it.each([
    ["ts + INTERVAL '5' MINUTE", "TIMESTAMP(3)", "$(\"ts\").plus(lit(5).minutes())"],
    ["d - INTERVAL '1' MONTH", "DATE NOT NULL", "$(\"d\").minus(lit(1).months())"],
    ["d + INTERVAL '1' HOUR", "DATE NOT NULL", "$(\"d\").plus(lit(1).hours())"],
    ["INTERVAL '1' DAY + ltz", "TIMESTAMP_LTZ(3) NOT NULL", "lit(1).days().plus($(\"ltz\"))"],
    ["INTERVAL '5' MINUTE * n", "INTERVAL SECOND(3)", "lit(5).minutes().times($(\"n\"))"],
    ["INTERVAL '1' HOUR + INTERVAL '30' MINUTE", "INTERVAL SECOND(3) NOT NULL", "lit(1).hours().plus(lit(30).minutes())"],
    ["INTERVAL '5' MINUTE < INTERVAL '1' HOUR", "BOOLEAN NOT NULL", "lit(5).minutes().isLess(lit(1).hours())"],
    ["CAST(INTERVAL '14' MONTH AS STRING)", "STRING NOT NULL", "lit(14).months().cast(DataTypes.STRING())"],
  ])("%s is %s (%s)", (text, t, java) => {
    expect(ok(text).type).toBe(t);
    expect(ok(text).java).toBe(java);
  });

  it.each([
    ["INTERVAL '1000' DAY", "INTERVAL '1000' DAY is longer than Flink SQL's intervals go (less than 1000 days)"],
    ["INTERVAL '10000' YEAR", "INTERVAL '10000' YEAR is longer than Flink SQL's intervals go (less than 10000 years)"],
    ["INTERVAL 'five' MINUTE", "'five' is not a number of minutes"],
    ["INTERVAL '1.5' MINUTE", "'1.5' is not a number of minutes"],
    ["INTERVAL '1.2345' SECOND", "'1.2345' is not a number of seconds (at most 3 decimals)"],
    ["INTERVAL '1-12' YEAR TO MONTH", "'1-12': field 12 is out of range (at most 11)"],
    ["INTERVAL '10:60' HOUR TO MINUTE", "'10:60': field 60 is out of range (at most 59)"],
    ["INTERVAL '1' MONTH TO YEAR", "INTERVAL … MONTH TO YEAR is not an interval; use YEAR TO MONTH, DAY TO HOUR|MINUTE|SECOND, HOUR TO MINUTE|SECOND or MINUTE TO SECOND"],
    ["INTERVAL '1' FORTNIGHT", "expected an interval unit (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND) at 13"],
    ["INTERVAL '5' MINUTE - ts", "cannot apply \"-\" to INTERVAL SECOND(3) and TIMESTAMP(3); subtract the interval from the DATE or TIMESTAMP"],
    ["INTERVAL '1' MONTH + INTERVAL '1' DAY", "cannot apply \"+\" to INTERVAL MONTH and INTERVAL SECOND(3)"],
    ["INTERVAL '1' DAY * x", "cannot apply \"*\" to INTERVAL SECOND(3) and DOUBLE"],
    ["INTERVAL '1' DAY = 1", "cannot compare INTERVAL SECOND(3) with INT"],
  ])("%s is refused: %s", (text, message) => {
    expect(refused(text)).toBe(message);
  });

  it("a column named interval is still a column", () => {
    const r = analyzeExpr("`interval` + 1", [{ name: "interval", type: type("INT") }]);
    expect(r.ok).toBe(true);
    expect(analyzeExpr("interval + 1", [{ name: "interval", type: type("INT") }]).ok).toBe(true);
  });
});

describe("TIMESTAMPADD", () => {
  it.each([
    ["TIMESTAMPADD(MONTH, 1, ts)", "TIMESTAMP(3)", "ts + INTERVAL '1' MONTH", "(`ts` + INTERVAL '1' MONTH)", "$(\"ts\").plus(lit(1).months())"],
    ["TIMESTAMPADD(DAY, n, ts)", "TIMESTAMP(3)", "ts + INTERVAL '1' DAY * n", "(`ts` + (INTERVAL '1' DAY * `n`))", "$(\"ts\").plus(lit(1).days().times($(\"n\")))"],
    ["TIMESTAMPADD(YEAR, -1, d)", "DATE NOT NULL", "d + INTERVAL '-1' YEAR", "(`d` + INTERVAL '-1' YEAR)", "$(\"d\").plus(lit(-1).years())"],
    ["TIMESTAMPADD(WEEK, 500, ltz)", "TIMESTAMP_LTZ(3) NOT NULL", "ltz + INTERVAL '1' WEEK * 500", "(`ltz` + (INTERVAL '1' WEEK * 500))", "$(\"ltz\").plus(lit(1).weeks().times(lit(500)))"],
    ["TIMESTAMPADD(MILLISECOND, 5, ts)", "TIMESTAMP(3)", "ts + INTERVAL '0.005' SECOND", "(`ts` + INTERVAL '0 00:00:00.005' DAY(2) TO SECOND(3))", "$(\"ts\").plus(lit(5).millis())"],
  ])("%s is %s: %s; SQL %s; Java %s", (text, t, lang, sql, java) => {
    expect(ok(text)).toEqual({ type: t, lang, sql, java });
  });

  it.each([
    ["TIMESTAMPADD(HOUR, 1, d)", "TIMESTAMPADD(HOUR, …) of a DATE is a TIMESTAMP in Flink SQL; write CAST(… AS TIMESTAMP(3)) as its third argument"],
    ["TIMESTAMPADD(DAY, 1, n)", "TIMESTAMPADD needs a DATE or TIMESTAMP as its third argument"],
    ["TIMESTAMPADD(FORTNIGHT, 1, ts)", "expected a time unit (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND) at 13"],
    ["TIMESTAMPADD(DAY, x, ts)", "cannot apply \"*\" to INTERVAL SECOND(3) and DOUBLE"],
  ])("%s is refused: %s", (text, message) => {
    expect(refused(text)).toBe(message);
  });
});

it("completion offers INTERVAL and TIMESTAMPADD with their signatures", () => {
  const items = suggest("ts + INT", 8, ROW).items;
  expect(items.find((i) => i.label === "INTERVAL")).toMatchObject({ insert: "INTERVAL '", detail: expect.stringContaining("YEAR TO MONTH") });
  expect(suggest("TIMESTAMPA", 10, ROW).items[0]).toMatchObject({ label: "TIMESTAMPADD", insert: "TIMESTAMPADD(", detail: "TIMESTAMPADD(unit, n, time) → time" });
});
