import { describe, expect, it } from "vitest";
import { DataTypeSchema, formatType, parseType, sameType, type } from "./types";

const roundTrip = (text: string) => formatType(type(text));

describe("nested Flink types", () => {
  // Expected texts are what Flink 2.3's LogicalType#asSummaryString printed for the same input (probed with
  // LogicalTypeParser): backticked field names, ", " separators, NOT NULL inside and outside.
  it.each([
    ["ROW<a INT, `b name` STRING NOT NULL>", "ROW<`a` INT, `b name` STRING NOT NULL>"],
    ["ARRAY<BIGINT NOT NULL>", "ARRAY<BIGINT NOT NULL>"],
    ["MAP<STRING, DOUBLE>", "MAP<STRING, DOUBLE>"],
    ["ROW(a INT, b ARRAY<ROW<x DECIMAL(10,2)>>) NOT NULL", "ROW<`a` INT, `b` ARRAY<ROW<`x` DECIMAL(10, 2)>>> NOT NULL"],
    ["ROW<`a``b` INT>", "ROW<`a``b` INT>"],
    ["ROW<>", "ROW<>"],
    ["MAP<INT NOT NULL, ARRAY<STRING>> NOT NULL", "MAP<INT NOT NULL, ARRAY<STRING>> NOT NULL"],
    ["ROW<a INT NULL>", "ROW<`a` INT>"],
    ["row<a int, b map<string,int>>", "ROW<`a` INT, `b` MAP<STRING, INT>>"],
    ["ROW<a TIMESTAMP(3) WITH LOCAL TIME ZONE>", "ROW<`a` TIMESTAMP_LTZ(3)>"],
    ["ROW<a INT 'desc it''s'>", "ROW<`a` INT 'desc it''s'>"],
    ["ROW<`É` INT>", "ROW<`É` INT>"],
    ["TIMESTAMP(3) WITH LOCAL TIME ZONE NOT NULL", "TIMESTAMP_LTZ(3) NOT NULL"],
    ["DECIMAL(10,2)", "DECIMAL(10, 2)"],
    ["VARCHAR(20) NOT NULL", "VARCHAR(20) NOT NULL"],
    ["MULTISET<INT NOT NULL>", "MULTISET<INT NOT NULL>"],
    ["multiset<string> not null", "MULTISET<STRING> NOT NULL"],
    ["INTERVAL SECOND(3) NOT NULL", "INTERVAL SECOND(3) NOT NULL"],
    ["INTERVAL SECOND", "INTERVAL SECOND(6)"],
    ["INTERVAL MONTH", "INTERVAL MONTH"],
    ["INTERVAL YEAR", "INTERVAL YEAR(2)"],
    ["INTERVAL YEAR TO MONTH", "INTERVAL YEAR(2) TO MONTH"],
    ["INTERVAL YEAR(4) TO MONTH", "INTERVAL YEAR(4) TO MONTH"],
    ["INTERVAL DAY", "INTERVAL DAY(2)"],
    ["INTERVAL DAY(3) TO HOUR", "INTERVAL DAY(3) TO HOUR"],
    ["INTERVAL DAY TO MINUTE", "INTERVAL DAY(2) TO MINUTE"],
    ["INTERVAL DAY(6) TO SECOND(9)", "INTERVAL DAY(6) TO SECOND(9)"],
    ["INTERVAL HOUR", "INTERVAL HOUR"],
    ["INTERVAL HOUR TO SECOND(3)", "INTERVAL HOUR TO SECOND(3)"],
    ["INTERVAL MINUTE TO SECOND", "INTERVAL MINUTE TO SECOND(6)"],
    ["ROW<d INTERVAL MINUTE>", "ROW<`d` INTERVAL MINUTE>"],
  ])("%s prints as %s, and that text reads back to the same type", (text, printed) => {
    expect(roundTrip(text)).toBe(printed);
    expect(type(printed)).toEqual(type(text));
  });

  it("models fields, element, key and value", () => {
    expect(type("MAP<STRING NOT NULL, ARRAY<ROW<`id` BIGINT NOT NULL>>>")).toEqual({
      root: "MAP", nullable: true, key: { root: "STRING", nullable: false },
      value: { root: "ARRAY", nullable: true, element: { root: "ROW", nullable: true, fields: [{ name: "id", type: { root: "BIGINT", nullable: false } }] } },
    });
  });

  it.each([
    ["ARRAY<INT", "cannot read type \"ARRAY<INT\": expected > closing ARRAY< at the end"],
    ["ROW<a, b INT>", "cannot read type \"ROW<a, b INT>\": expected a type (e.g."],
    ["ROW<a INT, a STRING>", "ROW field \"a\" is declared twice"],
    ["ROW<` ` INT>", "a ROW field name cannot be empty"],
    ["MAP<STRING>", "cannot read type \"MAP<STRING>\": expected , between the MAP's key and value types at position 11"],
    ["ARRAY<DECIMAL(40, 2)>", "DECIMAL precision must be 1..38, got 40"],
    ["ARRAY<BLOB>", "unknown type \"BLOB\": supported are"],
    ["RAW<INT>", "unknown type \"RAW\""],
    ["INTERVAL MONTH TO YEAR", "unknown interval \"INTERVAL MONTH TO YEAR\""],
    ["INTERVAL YEAR(5)", "INTERVAL YEAR precision must be 1..4, got 5"],
    ["INTERVAL DAY(7) TO SECOND", "INTERVAL DAY precision must be 1..6, got 7"],
    ["INTERVAL SECOND(10)", "INTERVAL SECOND precision must be 0..9, got 10"],
    ["INT $", "cannot read type \"INT $\": unexpected \"$\" at position 5"],
  ])("%s is refused: %s", (text, message) => {
    const r = parseType(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it("compares nested types structurally, nested nullability included", () => {
    expect(sameType(type("ROW<a INT, b ARRAY<STRING>>"), type("ROW<`a` INT, `b` ARRAY<STRING>>"))).toBe(true);
    expect(sameType(type("ROW<a INT>"), type("ROW<a INT> NOT NULL"), true)).toBe(true);
    expect(sameType(type("ROW<a INT>"), type("ROW<a INT NOT NULL>"), true)).toBe(false);
    expect(sameType(type("ROW<a INT>"), type("ROW<b INT>"))).toBe(false);
    expect(sameType(type("MAP<STRING, INT>"), type("MAP<INT, STRING>"))).toBe(false);
  });

  it("the zod schema accepts nested types and refuses a ROW without fields", () => {
    expect(DataTypeSchema.safeParse(type("ARRAY<ROW<a MAP<STRING, INT>>>")).success).toBe(true);
    expect(DataTypeSchema.safeParse({ root: "ROW", nullable: true }).success).toBe(false);
    expect(DataTypeSchema.safeParse({ root: "ARRAY", nullable: true, element: { root: "NOPE", nullable: true } }).success).toBe(false);
  });
});
