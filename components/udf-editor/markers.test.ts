import { describe, expect, it } from "vitest";
import { errorMarkers, sameMarker } from "./markers";

const code = "export default function m(row: Input): { s: string } {\n  return { s: row.nam };\n}\n";

describe("errorMarkers", () => {
  it("places a span's error at its line and column, without the message's line prefix", () => {
    const start = code.indexOf("nam");
    const m = errorMarkers([{ nodeId: "n", field: "code", span: { start, end: start + 3 }, message: "line 2:19: Property 'nam' does not exist" }], "code", code);
    expect(m).toEqual([{ startLineNumber: 2, startColumn: 19, endLineNumber: 2, endColumn: 22, message: "Property 'nam' does not exist" }]);
  });

  it("widens an empty span to the rest of its line, marks span-less errors at the start, and skips other fields", () => {
    const m = errorMarkers([
      { nodeId: "n", field: "code", message: "whole" },
      { nodeId: "n", field: "code", span: { start: code.length, end: code.length }, message: "at end" },
      { nodeId: "n", field: "other", message: "elsewhere" },
      { nodeId: "n", field: "code", span: { start: 0, end: 0 }, message: "line 1:1: whole" },
    ], "code", code);
    expect(m.map((x) => [x.startLineNumber, x.startColumn, x.endLineNumber, x.endColumn, x.message])).toEqual([
      [1, 1, 1, 55, "whole"],
      [4, 1, 4, 2, "at end"],
    ]);
  });
});

describe("sameMarker", () => {
  const at = (l: number, c: number, el: number, ec: number, message: string) => ({ startLineNumber: l, startColumn: c, endLineNumber: el, endColumn: ec, message });
  it("is the same error when it starts at the same place and says the same, or covers the same range", () => {
    // the server's empty span widened to its line, Monaco's zero-width marker: one "'}' expected"
    expect(sameMarker(at(4, 1, 4, 2, "'}' expected."), at(4, 1, 4, 1, "'}' expected."))).toBe(true);
    expect(sameMarker(at(2, 19, 2, 22, "Property 'nam' does not exist on type 'Input'."), at(2, 19, 2, 22, "Property 'nam' does not exist on 'Input'."))).toBe(true);
  });
  it("keeps apart errors at other places, or at the same start saying something else over another range", () => {
    expect(sameMarker(at(2, 19, 2, 22, "x"), at(3, 19, 3, 22, "x"))).toBe(false);
    expect(sameMarker(at(1, 1, 1, 55, "declare the output columns"), at(1, 1, 1, 7, "Cannot find name 'expor'."))).toBe(false);
  });
});
