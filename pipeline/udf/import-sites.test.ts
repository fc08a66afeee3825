import { describe, expect, it } from "vitest";
import { importProblems } from "./import-sites";

const refusal = (m: string) => `cannot import "${m}": a TypeScript UDF may import only "change-case" and "dayjs"`;

describe("importProblems", () => {
  it("allows static imports of the allowlisted libraries only", () => {
    const code = [
      'import dayjs from "dayjs";',
      'import { snakeCase, type Options } from "change-case";',
      'import * as fs from "node:fs";',
      'import "lodash";',
      'export { x } from "./x";',
      "export default function m(row: Input): { s: string } {",
      '  const a = require("os"); void import("dayjs");',
      '  const from = "not an import"; // import "nothing" here',
      "  return { s: from };",
      "}",
    ].join("\n");
    const lines = importProblems(code).map((p) => [code.slice(0, p.start).split("\n").length, p.message]);
    expect(lines).toEqual([
      [3, refusal("node:fs")],
      [4, refusal("lodash")],
      [5, refusal("./x")],
      [7, refusal("os")],
      [7, 'import "dayjs" with a static import at the top'],
    ]);
  });
});
