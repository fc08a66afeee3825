// Whether a pipeline ends by itself: each source kind says so for its config (its `source` facet, as validation uses it).
import { getNodeKind } from "./kinds";
import type { PipelineGraph } from "./graph";

/** Why each source of the graph never ends; empty when every source is bounded. Unknown kinds and configs are skipped. */
export function unboundedSources(graph: PipelineGraph): string[] {
  return graph.nodes.flatMap((n) => {
    const kind = getNodeKind(n.kind);
    if (kind?.category !== "source") return [];
    const parsed = kind.config.safeParse(n.config);
    if (!parsed.success) return [];
    const why = kind.source ? kind.source.unbounded(parsed.data, n.id) : `${kind.kind} "${n.id}" never ends`;
    return why === null ? [] : [why];
  });
}
