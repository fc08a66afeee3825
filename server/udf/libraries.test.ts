// The import allowlist end to end on the server: declarations from the packages' own types, the type-check against
// them, and esbuild inlining the libraries so that the bundled UDF runs with no module resolution.
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { UDF_COMPILER_OPTIONS } from "@/pipeline/udf/compiler-options";
import { type } from "@/pipeline/types";
import { bundleUdf } from "./bundle";
import { ambientModule, udfLibraryDeclarations } from "./library-types";
import { typecheckUdf } from "./typecheck";

const input = [{ name: "name", type: type("STRING") }, { name: "at", type: type("TIMESTAMP(3) NOT NULL") }];
const CODE = [
  'import { snakeCase } from "change-case";',
  'import dayjs from "dayjs";',
  "export default function m(row: Input): { key: string; day: string } {",
  '  return { key: snakeCase(row.name ?? ""), day: dayjs(row.at).add(1, "day").format("YYYY-MM-DD") };',
  "}",
].join("\n");

describe("UDF library allowlist", () => {
  it("uses TypeScript's own enum numbers in the shared compiler options", () => {
    expect(UDF_COMPILER_OPTIONS).toMatchObject({
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler, moduleDetection: ts.ModuleDetectionKind.Force,
    });
  });

  it("wraps a package's declarations as an ambient module without nested declare", () => {
    expect(ambientModule("m", '/// <reference path="./x.d.ts" />\nexport declare function f(): void;\ndeclare namespace n {}\n'))
      .toBe('declare module "m" {\n\nexport function f(): void;\nnamespace n {}\n\n}\n');
    const all = udfLibraryDeclarations();
    expect(all).toContain('declare module "change-case" {');
    expect(all).toContain('declare module "dayjs" {');
  });

  it("type-checks allowlisted imports against their real types", () => {
    expect(typecheckUdf(CODE, input).diagnostics).toEqual([]);
    const typo = typecheckUdf(CODE.replace("snakeCase(row", "snakeCas(row"), input);
    expect(typo.diagnostics.map((d) => [d.line, d.message])).toEqual([[4, expect.stringMatching(/Cannot find name 'snakeCas'/)]]);
    const badArg = typecheckUdf(CODE.replace('add(1, "day")', 'add("1", "day")'), input);
    expect(badArg.diagnostics[0]).toMatchObject({ line: 4, message: expect.stringMatching(/not assignable to parameter of type 'number'/) });
  });

  it("bundles the libraries into the UDF module, which runs without resolving anything", async () => {
    const js = bundleUdf(CODE);
    expect(js).not.toMatch(/from\s*["'](dayjs|change-case)["']/);
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as { default: (r: unknown) => unknown };
    expect(mod.default({ name: "helloWorld Foo", at: new Date(Date.UTC(2024, 1, 28, 12)) })).toEqual({ key: "hello_world_foo", day: "2024-02-29" });
  });

  it("refuses other modules in the bundler too, not only in the type-check", () => {
    expect(() => bundleUdf('import { z } from "zod";\nexport default function m(): { s: string } { return { s: String(z) }; }'))
      .toThrow('cannot import "zod": a TypeScript UDF may import only "change-case" and "dayjs"');
  });
});
