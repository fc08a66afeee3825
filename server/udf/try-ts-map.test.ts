// Try it / pinned tests run the node's function in the sandboxed worker program (a real Node process, no Flink).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { graph } from "@/pipeline/testing/graphs";
import { parseGraph } from "@/pipeline/upgrade";
import { runUdfTests, testsPassed, tryTsMap } from "./try-ts-map";

const values = {
  id: "src", kind: "values",
  config: { columns: [{ name: "id", type: "BIGINT" }, { name: "at", type: "TIMESTAMP(3)" }, { name: "name", type: "STRING" }], rows: [["1", "'2024-01-31 12:00:00.000'", "'a'"]] },
};
const g = (code: string, tests: unknown[] = []) =>
  graph([values, { id: "m", kind: "ts-map", version: 2, config: { code, tests } }, { id: "out", kind: "collect" }], ["src->m", "m->out"]);
const CODE = `export default function f(row: Input): { name: string; next: bigint; later: Date } {
  return { name: (row.name ?? "?").toUpperCase(), next: (row.id ?? 0n) + 1n, later: new Date((row.at?.getTime() ?? 0) + 1000) };
}`;

describe("tryTsMap", () => {
  it("applies the function to rows in the runner's JSON encoding and answers in it", async () => {
    const r = await tryTsMap(g(CODE), "m", [{ id: "41", at: "2024-01-31T12:00:00.000", name: "x" }, { id: null, at: null, name: null }]);
    expect(r.error).toBeNull();
    expect(r.outputColumns.map((c) => c.name)).toEqual(["name", "next", "later"]);
    expect(r.rows.map((x) => x.output)).toEqual([
      { name: "X", next: "42", later: "2024-01-31T12:00:01.000" },
      { name: "?", next: "1", later: "1970-01-01T00:00:01.000" },
    ]);
  });

  it("hands nested columns to the function as objects, arrays and Maps and answers nested values in the runner's JSON", async () => {
    const nested = graph([
      { id: "src", kind: "datagen", config: { columns: [
        { name: "payload", type: "ROW<`id` BIGINT NOT NULL, `at` TIMESTAMP(3), `tags` ARRAY<STRING>>", kind: "random" },
        { name: "m", type: "MAP<BIGINT, DOUBLE>", kind: "random" },
      ] } },
      { id: "m", kind: "ts-map", version: 2, config: { code: [
        "export default function f(row: Input): { out: { next: bigint; later: Date | null; first: string | null } | null; keys: bigint[] } {",
        "  const p = row.payload;",
        "  const keys = row.m === null ? [] : [...row.m.keys()].map((k) => k ?? -1n);",
        "  return { out: p === null ? null : { next: p.id + 1n, later: p.at && new Date(p.at.getTime() + 1000), first: p.tags?.[0] ?? null }, keys };",
        "}",
      ].join("\n"), tests: [] } },
      { id: "out", kind: "collect" },
    ], ["src->m", "m->out"]);
    const r = await tryTsMap(nested, "m", [
      { payload: { id: "9223372036854775806", at: "2024-01-31T12:00:00.000", tags: [null, "b"] }, m: [["9007199254740993", 1.5]] },
      { payload: null, m: null },
    ]);
    expect(r.error).toBeNull();
    expect(r.rows.map((x) => x.output)).toEqual([
      { out: { next: "9223372036854775807", later: "2024-01-31T12:00:01.000", first: null }, keys: ["9007199254740993"] },
      { out: null, keys: [] },
    ]);
  });

  it("reports a throw with the input row and the UDF's frame", async () => {
    const r = await tryTsMap(g(`export default function f(row: Input): { n: number } {\n  if (row.name === "bad") throw new Error("no bad names");\n  return { n: 1 };\n}`), "m", [{ name: "ok" }, { name: "bad" }]);
    expect(r.error?.message).toBe('UDF "m" failed: Error: no bad names');
    expect(r.error?.row).toMatchObject({ name: "bad" });
    // mapped through the bundle's source map to the TypeScript line of the throw, as the runner maps a job's stack
    expect(r.error?.stack[0]).toMatch(/^in f \(m\.ts:2:\d+\)$/);
  });

  it("refuses a value of the wrong type for its column, as a job does", async () => {
    // `as never` gets past the type-checker, as a value from untyped data would
    const r = await tryTsMap(g(`export default function f(row: Input): { name: string } {\n  return { name: (row.id as never) };\n}`), "m", [{ id: "7", name: "x" }]);
    expect(r.error?.message).toMatch(/^UDF "m" failed: TypeError: column "name" \(STRING NOT NULL\) expects a string, got bigint 7$/);
    expect(r.error?.row).toMatchObject({ name: "x" });
  });

  it("runs in the sandbox: an empty environment", async () => {
    const code = `declare const process: { env: object };\ndeclare function require(m: string): unknown;\nexport default function f(row: Input): { env: number; write: string } {\n  let write = "ok";\n  try { (globalThis as any).process.binding("fs"); } catch (e) { write = String(e).slice(0, 40); }\n  return { env: Object.keys(process.env).length, write };\n}`;
    const r = await tryTsMap(g(code), "m", [{ name: "x" }]);
    expect(r.error).toBeNull();
    expect(r.rows[0]!.output!.env).toBe(0);
  });

  it("refuses a type error, naming node, field and line", async () => {
    await expect(tryTsMap(g(`export default function f(row: Input): { n: number } {\n  return { n: row.nope };\n}`), "m", [])).rejects.toThrow(/node m: line 2/);
  });
});

