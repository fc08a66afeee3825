// Runner JSON ⇄ UDF wire values, typed cells, and the comparison used by pinned tests.
import { describe, expect, it } from "vitest";
import { fromWire, parseCell, sameValue, toWire } from "./wire-values";

describe("wire values", () => {
  it("turns timestamps into epoch millis (TIMESTAMP read as UTC) and back", () => {
    expect(toWire("TIMESTAMP(3)", "2024-01-31T12:00:00.123")).toBe(Date.UTC(2024, 0, 31, 12, 0, 0, 123));
    expect(toWire("TIMESTAMP_LTZ(3)", "2024-01-31T12:00:00.123Z")).toBe(Date.UTC(2024, 0, 31, 12, 0, 0, 123));
    expect(fromWire("TIMESTAMP(3)", Date.UTC(2024, 0, 31, 12))).toBe("2024-01-31T12:00:00.000");
    expect(toWire("BIGINT", "9007199254740993")).toBe("9007199254740993");
  });

  it("turns a ROW's object into the array of its fields and a MAP into pairs, converting values inside, and back", () => {
    const type = "ROW<`at` TIMESTAMP(3), `tags` ARRAY<STRING>, `m` MAP<STRING, TIMESTAMP_LTZ(3)>>";
    const json = { at: "2024-01-31T12:00:00.123", tags: ["a", null], m: [["k", "2024-01-31T12:00:00.000Z"]] };
    const wire = [Date.UTC(2024, 0, 31, 12, 0, 0, 123), ["a", null], [["k", Date.UTC(2024, 0, 31, 12)]]];
    expect(toWire(type, json)).toEqual(wire);
    expect(fromWire(type, wire)).toEqual(json);
    expect(toWire("MAP<STRING, INT>", { a: 1 })).toEqual([["a", 1]]);
    expect(parseCell(type, '{"tags": ["x"]}')).toEqual({ ok: true, value: { tags: ["x"] } });
    expect(parseCell("ARRAY<INT>", "[1,")).toEqual({ ok: false, message: "write ARRAY values as JSON, e.g. [1, 2]" });
    expect(sameValue("MAP<STRING, INT>", { a: 1 }, [["a", 1]])).toBe(true);
    // a MULTISET travels as element → count pairs, like a MAP<T, INT NOT NULL>
    expect(toWire("MULTISET<TIMESTAMP(3)> NOT NULL", [["2024-01-31T12:00:00.000", 2]])).toEqual([[Date.UTC(2024, 0, 31, 12), 2]]);
    expect(fromWire("ROW<`bag` MULTISET<STRING>>", [[["a", 2]]])).toEqual({ bag: [["a", 2]] });
    expect(sameValue("MULTISET<STRING>", { a: 2 }, [["a", 2]])).toBe(true);
  });

  it("parses typed cells by column type, refusing what does not fit", () => {
    expect(parseCell("BIGINT", " 42 ")).toEqual({ ok: true, value: "42" });
    expect(parseCell("DOUBLE", "1.5")).toEqual({ ok: true, value: 1.5 });
    expect(parseCell("BOOLEAN", "TRUE")).toEqual({ ok: true, value: true });
    expect(parseCell("STRING", "null")).toEqual({ ok: true, value: null });
    expect(parseCell("INT", "x")).toEqual({ ok: false, message: '"x" is not a number' });
  });

  it("compares numbers by value, timestamps by instant, the rest exactly", () => {
    expect(sameValue("DECIMAL(10, 2)", "1.50", 1.5)).toBe(true);
    expect(sameValue("TIMESTAMP(3)", "2024-01-31T12:00:00", "2024-01-31T12:00:00.000")).toBe(true);
    expect(sameValue("STRING", "a", "A")).toBe(false);
    expect(sameValue("STRING", null, null)).toBe(true);
    expect(sameValue("BIGINT", "7", "8")).toBe(false);
  });
});
