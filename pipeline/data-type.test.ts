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
    ["MULTISET<INT>", "unknown type \"MULTISET\""],
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
