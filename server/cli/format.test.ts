// CLI formatting: error lines name node, field and span; tables align and show change kinds only when needed.
import { describe, expect, it } from "vitest";
import { formatGraphError, formatSink } from "./format";

describe("formatGraphError", () => {
  it("names node, field and span", () => {
    expect(formatGraphError({ nodeId: "f1", field: "predicate", message: 'unknown column "x" (did you mean "id"?)', span: { start: 4, end: 5 } }))
      .toBe('node f1 field predicate: unknown column "x" (did you mean "id"?) at 4-5');
    expect(formatGraphError({ message: "no sink" })).toBe("no sink");
  });
});

describe("formatSink", () => {
  it("prints a header, a rule and one line per row", () => {
    const out = formatSink("c1", {
      columns: [{ name: "id", type: "BIGINT" }, { name: "name", type: "STRING" }],
      rows: [{ kind: "+I", values: ["1", "alpha"] }, { kind: "+I", values: ["22", null] }], total: 5,
    });
    expect(out.split("\n")).toEqual(["sink c1 (last 2 of 5 rows)", "id | name", "---+------", "1  | alpha", "22 | NULL"]);
  });
  it("adds the change kind column for updates", () => {
    const out = formatSink("c", { columns: [{ name: "n", type: "INT" }], rows: [{ kind: "-U", values: [1] }], total: 1 });
    expect(out).toContain("op | n");
    expect(out).toContain("-U | 1");
  });
});
