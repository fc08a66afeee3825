// Auto-layout left to right with ELK's layered algorithm; elkjs (~1.5 MB) is imported only when the user asks for a layout.
import type { PipelineGraph } from "@/pipeline/graph";

type Size = { width: number; height: number };
const DEFAULT_SIZE: Size = { width: 180, height: 72 };

/** New top-left positions for every node; `sizes` are the measured node boxes (unmeasured nodes get a default box). */
export async function layoutGraph(
  graph: Pick<PipelineGraph, "nodes" | "edges">, sizes: Record<string, Size | undefined> = {},
): Promise<Record<string, { x: number; y: number }>> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const elk = new ELK();
  const ids = new Set(graph.nodes.map((n) => n.id));
  const result = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
      "elk.spacing.nodeNode": "40",
      "elk.spacing.componentComponent": "60",
      // Keep the drawing's top-to-bottom order where the graph allows, so a layout does not shuffle what the user knows.
      "elk.layered.crossingMinimization.forceNodeModelOrder": "true",
    },
    children: graph.nodes.map((n) => ({ id: n.id, ...(sizes[n.id] ?? DEFAULT_SIZE) })),
    edges: graph.edges
      .filter((e) => ids.has(e.from.node) && ids.has(e.to.node))
      .map((e) => ({ id: e.id, sources: [e.from.node], targets: [e.to.node] })),
  });
  const out: Record<string, { x: number; y: number }> = {};
  for (const c of result.children ?? []) out[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  return out;
}
