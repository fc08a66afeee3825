// The IR contract files: what the TypeScript side declares, for jvm-runner to hold the Java side against —
// ir-contract.json (IrContractTest, and the runner's Functions read it) and function-cases.json (FunctionsITCase).
// UPDATE_GOLDEN=1 rewrites them; otherwise they must equal what the code declares now.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { caseTables, functionCases, uncovered } from "./expr/functions/cases-contract";
import { functionContract } from "./expr/functions/contract";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

function golden(file: string, value: unknown) {
  const text = JSON.stringify(value, null, 1) + "\n";
  const at = path.join(FIXTURES, file);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(at)) writeFileSync(at, text);
  expect(readFileSync(at, "utf8"), `run UPDATE_GOLDEN=1 npx vitest run pipeline/contract.test.ts`).toBe(text);
}

it("pipeline/fixtures/ir-contract.json is what the catalogue declares", () => {
  golden("ir-contract.json", { functions: functionContract() });
});

it("pipeline/fixtures/function-cases.json holds an edge case for every catalogue function", () => {
  const cases = functionCases();
  expect(uncovered(cases), "catalogue functions without a case in pipeline/expr/functions/cases.ts").toEqual([]);
  golden("function-cases.json", { tables: caseTables(), cases });
});
