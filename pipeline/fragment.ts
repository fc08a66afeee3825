// Copy / paste of part of a graph: a fragment holds some nodes and the edges between them; pasting remaps every id.
import { z } from "zod";
import { EdgeSchema, NodeSchema, type PipelineEdge, type PipelineGraph, type PipelineNode } from "./graph";
import { getNodeKind } from "./kinds";
import { upgradeNode } from "./upgrade";

export const FRAGMENT_TYPE = "streamcanvas/fragment";
export const FragmentSchema = z.object({
  type: z.literal(FRAGMENT_TYPE),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
});
export type Fragment = z.infer<typeof FragmentSchema>;

/** Ids must match the graph schema's id pattern: a letter, then letters, digits, _ or -. */
export function nextNodeId(kind: string, taken: Iterable<string>): string {
  const used = taken instanceof Set ? (taken as Set<string>) : new Set(taken);
  const base = kind.replace(/[^A-Za-z0-9]+/g, "_").replace(/^[^A-Za-z]+/, "n");
  for (let i = 1; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

export const edgeIdFor = (e: Pick<PipelineEdge, "from" | "to">) => `e_${e.from.node}_${e.from.port}_${e.to.node}_${e.to.port}`;

/** The chosen nodes and only the edges with both ends among them (an edge to a node left behind has nowhere to go). */
export function extractFragment(graph: Pick<PipelineGraph, "nodes" | "edges">, nodeIds: Iterable<string>): Fragment {
  const ids = new Set(nodeIds);
  return {
    type: FRAGMENT_TYPE,
    nodes: graph.nodes.filter((n) => ids.has(n.id)).map((n) => structuredClone(n)),
    edges: graph.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node)).map((e) => structuredClone(e)),
  };
}

/** New nodes and edges for pasting a fragment into a graph holding `takenIds`: fresh ids, positions shifted by `offset`. */
export function remapFragment(
  fragment: Fragment, takenIds: Iterable<string>, offset: { x: number; y: number },
): { nodes: PipelineNode[]; edges: PipelineEdge[]; idMap: Map<string, string> } {
  const taken = new Set(takenIds);
  const idMap = new Map<string, string>();
  const nodes = fragment.nodes.map((n) => {
    const id = nextNodeId(n.kind, taken);
    taken.add(id);
    idMap.set(n.id, id);
    return { ...structuredClone(n), id, position: { x: Math.round(n.position.x + offset.x), y: Math.round(n.position.y + offset.y) } };
  });
  const edges = fragment.edges.flatMap((e) => {
    const from = idMap.get(e.from.node);
    const to = idMap.get(e.to.node);
    if (!from || !to) return [];
    const edge = { from: { node: from, port: e.from.port }, to: { node: to, port: e.to.port } };
    return [{ id: edgeIdFor(edge), ...edge }];
  });
  return { nodes, edges, idMap };
}

/**
 * A fragment from clipboard text, or null when the text is something else (any text may be on the clipboard). Nodes
 * copied from an older StreamCanvas are upgraded to their kind's current version, as a loaded graph's are.
 */
export function parseFragment(text: string): Fragment | null {
  try {
    const r = FragmentSchema.safeParse(JSON.parse(text));
    if (!r.success) return null;
    const nodes = r.data.nodes.map((n) => {
      const kind = getNodeKind(n.kind);
      const up = kind ? upgradeNode(n, kind) : null;
      return up?.ok ? up.node : n;
    });
    return { ...r.data, nodes };
  } catch {
    return null;
  }
}
