// Proposing columns from samples: CSV splitting, type inference, header names, JSON objects.
import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv-lines";
import { proposeColumns, proposeFromObjects, proposeType } from "./propose";

describe("parseCsv", () => {
  it("splits on the delimiter, reads quoted fields with doubled quotes and delimiters inside", () => {
    expect(parseCsv('id,name\n1,"Stone,Carla"\n2,"Zoë ""Z"""\r\n', ",", 10, true)).toEqual([["id", "name"], ["1", "Stone,Carla"], ["2", 'Zoë "Z"']]);
    expect(parseCsv("a;b\n\n1;2", ";", 10, true)).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("drops a last line that may be cut off, and stops at maxRows", () => {
    expect(parseCsv("1,a\n2,b\n3,c", ",", 10, false)).toEqual([["1", "a"], ["2", "b"]]);
    expect(parseCsv("1,a\n2,b\n3,c\n", ",", 2, true)).toEqual([["1", "a"], ["2", "b"]]);
  });
});

describe("proposeType", () => {
  it("picks the narrowest type every non-empty value fits", () => {
    expect(proposeType(["1", "-20", null, ""])).toBe("BIGINT");
    expect(proposeType(["1", "2.5", "1e3"])).toBe("DOUBLE");
    expect(proposeType(["true", "FALSE"])).toBe("BOOLEAN");
    expect(proposeType(["2024-03-01", "2024-12-31"])).toBe("DATE");
    expect(proposeType(["2024-03-01 10:00:00", "2024-03-01T10:00:02.250"])).toBe("TIMESTAMP(3)");
    expect(proposeType(["1", "x"])).toBe("STRING");
    expect(proposeType([null, ""])).toBe("STRING");
    expect(proposeType(["12345678901234567890"])).toBe("DOUBLE"); // beyond BIGINT
  });
});

describe("proposeColumns", () => {
  it("names columns from the header, made unique, else col_N", () => {
    expect(proposeColumns(["order id", "name", "name", ""], [["1", "a", "b", "2024-01-01"]])).toEqual([
      { name: "order id", type: "BIGINT" }, { name: "name", type: "STRING" }, { name: "name_2", type: "STRING" }, { name: "col_4", type: "DATE" },
    ]);
    expect(proposeColumns(null, [["1", "2.5"], ["2"]])).toEqual([{ name: "col_1", type: "BIGINT" }, { name: "col_2", type: "DOUBLE" }]);
  });

  it("proposes from JSON objects by key, nested values left as STRING", () => {
    const r = proposeFromObjects([{ id: 1, at: "2024-01-01 00:00:00", tags: ["a"] }, { id: 2, ok: true }]);
    expect(r.columns).toEqual([{ name: "id", type: "BIGINT" }, { name: "at", type: "TIMESTAMP(3)" }, { name: "tags", type: "STRING" }, { name: "ok", type: "BOOLEAN" }]);
    expect(r.rows).toEqual([["1", "2024-01-01 00:00:00", '["a"]', null], ["2", null, null, "true"]]);
  });
});
