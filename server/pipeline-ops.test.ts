// prepareRun: what a Run sends the runner, from one analysis of the graph: the bundled program, or every blocking error
// (the same checkGraph reports), each pinned to its node and field.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { graph, seqSource } from "@/pipeline/testing/graphs";
import { checkGraph, compileGraph, prepareRun } from "./pipeline-ops";

const fixture = (): PipelineGraph =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "udf", "fixtures", "ts-map.graph.json"), "utf8")) as PipelineGraph;

describe("prepareRun", () => {
  it("gives the program compileGraph gives: TS UDFs bundled", () => {
    const r = prepareRun(fixture());
    if (!("program" in r)) throw new Error(JSON.stringify(r.errors));
    expect(r.program).toEqual(compileGraph(fixture()));
    expect(r.program.statements.find((s) => s.op === "udfMap")!.udf.code).not.toContain(": Input");
  });

  it("gives the errors checkGraph gives, validation first and a UDF's type error at its node's code", () => {
    const invalid = graph([seqSource("src"), { id: "f", kind: "filter", config: { predicate: "nope > 1" } }, { id: "c", kind: "collect" }], ["src->f", "f->c"]);
    const r = prepareRun(invalid);
    expect("errors" in r && r.errors).toEqual(checkGraph(invalid));
    expect(checkGraph(invalid)).toContainEqual(expect.objectContaining({ nodeId: "f" }));
    const g = fixture();
    const bad = { ...g, nodes: g.nodes.map((n) => (n.kind === "ts-map" ? { ...n, config: { code: (n.config.code as string).replace("row.id ?? 0n", "row.idd ?? 0n") } } : n)) };
    expect(prepareRun(bad)).toEqual({ errors: [expect.objectContaining({ nodeId: "enrich", field: "code", message: "line 3:82: Property 'idd' does not exist on type 'Input'." })] });
  });

  it("refuses a file path outside the data root on the node's path field", () => {
    const g = graph([{ id: "in", kind: "filesystem-source", config: { path: "../../etc", format: "csv", columns: [{ name: "a", type: "STRING" }] } },
      { id: "c", kind: "collect" }], ["in->c"]);
    const root = mkdtempSync(path.join(tmpdir(), "sc-prepare-"));
    try {
      expect(prepareRun(g, root)).toEqual({ errors: [{ nodeId: "in", field: "path", message: '"../../etc" leaves the data root (..)' }] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
