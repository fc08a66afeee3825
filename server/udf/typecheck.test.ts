import { describe, expect, it } from "vitest";
import { formatType, type } from "@/pipeline/types";
import { readOutputType } from "@/pipeline/udf/output-type";
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

  it("reads nested input columns and maps nested return types as the browser's reader does", () => {
    const nestedInput = [
      { name: "payload", type: type("ROW<`user` ROW<`id` BIGINT NOT NULL>, `tags` ARRAY<STRING>> NOT NULL") },
      { name: "scores", type: type("MAP<STRING, BIGINT>") },
    ];
    const code = [
      "interface Out { id: bigint | null; tags: (string | null)[]; first: { tag: string | null } | null; scores: Map<string, bigint | null> }",
      "export default function m(row: Input): Out {",
      "  const tags = row.payload.tags ?? [];",
      "  return { id: row.payload.user?.id ?? null, tags, first: tags.length ? { tag: tags[0] ?? null } : null, scores: row.scores ?? new Map() };",
      "}",
    ].join("\n");
    const r = typecheckUdf(code, nestedInput);
    expect(r.diagnostics).toEqual([]);
    expect(r.outputColumns?.map((c) => `${c.name} ${formatType(c.type)}`)).toEqual([
      "id BIGINT", "tags ARRAY<STRING> NOT NULL", "first ROW<`tag` STRING>", "scores MAP<STRING NOT NULL, BIGINT> NOT NULL",
    ]);
    const readBack = readOutputType(code);
    expect(readBack.ok && readBack.columns).toEqual(r.outputColumns);
    const typo = typecheckUdf(code.replace("row.payload.user?.id", "row.payload.user?.idd"), nestedInput);
    expect(typo.diagnostics[0]).toMatchObject({ line: 4, message: expect.stringMatching(/Property 'idd' does not exist/) });
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
    const r = typecheckUdf("export default function m(row: Input): {\n  ok: string;\n  tags: Set<string>;\n  maybe?: number;\n  deep: { a: { b?: string } };\n} {\n  return { ok: '', tags: new Set(), deep: { a: {} } };\n}", input);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'output column "tags": type Set<string> is not supported; use string, number, bigint, boolean, Date, an object type, T[] or Map<K, V>, optionally | null'],
      [4, 'output column "maybe": use | null instead of ?'],
      [5, 'output column "deep": field "a": field "b": use | null instead of ?'],
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

describe("typecheckUdf for filter, flatMap and aggregate", () => {
  it("a filter must return boolean", () => {
    expect(typecheckUdf("export default function keep(row: Input): boolean {\n  return row.id > 0n;\n}", input, "filter")).toEqual({ diagnostics: [], outputColumns: [] });
    const bad = typecheckUdf("export default function keep(row: Input): boolean | null {\n  return null;\n}", input, "filter");
    expect(bad.diagnostics.map((d) => [d.line, d.message])).toEqual([[1, "a filter returns boolean, not boolean | null"]]);
  });

  it("a flatMap returns an array, Iterable or generator of rows", () => {
    const arr = typecheckUdf("export default function f(row: Input): { w: string; n: bigint }[] {\n  return [{ w: 'a', n: row.id }];\n}", input, "flatMap");
    expect(arr.diagnostics).toEqual([]);
    expect(arr.outputColumns?.map((c) => c.name)).toEqual(["w", "n"]);
    const gen = typecheckUdf("type R = { w: string };\nexport default function* f(row: Input): Generator<R> {\n  yield { w: row.name ?? '' };\n}", input, "flatMap");
    expect(gen.diagnostics).toEqual([]);
    expect(gen.outputColumns).toEqual([{ name: "w", type: { root: "STRING", nullable: false } }]);
    const one = typecheckUdf("export default function f(row: Input): { w: string } {\n  return { w: '' };\n}", input, "flatMap");
    expect(one.diagnostics[0]?.message).toMatch(/^a flatMap returns rows: an array \(or Iterable\) of an object type/);
  });

  it("an aggregate exports create and add, and its default export gives the columns", () => {
    const code = [
      "type Acc = { n: bigint };",
      "export function create(): Acc { return { n: 0n }; }",
      "export function add(acc: Acc, row: Input): Acc { return { n: acc.n + row.id }; }",
      "export default function result(acc: Acc): { n: bigint } { return acc; }",
    ].join("\n");
    expect(typecheckUdf(code, input, "aggregate")).toEqual({ diagnostics: [], outputColumns: [{ name: "n", type: { root: "BIGINT", nullable: false } }] });
    const noAdd = typecheckUdf(code.replace("export function add", "function add"), input, "aggregate");
    expect(noAdd.diagnostics.map((d) => [d.line, d.message])).toEqual([[4, "an aggregate folds each row in with add(): export function add(acc: Acc, row: Input): Acc { … }"]]);
  });

  it("an aggregate in a hop, session or cumulate window exports a callable merge, in any form the compiler resolves", () => {
    const code = [
      "type Acc = { n: bigint };",
      "export function create(): Acc { return { n: 0n }; }",
      "const add = (acc: Acc, row: Input): Acc => ({ n: acc.n + row.id });",
      "export { add };",
      "export default function result(acc: Acc): { n: bigint } { return acc; }",
    ].join("\n");
    expect(typecheckUdf(code, input, "aggregate").diagnostics).toEqual([]);
    expect(typecheckUdf(code, input, "aggregate", "session").diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [5, 1, "a session window merges accumulators: export function merge(a: Acc, b: Acc): Acc { … }"],
    ]);
    const merged = `${code}\nfunction both(a: Acc, b: Acc): Acc { return { n: a.n + b.n }; }\nexport { both as merge };`;
    expect(typecheckUdf(merged, input, "aggregate", "cumulate").diagnostics).toEqual([]);
    // exported, but not a function the worker can call: the tokens in the editor cannot tell, the compiler can
    const notCallable = typecheckUdf(`${code}\nexport const merge = 1;`, input, "aggregate", "hop");
    expect(notCallable.diagnostics.map((d) => d.message)).toEqual(["a hop window merges accumulators: export function merge(a: Acc, b: Acc): Acc { … }"]);
  });
});

describe("bundleUdf source map", () => {
  it("appends an inline source map with the TypeScript source", () => {
    const js = bundleUdf(CODE);
    const map = JSON.parse(Buffer.from(js.split("sourceMappingURL=data:application/json;base64,")[1]!, "base64").toString("utf8")) as { sourcesContent: string[]; mappings: string };
    expect(map.sourcesContent).toEqual([CODE]);
    expect(map.mappings.length).toBeGreaterThan(0);
  });
});
