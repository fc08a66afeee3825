// Golden code: printJava/printSql of every pipeline/fixtures/<case>.ir.json equal <case>.java.txt / <case>.sql.txt
// (UPDATE_GOLDEN=1 rewrites them, as pipeline/golden.test.ts does for the IR).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TableProgramSchema } from "../ir";
import { parseGraph } from "../upgrade";
import { validateGraph } from "../validate";
import { CodegenError, printJava, printSql } from "./index";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");
const cases = readdirSync(FIXTURES).filter((f) => f.endsWith(".ir.json")).map((f) => f.slice(0, -".ir.json".length)).sort();
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

function golden(file: string, actual: string) {
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

function sqlOrReason(print: () => string): string {
  try {
    return print();
  } catch (e) {
    // an op the printers do not know yet is a gap to fill, not a limit of SQL to pin
    if (e instanceof CodegenError && !/unknown statement op/.test(e.message)) return `-- no Flink SQL equivalent: ${e.message}\n`;
    throw e;
  }
}

describe("golden IR → Java / SQL", () => {
  it("covers every IR fixture", () => expect(cases.length).toBeGreaterThanOrEqual(4));

  for (const base of cases) {
    const program = TableProgramSchema.parse(readJson(path.join(FIXTURES, `${base}.ir.json`)));
    it(`${base}: Java`, () => golden(path.join(FIXTURES, `${base}.java.txt`), printJava(program)));
    // a program SQL cannot express (e.g. a watermark on VALUES) pins the printer's reason instead
    it(`${base}: SQL`, () => golden(path.join(FIXTURES, `${base}.sql.txt`), sqlOrReason(() => printSql(program))));

    it(`${base}: SQL from the validator's row types equals SQL from row types inferred from the IR`, () => {
      const graphFile = path.join(FIXTURES, `${base}.graph.json`);
      const parsed = parseGraph(readJson(graphFile));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const { rowTypes, errors } = validateGraph(parsed.graph);
      expect(errors).toEqual([]);
      expect(sqlOrReason(() => printSql(program, rowTypes))).toBe(sqlOrReason(() => printSql(program)));
    });
  }
});
