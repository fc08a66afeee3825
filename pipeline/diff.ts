// Differences between two versions of a graph: nodes added / removed / changed (kind, version, config fields), edges
// added / removed. Positions are not changes: moving a node changes nothing that runs.
import type { PipelineEdge, PipelineGraph } from "./graph";

export type FieldChange = { field: string; from: unknown; to: unknown };
export type NodeChange = { id: string; kind: string; changes: FieldChange[] };
export type GraphDiff = {
  added: string[];
  removed: string[];
  changed: NodeChange[];
  edgesAdded: PipelineEdge[];
  edgesRemoved: PipelineEdge[];
  renamed: { from: string; to: string } | null;
  /** run settings that differ, e.g. "restartStrategy.attempts" */
  settings: FieldChange[];
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Leaf paths of a value ("columns.2.type" → value); arrays index by position, empty objects/arrays are leaves. */
function flatten(v: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : isObject(v) ? Object.entries(v) : null;
  if (!entries || !entries.length) out.set(prefix, v);
  else for (const [k, x] of entries) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Field-level changes between two configs, sorted by field path. */
export function diffConfig(from: unknown, to: unknown): FieldChange[] {
  const a = flatten(from, "", new Map());
  const b = flatten(to, "", new Map());
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .filter((f) => JSON.stringify(a.get(f)) !== JSON.stringify(b.get(f)))
    .map((f) => ({ field: f, from: a.get(f), to: b.get(f) }));
}

const edgeKey = (e: PipelineEdge) => `${e.from.node}:${e.from.port}->${e.to.node}:${e.to.port}`;

/** What changed from `base` (e.g. an old version) to `current`. */
export function diffGraphs(base: PipelineGraph, current: PipelineGraph): GraphDiff {
  const before = new Map(base.nodes.map((n) => [n.id, n]));
  const after = new Map(current.nodes.map((n) => [n.id, n]));
  const changed: NodeChange[] = [];
  for (const n of current.nodes) {
    const old = before.get(n.id);
    if (!old) continue;
    const changes: FieldChange[] = [];
    if (old.kind !== n.kind) changes.push({ field: "kind", from: old.kind, to: n.kind });
    if (old.version !== n.version) changes.push({ field: "version", from: old.version, to: n.version });
    changes.push(...diffConfig(old.config, n.config).map((c) => ({ ...c, field: `config.${c.field}`.replace(/\.$/, "") })));
    if (changes.length) changed.push({ id: n.id, kind: n.kind, changes });
  }
  // Edges compare by what they connect, not by id: a re-drawn identical connection is no change.
  const edgesBefore = new Set(base.edges.map(edgeKey));
  const edgesAfter = new Set(current.edges.map(edgeKey));
  return {
    added: current.nodes.filter((n) => !before.has(n.id)).map((n) => n.id),
    removed: base.nodes.filter((n) => !after.has(n.id)).map((n) => n.id),
    changed,
    edgesAdded: current.edges.filter((e) => !edgesBefore.has(edgeKey(e))),
    edgesRemoved: base.edges.filter((e) => !edgesAfter.has(edgeKey(e))),
    renamed: base.name === current.name ? null : { from: base.name, to: current.name },
    settings: diffConfig(base.settings, current.settings),
  };
}

export const isEmptyDiff = (d: GraphDiff) =>
  !d.added.length && !d.removed.length && !d.changed.length && !d.edgesAdded.length && !d.edgesRemoved.length && !d.renamed && !d.settings.length;

/**
 * One graph to draw the diff on: every current node plus the removed ones (where they were), with a mark per node.
 * Removed edges are kept too when both their ends are on the drawing.
 */
export function diffOverlay(base: PipelineGraph, current: PipelineGraph, d = diffGraphs(base, current)) {
  const removed = base.nodes.filter((n) => d.removed.includes(n.id));
  const ids = new Set([...current.nodes.map((n) => n.id), ...removed.map((n) => n.id)]);
  const seen = new Set(current.edges.map((e) => e.id));
  const graph: PipelineGraph = {
    ...current,
    nodes: [...current.nodes, ...removed],
    edges: [...current.edges, ...d.edgesRemoved.filter((e) => ids.has(e.from.node) && ids.has(e.to.node) && !seen.has(e.id))],
  };
  const marks: Record<string, "added" | "removed" | "changed"> = {};
  for (const id of d.added) marks[id] = "added";
  for (const id of d.removed) marks[id] = "removed";
  for (const c of d.changed) marks[c.id] = "changed";
  return { graph, marks };
}
