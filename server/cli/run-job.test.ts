// Boundedness decides whether a --timeout stop counts as success; it follows the datagen options compile emits.
import { describe, expect, it } from "vitest";
import type { TableProgram } from "@/pipeline/ir";
import { isBounded } from "./run-job";

const prog = (options: Record<string, string>, connector = "datagen"): TableProgram => ({
  irVersion: 1, name: "p", config: {},
  statements: [
    { op: "from", table: "g", descriptor: { connector, options } },
    { op: "collect", sink: "c", input: "g", maxRows: 10 },
  ],
});

describe("isBounded", () => {
  it("is bounded with number-of-rows or a sequence column", () => {
    expect(isBounded(prog({ "number-of-rows": "5" }))).toBe(true);
    expect(isBounded(prog({ "fields.id.kind": "sequence", "fields.id.end": "9" }))).toBe(true);
  });
  it("is unbounded with only random columns or another connector", () => {
    expect(isBounded(prog({ "fields.id.kind": "random" }))).toBe(false);
    expect(isBounded(prog({ "number-of-rows": "5" }, "kafka"))).toBe(false);
  });
});
