// Why a preview shows few or no rows, read from the sample counts of the previewed nodes (pure, shared by UI and CLI).
import type { PipelineGraph } from "./graph";
import { getNodeKind } from "./kinds";

export type PreviewHint = { nodeId: string; message: string };

/** Rows carried by each edge of the preview: the sample count of the node it leaves. */
export function edgeCounts(graph: PipelineGraph, edges: string[], counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of graph.edges) if (edges.includes(e.id) && counts[e.from.node] !== undefined) out[e.id] = counts[e.from.node]!;
  return out;
}

/**
 * A node that received rows but emitted none gets a hint ("filter f dropped all 1000 rows"); a source that emitted none
 * too. Only the first empty node on each path is named: everything after it is empty because of it.
 */
export function previewHints(graph: PipelineGraph, sampled: string[], counts: Record<string, number>): PreviewHint[] {
  const hints: PreviewHint[] = [];
  for (const id of sampled) {
    if (counts[id] !== 0) continue;
    const node = graph.nodes.find((n) => n.id === id);
    const kind = node && getNodeKind(node.kind);
    const inputs = graph.edges.filter((e) => e.to.node === id && sampled.includes(e.from.node)).map((e) => e.from.node);
    const received = inputs.reduce((n, from) => n + (counts[from] ?? 0), 0);
    const title = kind?.title.toLowerCase() ?? "node";
    if (inputs.length === 0) hints.push({ nodeId: id, message: `${title} ${id} produced no rows` });
    else if (received > 0) {
      const all = received === 1 ? "the 1 row" : `all ${received} rows`;
      const why = kind?.kind === "filter" ? "dropped" : kind?.kind === "tumble-window" ? "emitted no window for" : "emitted nothing for";
      hints.push({ nodeId: id, message: `${title} ${id} ${why} ${all} it received` });
    }
  }
  return hints;
}
