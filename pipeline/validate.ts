// Graph validation and row-type inference, in topological order; the same pass feeds compile().
import { danglingEdges, type GraphError, type PipelineGraph, type PipelineNode } from "./graph";
import { getNodeKind, type NodeKind, portsOf } from "./kinds";
import { findCycles, topoOrder } from "./topology";
import type { RowType } from "./types";
import { upgradeNode } from "./upgrade";
import { changelogOf, changelogPorts } from "./changelog";
import type { Changelog } from "./kinds/define";
import type { RunSettings } from "./run-settings";

export type ValidationResult = {
  errors: GraphError[];
  /** output row type per node id; undefined for sinks and for nodes too broken (or behind broken ones) to say */
  rowTypes: Record<string, RowType | undefined>;
  /** row type carried by each edge id */
  edgeTypes: Record<string, RowType | undefined>;
};

/** What compile needs besides the errors: parsed configs, the order, and which node feeds which input port. */
export type GraphAnalysis = ValidationResult & {
  order: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  nodes: Map<string, { node: PipelineNode; kind: NodeKind<any>; config: unknown }>;
  inputs: Record<string, Record<string, string>>;
  /** each node's output changelog (insert-only, or updating and by which node), as Flink's planner infers it */
  changelogs: Record<string, Changelog | undefined>;
};

export function validateGraph(graph: PipelineGraph): ValidationResult {
  const { errors, rowTypes, edgeTypes } = analyzeGraph(graph);
  return { errors, rowTypes, edgeTypes };
}

export function analyzeGraph(graph: PipelineGraph): GraphAnalysis {
  const errors: GraphError[] = [];
  const { ids, nodes } = checkNodes(graph, errors);
  const links = checkEdges(graph, errors);
  const inputs = checkInputs(graph, ids, nodes, links, errors);
  const pairs = links.map((e) => [e.from.node, e.to.node] as [string, string]);
  for (const cycle of findCycles(ids, pairs)) {
    const text = cycle.join(" → ");
    for (const id of cycle.slice(0, -1)) errors.push({ nodeId: id, message: `part of a cycle: ${text}` });
  }
  if (!graph.nodes.some((n) => getNodeKind(n.kind)?.category === "sink")) {
    errors.push({ message: "the pipeline has no sink: add a print, blackhole or collect node" });
  }
  const order = topoOrder(ids, pairs);
  const { rowTypes, changelogs } = inferTypes(ids, order, nodes, inputs, errors, graph.settings);
  const edgeTypes = Object.fromEntries(graph.edges.map((e) => [e.id, links.includes(e) ? rowTypes[e.from.node] : undefined]));
  return { errors, rowTypes, edgeTypes, order, nodes, inputs, changelogs };
}

/** Unique ids, known kinds, current versions and configs that parse; only such nodes take part in inference. */
function checkNodes(graph: PipelineGraph, errors: GraphError[]) {
  const nodes: GraphAnalysis["nodes"] = new Map();
  const ids: string[] = [];
  for (const node of graph.nodes) {
    if (ids.includes(node.id)) { errors.push({ nodeId: node.id, message: `node id "${node.id}" is used by more than one node` }); continue; }
    ids.push(node.id);
    const kind = getNodeKind(node.kind);
    if (!kind) { errors.push({ nodeId: node.id, message: `unknown node kind "${node.kind}"` }); continue; }
    const up = upgradeNode(node, kind);
    if (!up.ok) { errors.push({ nodeId: node.id, message: up.message }); continue; }
    const parsed = kind.config.safeParse(up.node.config);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ nodeId: node.id, field: issue.path.map(String).join(".") || undefined, message: issue.message });
      }
      continue;
    }
    nodes.set(node.id, { node, kind, config: parsed.data });
  }
  return { ids, nodes };
}

