// udf.check through createCaller: the compiler's errors for the live canvas, also while other nodes are still invalid.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { makeHarness, type Harness } from "../testing/harness";

const fixture = (): PipelineGraph =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../udf/fixtures/ts-map.graph.json"), "utf8")) as PipelineGraph;
const withCode = (g: PipelineGraph, code: (c: string) => string): PipelineGraph => ({
  ...g, nodes: g.nodes.map((n) => (n.kind === "ts-map" ? { ...n, config: { code: code(n.config.code as string) } } : n)),
});

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => h.close());

describe("udf.check", () => {
  it("returns each type error once, on the node's code field with its line, and none for good code", async () => {
    const bad = withCode(fixture(), (c) => c.replace("row.id ?? 0n", "row.idd ?? 0n"));
    const { errors } = await h.caller.udf.check({ graph: bad });
    expect(errors).toEqual([expect.objectContaining({ nodeId: "enrich", field: "code", message: "line 3:82: Property 'idd' does not exist on type 'Input'." })]);
    expect((await h.caller.udf.check({ graph: fixture() })).errors).toEqual([]);
  });

  it("checks a UDF whose input is known while another node is still unconnected", async () => {
    const g = withCode(fixture(), (c) => c.replace("row.id ?? 0n", "row.idd ?? 0n"));
    g.nodes.push({ id: "loose", kind: "filter", version: 1, config: { predicate: "true" }, position: { x: 0, y: 200 } });
    const { errors } = await h.caller.udf.check({ graph: g });
    expect(errors.map((e) => e.nodeId)).toEqual(["enrich"]);
  });
});
