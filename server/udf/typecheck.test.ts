import { describe, expect, it } from "vitest";
import { type } from "@/pipeline/types";
import { bundleUdf } from "./bundle";
import { typecheckUdf } from "./typecheck";

const input = [{ name: "id", type: type("BIGINT NOT NULL") }, { name: "name", type: type("STRING") }, { name: "my col", type: type("DECIMAL(10, 2)") }];
const CODE = [
  "export default function map(row: Input): { name: string; n: bigint | null; at: Date; ok: boolean | null; x: number; price: string } {",
  '  console.log("row", row.id);',
  '  return { name: (row.name ?? "").toUpperCase(), n: row.id * 2n, at: new Date(0), ok: null, x: 1.5, price: row["my col"] ?? "0" };',
  "}",
].join("\n");

describe("typecheckUdf", () => {
  it("accepts a correct UDF and maps its declared return type to Flink types", () => {
    const r = typecheckUdf(CODE, input);
    expect(r.diagnostics).toEqual([]);
    expect(r.outputColumns).toEqual([
      { name: "name", type: { root: "STRING", nullable: false } },
      { name: "n", type: { root: "BIGINT", nullable: true } },
      { name: "at", type: { root: "TIMESTAMP", precision: 3, nullable: false } },
      { name: "ok", type: { root: "BOOLEAN", nullable: true } },
      { name: "x", type: { root: "DOUBLE", nullable: false } },
      { name: "price", type: { root: "STRING", nullable: false } },
    ]);
  });

  it("reports type errors at their line and column", () => {
    const r = typecheckUdf(CODE.replace("row.id * 2n", "row.idd"), input);
    expect(r.outputColumns).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ line: 3, column: 57, message: "Property 'idd' does not exist on type 'Input'." })]);
    // BIGINT is a bigint and nullable columns are | null: mixing them with numbers or ignoring null fails
    const mixed = typecheckUdf("export default function m(row: Input): { n: bigint } {\n  return { n: row.id + 1 };\n}", input);
    expect(mixed.diagnostics[0]).toMatchObject({ line: 2, message: "Operator '+' cannot be applied to types 'bigint' and '1'." });
    const nul = typecheckUdf("export default function m(row: Input): { s: string } {\n  return { s: row.name.toUpperCase() };\n}", input);
    expect(nul.diagnostics[0]).toMatchObject({ line: 2, message: expect.stringMatching(/possibly 'null'/) });
  });

  it("has no DOM: document and fetch are unknown", () => {
    const r = typecheckUdf("export default function m(row: Input): { s: string } {\n  return { s: document.title };\n}", input);
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/Cannot find name 'document'/)]);
  });

  it("refuses every import but a static one of an allowlisted library, naming its line", () => {
    const code = 'import { pad } from "left-pad";\nexport * from "x";\nexport default function m(row: Input): { s: string } {\n  void import("fs");\n  void import("dayjs");\n  return { s: pad };\n}';
    const r = typecheckUdf(code, input);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'cannot import "left-pad": a TypeScript UDF may import only "change-case" and "dayjs"'],
      [2, 'cannot import "x": a TypeScript UDF may import only "change-case" and "dayjs"'],
      [4, 'cannot import "fs": a TypeScript UDF may import only "change-case" and "dayjs"'],
      [5, 'import "dayjs" with a static import at the top'],
    ]);
    expect(r.diagnostics.some((d) => /Cannot find module/.test(d.message))).toBe(false);
  });

  it("refuses output types the runtime cannot carry, at the property", () => {
    const r = typecheckUdf("export default function m(row: Input): {\n  ok: string;\n  tags: string[];\n  maybe?: number;\n} {\n  return { ok: '', tags: [] };\n}", input);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'output column "tags": type string[] is not supported; use string, number, bigint, boolean or Date, optionally | null'],
      [4, 'output column "maybe": use | null instead of ?'],
    ]);
    const noType = typecheckUdf("export default function m(row: Input) {\n  return { a: 1 };\n}", input);
    expect(noType.diagnostics.map((d) => d.message)).toEqual(["declare the output columns as the return type"]);
  });
});

describe("bundleUdf", () => {
  it("emits an ES module without types whose default export runs", async () => {
    const js = bundleUdf(CODE);
    expect(js).not.toMatch(/: Input|bigint \| null/);
    expect(js).toMatch(/export \{\s*map as default\s*\}/);
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as { default: (r: unknown) => Record<string, unknown> };
    const out = mod.default({ id: 21n, name: "ab", "my col": "1.50" });
    expect(out).toEqual({ name: "AB", n: 42n, at: new Date(0), ok: null, x: 1.5, price: "1.50" });
  });
});
