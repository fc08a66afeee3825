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
