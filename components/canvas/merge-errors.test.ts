import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION, type GraphError, type PipelineGraph } from "@/pipeline/graph";
import { defaultRunSettings } from "@/pipeline/run-settings";
import { mergeErrors } from "./merge-errors";

const code = "export default function map(row: Input) {\n  return { a: row.nam, b: row.idd };\n}\n";
const graph: PipelineGraph = {
  schemaVersion: SCHEMA_VERSION, name: "g", edges: [], settings: defaultRunSettings(),
  nodes: [{ id: "m", kind: "ts-map", version: 1, config: { code }, position: { x: 0, y: 0 } }],
};
const err = (text: string, message: string, field = "code"): GraphError =>
  ({ nodeId: "m", field, span: { start: code.indexOf(text), end: code.indexOf(text) + text.length }, message });

describe("mergeErrors", () => {
  it("keeps the validator's wording of a problem the compiler reports on the same line", () => {
    const own = [err(") {", "line 1:40: declare the output columns as the return type, e.g. …")];
    const server = [err("export", "line 1:1: declare the output columns as the return type")];
    expect(mergeErrors(graph, own, server)).toEqual(own);
  });

  it("adds the compiler's errors on other lines, each once, two on one line both", () => {
    const own = [err(") {", "line 1:40: declare the output columns")];
    const nam = err("nam", "line 2:20: Property 'nam' does not exist on type 'Input'.");
    const idd = err("idd", "line 2:32: Property 'idd' does not exist on type 'Input'.");
    expect(mergeErrors(graph, own, [nam, idd, nam])).toEqual([...own, nam, idd]);
  });

  it("a message already present counts once; other nodes and fields are not the same problem", () => {
    const nam = err("nam", "line 2:20: Property 'nam' does not exist on type 'Input'.");
    const other = { ...nam, nodeId: "n" };
    const unspanned: GraphError = { nodeId: "m", message: "input \"in\" is not connected" };
    expect(mergeErrors(graph, [nam, unspanned], [nam, other, { ...unspanned }])).toEqual([nam, unspanned, other]);
  });
});
