// pipeline/fixtures/function-cases.json, for jvm-runner: the typings IrContractTest has Flink infer, and the edge cases
// FunctionsITCase runs through the runner and as SQL. UPDATE_GOLDEN=1 rewrites it; otherwise it must equal the code.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { caseTables, functionCases, strayAsWritten, uncovered } from "./cases-contract";
import { aggregateTypings, functionTypings } from "./contract";
import { AGGREGATES } from "./aggregates";
import { AGGREGATE_CASES } from "./cases";

const FILE = path.join(import.meta.dirname, "..", "..", "fixtures", "function-cases.json");

it("every catalogue function has an edge case, and function-cases.json is what the catalogue and cases.ts say", () => {
  const cases = functionCases();
  expect(uncovered(cases), "catalogue functions without a case in pipeline/expr/functions/cases.ts").toEqual([]);
  expect(strayAsWritten(), "SQL_AS_WRITTEN texts that are no case in cases.ts").toEqual([]);
  const text = `${JSON.stringify({ typings: functionTypings(), aggregateTypings: aggregateTypings(), tables: caseTables(), cases, aggregateCases: AGGREGATE_CASES }, null, 1)}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(FILE)) writeFileSync(FILE, text);
  expect(readFileSync(FILE, "utf8"), "pipeline/fixtures/function-cases.json is stale: run with UPDATE_GOLDEN=1").toBe(text);
});

it("every aggregate has a case", () => {
  expect(AGGREGATES.map((a) => a.ir).filter((fn) => !AGGREGATE_CASES.some(([, f]) => f === fn))).toEqual([]);
});