describe("tryTsMap on other UDF kinds", () => {
  const of = (kind: string, code: string) =>
    graph([values, { id: "u", kind, config: { code } }, { id: "out", kind: "collect" }], ["src->u", "u->out"]);

  it("a TS filter answers, per input row, whether it keeps it", async () => {
    const r = await tryTsMap(of("ts-filter", `export default function keep(row: Input): boolean {\n  return (row.id ?? 0n) > 1n;\n}`), "u",
      [{ id: "1", name: "a" }, { id: "2", name: "b" }, { id: null, name: "c" }]);
    expect(r.error).toBeNull();
    expect(r.outputColumns).toEqual([{ name: "keeps row", type: "BOOLEAN" }]);
    expect(r.rows.map((x) => [x.input.name, x.output])).toEqual([["a", { "keeps row": false }], ["b", { "keeps row": true }], ["c", { "keeps row": false }]]);
  });

  it("a TS flatMap gives one line per yielded row, and a line without output for an input that yields none", async () => {
    const code = `export default function split(row: Input): { part: string }[] {\n  return (row.name ?? "").split(",").filter((p) => p !== "").map((part) => ({ part }));\n}`;
    const r = await tryTsMap(of("ts-flat-map", code), "u", [{ name: "x,y" }, { name: "" }, { name: "z" }]);
    expect(r.error).toBeNull();
    expect(r.outputColumns.map((c) => c.name)).toEqual(["part"]);
    expect(r.rows.map((x) => [x.input.name, x.output])).toEqual([["x,y", { part: "x" }], ["x,y", { part: "y" }], ["", null], ["z", { part: "z" }]]);
  });
});

describe("runUdfTests", () => {
  it("passes every example's pinned tests (at least one example pins some)", async () => {
    let pinned = 0;
    for (const f of fs.readdirSync("examples").filter((x) => x.endsWith(".json"))) {
      const ex = parseGraph(JSON.parse(fs.readFileSync(`examples/${f}`, "utf8")));
      if (!ex.ok) throw new Error(`${f} invalid`);
      const r = await runUdfTests(ex.graph);
      pinned += r.reduce((n, x) => n + x.cases.length, 0);
      expect(testsPassed(r), `${f}: ${JSON.stringify(r)}`).toBe(true);
    }
    expect(pinned).toBeGreaterThan(0);
  });

  it("passes the pinned tests of the example and shows a diff for a wrong expectation", async () => {
    const ex = parseGraph(JSON.parse(fs.readFileSync("examples/ts-map-enrich.json", "utf8")));
    if (!ex.ok) throw new Error("example invalid");
    const r = await runUdfTests(ex.graph);
    expect(r.map((n) => [n.nodeId, n.cases.length, n.error])).toEqual([["enrich", 2, null]]);
    expect(testsPassed(r)).toBe(true);
    const broken = structuredClone(ex.graph) as PipelineGraph;
    const node = broken.nodes.find((n) => n.id === "enrich")!;
    (node.config.tests as { expected: Record<string, unknown> }[])[0]!.expected.tier = "silver";
    const bad = await runUdfTests(broken);
    expect(testsPassed(bad)).toBe(false);
    expect(bad[0]!.cases[0]!.diffs).toEqual([{ column: "tier", expected: "silver", actual: "gold" }]);
  });
});
