// The server's compile path for TS UDFs: golden graph → IR with the bundled module (fixtures/, runnable by jvm-runner),
// and type errors reported as GraphErrors on the node's code field.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "@/pipeline/compile";
import type { PipelineGraph } from "@/pipeline/graph";
import { checkGraph, compileGraph } from "@/server/pipeline-ops";
import { checkUdfs } from "./compile-udfs";
import { GraphCompileError } from "@/server/errors";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const fixture = (): PipelineGraph => JSON.parse(readFileSync(path.join(FIXTURES, "ts-map.graph.json"), "utf8")) as PipelineGraph;
const withCode = (g: PipelineGraph, code: (c: string) => string): PipelineGraph => ({
  ...g, nodes: g.nodes.map((n) => (n.kind === "ts-map" ? { ...n, config: { code: code(n.config.code as string) } } : n)),
});

describe("compileGraph with a ts-map node", () => {
  it("equals the golden IR, the udfMap code being the bundled ES module (UPDATE_GOLDEN=1 rewrites it)", () => {
    const text = `${JSON.stringify(compileGraph(fixture()), null, 2)}\n`;
    const file = path.join(FIXTURES, "ts-map.ir.json");
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, "utf8"));
    const pure = compile(fixture());
    if (!pure.ok) throw new Error("fixture does not compile");
    const udf = (p: typeof pure.program) => p.statements.find((s) => s.op === "udfMap")!;
    expect(udf(pure.program).udf.code).toContain("(row: Input): { name: string; big: bigint }");
    expect(udf(JSON.parse(text) as typeof pure.program).udf.code).not.toContain(": Input");
  });

  it("blocks a type error with node id, field code and line:column", () => {
    const bad = withCode(fixture(), (c) => c.replace("row.id ?? 0n", "row.idd ?? 0n"));
    const errors = checkGraph(bad);
    expect(errors).toEqual([expect.objectContaining({ nodeId: "enrich", field: "code" })]);
    expect(errors[0]!.message).toBe("line 3:82: Property 'idd' does not exist on type 'Input'.");
    expect(() => compileGraph(bad)).toThrow(GraphCompileError);
    try { compileGraph(bad); } catch (e) { expect((e as GraphCompileError).graphErrors).toEqual(errors); }
  });

  it("refuses an import at its line", () => {
    const errors = checkGraph(withCode(fixture(), (c) => `import _ from "lodash";\n${c}`));
    expect(errors.map((e) => [e.nodeId, e.field, e.message])).toEqual([["enrich", "code", 'line 1:1: cannot import "lodash": a TypeScript UDF may import only "change-case" and "dayjs"']]);
  });

  it("reports the pure validator's errors first, without running the compiler", () => {
    const errors = checkGraph(withCode(fixture(), (c) => c.replace("big: bigint }", "big: Set<bigint> }")));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^line 2:\d+: output column "big": type "Set" is not supported/);
  });
});

describe("compileGraph with a window's TS aggregate", () => {
  const windowed = (): PipelineGraph =>
    JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "..", "pipeline", "fixtures", "ts-aggregate-windows.graph.json"), "utf8")) as PipelineGraph;
  const withWindowCode = (g: PipelineGraph, code: (c: string) => string): PipelineGraph => ({
    ...g, nodes: g.nodes.map((n) => (n.id === "per_sensor" ? { ...n, config: { ...n.config, code: code(n.config.code as string) } } : n)),
  });

  it("type-checks the code field and bundles it into window.udf; a window without code is left alone", () => {
    const program = compileGraph(windowed());
    const windows = program.statements.filter((s) => s.op === "window");
    expect(windows).toHaveLength(2);
    for (const w of windows) expect(w.op === "window" && w.udf?.code).toMatch(/sourceMappingURL=data:application\/json/);
    const plain = withWindowCode(windowed(), () => "");
    expect(checkGraph(plain)).toEqual([]);
    expect(compileGraph(plain).statements.find((s) => "table" in s && s.table === "per_sensor")).not.toHaveProperty("udf");
  });

  it("blocks a type error in a window's code with node id, field code and line", () => {
    const errors = checkGraph(withWindowCode(windowed(), (c) => c.replace("row.temp ?? 0", "row.tempp ?? 0")));
    expect(errors.map((e) => [e.nodeId, e.field])).toEqual([["per_sensor", "code"]]);
    expect(errors[0]!.message).toMatch(/^line 5:\d+: Property 'tempp' does not exist on type 'Input'/);
  });

  it("asks the session window's aggregate for merge() at its line, before anything runs", () => {
    const merging = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "..", "pipeline", "fixtures", "ts-aggregate-merging.graph.json"), "utf8")) as PipelineGraph;
    const noMerge = { ...merging, nodes: merging.nodes.map((n) => (n.id === "sessions" ? { ...n, config: { ...n.config, code: (n.config.code as string).replace(/export function merge.*\n/, "") } } : n)) };
    const errors = checkGraph(noMerge);
    expect(errors.map((e) => [e.nodeId, e.field, e.message])).toEqual([
      ["sessions", "code", "line 6:1: a session window merges accumulators: export function merge(a: Acc, b: Acc): Acc { … }"],
    ]);
    expect(() => compileGraph(noMerge)).toThrow(GraphCompileError);
    // the compiler's check (which the editor's token reading must agree with) finds the same, in the same words
    expect(checkUdfs(noMerge)).toEqual(errors);
    expect(checkUdfs(merging)).toEqual([]);
  });
});
