// The connections a pipeline names: every node whose kind reads or writes through one (its `connection` facet) and
// the name in its config. What an exported file carries and an import checks (never a secret: only names).
import type { PipelineGraph } from "../graph";
import { getNodeKind } from "../kinds";

export function graphConnections(graph: PipelineGraph): { nodeId: string; connection: string }[] {
  return graph.nodes.flatMap((n) => {
    const name = (n.config as { connection?: unknown } | undefined)?.connection;
    return getNodeKind(n.kind)?.connection && typeof name === "string" && name.trim() ? [{ nodeId: n.id, connection: name }] : [];
  });
}