/** Row types in topological order; a node whose inputs are unknown is skipped, since the node upstream already has the error. */
function inferTypes(ids: string[], order: string[], nodes: GraphAnalysis["nodes"], inputs: GraphAnalysis["inputs"], errors: GraphError[],
  settings: RunSettings | undefined) {
  const rowTypes: Record<string, RowType | undefined> = Object.fromEntries(ids.map((id) => [id, undefined]));
  const unbounded: Record<string, string | undefined> = {};
  const changelogs: Record<string, Changelog | undefined> = {};
  for (const id of order) {
    const entry = nodes.get(id);
    if (!entry) continue;
    const inTypes: Record<string, RowType> = {};
    for (const p of entry.kind.ports.inputs) {
      const from = inputs[id]?.[p];
      const t = from === undefined ? undefined : rowTypes[from];
      if (t) inTypes[p] = t;
    }
    if (Object.keys(inTypes).length !== entry.kind.ports.inputs.length) continue;
    const unboundedInputs = unboundedPorts(entry.kind, inputs[id] ?? {}, unbounded);
    const changelogInputs = changelogPorts(entry.kind, inputs[id] ?? {}, changelogs);
    try {
      const r = entry.kind.inferRowType({ nodeId: id, config: entry.config, inputs: inTypes, unboundedInputs, changelogInputs, settings });
      rowTypes[id] = r.rowType;
      unbounded[id] = boundedness(id, entry.kind, entry.config, r.unbounded, unboundedInputs);
      changelogs[id] = changelogOf(entry.kind, r.changelog, changelogInputs, r.rowType);
      errors.push(...r.errors.map((e) => ({ ...e, nodeId: e.nodeId ?? id })));
    } catch (e) {
      errors.push({ nodeId: id, message: `internal error while checking this ${entry.kind.kind} node: ${(e as Error).message}` });
    }
  }
  return { rowTypes, changelogs };
}

/** Why each input port's feeding node never ends (bounded ports have no entry). */
function unboundedPorts(kind: NodeKind<unknown>, from: Record<string, string>, unbounded: Record<string, string | undefined>) {
  const out: Record<string, string> = {};
  for (const p of kind.ports.inputs) {
    const why = from[p] === undefined ? undefined : unbounded[from[p]];
    if (why !== undefined) out[p] = why;
  }
  return out;
}

/**
 * A kind's own answer (null = bounded), else: a source's `source` facet, and a source without one runs forever; other
 * nodes end when all inputs end.
 */
function boundedness(id: string, kind: NodeKind<unknown>, config: unknown, own: string | null | undefined, inputs: Record<string, string>): string | undefined {
  if (own !== undefined) return own ?? undefined;
  if (kind.source) return kind.source.unbounded(config, id) ?? undefined;
  if (kind.category === "source") return `${kind.kind} "${id}" never ends`;
  return Object.values(inputs)[0];
}

type Edge = PipelineGraph["edges"][number];

/** Edges whose ends and ports exist; the rest are reported (graph.ts words it, as a file import does). */
function checkEdges(graph: PipelineGraph, errors: GraphError[]): Edge[] {
  const edgeIds = new Set<string>();
  const duplicate = new Set<number>();
  graph.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) {
      errors.push({ edgeId: e.id, message: `edge id "${e.id}" is used by more than one edge` });
      duplicate.add(i);
    }
    edgeIds.add(e.id);
  });
  const bad = new Set(duplicate);
  for (const d of danglingEdges(graph, portsOf)) {
    if (duplicate.has(d.index)) continue; // named once, by its id
    errors.push({ edgeId: d.edge.id, ...(d.nodeId ? { nodeId: d.nodeId } : {}), message: d.message });
    bad.add(d.index);
  }
  return graph.edges.filter((_, i) => !bad.has(i));
}

/** Maps each node's input ports to the node feeding them; reports unconnected and doubly connected inputs. */
function checkInputs(graph: PipelineGraph, ids: string[], nodes: GraphAnalysis["nodes"], links: Edge[], errors: GraphError[]) {
  const inputs: Record<string, Record<string, string>> = {};
  for (const id of ids) {
    const entry = nodes.get(id);
    const ports = entry?.kind.ports.inputs ?? getNodeKind(graph.nodes.find((n) => n.id === id)!.kind)?.ports.inputs ?? [];
    inputs[id] = {};
    for (const port of ports) {
      const into = links.filter((e) => e.to.node === id && e.to.port === port);
      if (into.length === 0) errors.push({ nodeId: id, message: `input "${port}" is not connected` });
      for (const extra of into.slice(1)) {
        errors.push({ nodeId: id, edgeId: extra.id, message: `input "${port}" has ${into.length} incoming edges; connect only one` });
      }
      if (into[0]) inputs[id][port] = into[0].from.node;
    }
  }
  return inputs;
}
