// A generated large pipeline for the canvas bench: 100 groups of 10 nodes and 12 edges (1,000 nodes, 1,200 edges),
// valid, so every edge carries a row-type label as in real use.
import { SCHEMA_VERSION, type PipelineGraph } from "@/pipeline/graph";
import { defaultRunSettings } from "@/pipeline/run-settings";
import { getNodeKind } from "@/pipeline/kinds";

type Spec = [suffix: string, kind: string, col: number, row: number];
// s → f1 → u1(left f1, right s) → f2 → f3 → u2(left f3, right f1) → f4 → u3(left f4, right f2) → f5 → sink
const GROUP: Spec[] = [
  ["s", "datagen", 0, 0], ["f1", "filter", 1, 0], ["u1", "union", 2, 0], ["f2", "filter", 3, 0], ["f3", "filter", 4, 0],
  ["u2", "union", 4, 1], ["f4", "filter", 3, 1], ["u3", "union", 2, 1], ["f5", "filter", 1, 1], ["k", "blackhole", 0, 1],
];
const EDGES: [string, string, string][] = [
  ["s", "f1", "in"], ["f1", "u1", "left"], ["s", "u1", "right"], ["u1", "f2", "in"], ["f2", "f3", "in"], ["f3", "u2", "left"],
  ["f1", "u2", "right"], ["u2", "f4", "in"], ["f4", "u3", "left"], ["f2", "u3", "right"], ["u3", "f5", "in"], ["f5", "k", "in"],
];

export function generatePipeline(groups = 100, perRow = 10): PipelineGraph {
  const nodes: PipelineGraph["nodes"] = [];
  const edges: PipelineGraph["edges"] = [];
  for (let g = 0; g < groups; g++) {
    const ox = (g % perRow) * 5 * 230;
    const oy = Math.floor(g / perRow) * 2 * 170 + Math.floor(g / perRow) * 60;
    for (const [suffix, kind, col, row] of GROUP) {
      const k = getNodeKind(kind)!;
      const config = kind === "filter" ? { ...(k.defaults as object), predicate: "id > 0" } : structuredClone(k.defaults) as Record<string, unknown>;
      nodes.push({ id: `g${g}_${suffix}`, kind, version: k.version, config, position: { x: ox + col * 230, y: oy + row * 170 } });
    }
    for (const [a, b, port] of EDGES) {
      edges.push({ id: `e_g${g}_${a}_${b}_${port}`, from: { node: `g${g}_${a}`, port: "out" }, to: { node: `g${g}_${b}`, port } });
    }
  }
  return { schemaVersion: SCHEMA_VERSION, name: `Bench ${nodes.length} nodes`, nodes, edges, settings: defaultRunSettings() };
}
