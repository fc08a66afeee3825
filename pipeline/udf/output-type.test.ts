import { describe, expect, it } from "vitest";
import { formatType } from "../types";
import { lineCol, tokenize } from "./tokens";
import { readOutputType } from "./output-type";

const cols = (code: string) => {
  const r = readOutputType(code);
  if (!r.ok) throw new Error(r.message);
  return r.columns.map((c) => `${c.name} ${formatType(c.type)}`);
};
const error = (code: string) => {
  const r = readOutputType(code);
  if (r.ok) throw new Error("expected an error");
  return { message: r.message, text: code.slice(r.span.start, r.span.end), ...lineCol(code, r.span.start) };
};

describe("readOutputType", () => {
  it("maps the declared return type to Flink types", () => {
    expect(cols(`export default function map(row: Input): { upper: string; n: bigint | null; x: number, ok: boolean\n at: null | Date; "my col": string } { return row as any; }`))
      .toEqual(["upper STRING NOT NULL", "n BIGINT", "x DOUBLE NOT NULL", "ok BOOLEAN NOT NULL", "at TIMESTAMP(3)", "my col STRING NOT NULL"]);
  });

  it("skips comments, strings, templates and regexes before the function, and reads a named interface or type", () => {
    const code = [
      "// export default function fake(): { no: string }",
      "const s = 'export default'; const t = `${ { a: 1 }.a } export default`; const re = /export default \\{/g;",
      "interface Out { readonly upper: string; readonly: number | null }",
      "/* export default */ export default function (row: Input): Out {",
      "  return { upper: row.name.toUpperCase(), readonly: null };",
      "}",
    ].join("\n");
    expect(cols(code)).toEqual(["upper STRING NOT NULL", "readonly DOUBLE"]);
    expect(cols(`type O = { a: bigint };\nexport default function f({ a }: Input): O { return { a }; }`)).toEqual(["a BIGINT NOT NULL"]);
  });

  it("maps nested object types to ROW, arrays to ARRAY and Map to MAP, nullability kept at every level", () => {
    const code = [
      "interface User { id: bigint; tags: (string | null)[] }",
      "export default function map(row: Input): {",
      "  user: User | null;",
      "  inline: { readonly \"a b\": number; at: Date | null };",
      "  ids: bigint[] | null; grid: number[][]; arr: Array<boolean | null>; ro: readonly string[];",
      "  scores: Map<string, number | null>; byId: Map<bigint, { n: number }> | null;",
      "} { return row as any; }",
    ].join("\n");
    expect(cols(code)).toEqual([
      "user ROW<`id` BIGINT NOT NULL, `tags` ARRAY<STRING> NOT NULL>",
      "inline ROW<`a b` DOUBLE NOT NULL, `at` TIMESTAMP(3)> NOT NULL",
      "ids ARRAY<BIGINT NOT NULL>",
      "grid ARRAY<ARRAY<DOUBLE NOT NULL> NOT NULL> NOT NULL",
      "arr ARRAY<BOOLEAN> NOT NULL",
      "ro ARRAY<STRING NOT NULL> NOT NULL",
      "scores MAP<STRING NOT NULL, DOUBLE> NOT NULL",
      "byId MAP<BIGINT NOT NULL, ROW<`n` DOUBLE NOT NULL> NOT NULL>",
    ]);
  });

  it("refuses nested types it cannot map at their position, naming the path", () => {
    const e = error("export default function map(row: Input): {\n  ok: string;\n  bad: { inner: Set<string> };\n} { return row; }");
    expect(e).toMatchObject({ line: 3, column: 17, text: "Set" });
    expect(e.message).toMatch(/"bad.inner".*"Set" is not supported.*an object type, T\[\] or Map<K, V>/);
    expect(error("export default function map(row: Input): { a: { b?: string } } {}").message).toMatch(/"a.b" nullable with \| null/);
    expect(error("export default function map(row: Input): { a: {} } {}").message).toMatch(/"a" needs at least one field/);
    expect(error("export default function map(row: Input): { a: string[] | number[] } {}").message).toMatch(/mixes string and number/);
    expect(error("interface A { a: A }\nexport default function map(row: Input): { a: A } {}").message).toMatch(/nests more than 16 levels/);
  });

  it("refuses unsupported types at their position", () => {
    const e = error("export default function map(row: Input): {\n  ok: string;\n  bad: Set<string>;\n} { return row; }");
    expect(e).toMatchObject({ line: 3, column: 8, text: "Set" });
    expect(e.message).toMatch(/"bad".*not supported.*string, number, bigint, boolean, Date/);
    expect(error("export default function map(row: Input): { a: unknown } {}").message).toMatch(/"unknown" is not supported/);
    expect(error("export default function map(row: Input): { a: string | number } {}").message).toMatch(/mixes string and number/);
    expect(error("export default function map(row: Input): { a?: string } {}").message).toMatch(/\| null instead of \?/);
    expect(error("export default function map(row: Input): { a: null } {}").message).toMatch(/only null/);
    expect(error("export default function map(row: Input): {} {}").message).toMatch(/at least one output column/);
    expect(error("export default function map(row: Input): { a: string; a: bigint } {}").message).toMatch(/declared twice/);
  });

  it("asks for a declared return type and a default-exported synchronous function", () => {
    expect(error("export default function map(row: Input) { return {}; }")).toMatchObject({ line: 1, column: 41, text: "{" });
    expect(error("export default function map(row: Input) { return {}; }").message).toMatch(/declare the output columns/);
    expect(error("function map(row: Input): { a: string } { return { a: '' }; }").message).toMatch(/export the function: export default function map/);
    expect(error("export default async function map(row: Input): Promise<{ a: string }> {}").message).toMatch(/not a Promise/);
    expect(error("export default function map(row: Input): Out {}").message).toMatch(/declare Out in this code/);
    expect(error("export default function map(row: Input): string {}").message).toMatch(/must be an object type/);
  });
});

describe("tokenize", () => {
  it("keeps strings and templates whole", () => {
    expect(tokenize("a = `x${ '}' + `${1}` }y` + 'q\\'s' // c").map((t) => t.text)).toEqual(["a", "=", "`x${ '}' + `${1}` }y`", "+", "'q\\'s'"]);
  });
});
