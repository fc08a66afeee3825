// Maps Flink job-graph vertices and their chained operators back to canvas nodes (pure; unit-tested).
// The runner names sources "Source: <nodeId>[n]" (Kafka's "Source: KafkaSource-<catalog>.<database>.<nodeId>"), connector
// sinks "<nodeId>[n]: Writer" and collect sinks "Sink: Collect: <nodeId>"; nodes in between are placed by the topology
// of both graphs.
import type { PipelineGraph } from "@/pipeline/graph";
import { topoOrder } from "@/pipeline/topology";

export type PlanVertex = { id: string; name: string; inputs: string[] };
export type Operator = { name: string; metricPrefix: string; anchor?: { node: string; role: "source" | "sink" } };
export type NodePlacement = {
  /** vertices whose figures belong to the node (several when Flink duplicated a source for two sinks) */
  vertices: string[];
  /** the node's own operator, when Flink kept one for it (sources and sinks): its metrics are the node's */
  operator?: Operator;
  /** that operator in each of the node's vertices (a source Flink reads once per sink has one copy per vertex) */
  copies?: { vertex: string; metricPrefix: string }[];
  /** other canvas nodes whose figures are the same chained group in the same vertices */
  sharedWith: string[];
};

// Flink's metric names replace spaces, dots, colons and commas (MetricQueryService); operator names are cut at 80
// characters in metric scopes.
const metricPrefix = (op: string) => op.slice(0, 80).replace(/[ .:,]/g, "_");

const ANCHORS: [RegExp, "source" | "sink"][] = [
  [/^Source: (.+)\[\d+\]$/, "source"],
  // a source Flink builds from a Source (Kafka's): named by the table's full identifier
  [/^Source: KafkaSource-[^.]+\.[^.]+\.(.+)$/, "source"],
  [/^Sink: Collect: (.+)$/, "sink"],
  [/^(.+)\[\d+\]: Writer$/, "sink"],
  [/^Sink: (.+)\[\d+\]$/, "sink"],
];

export function parseOperators(vertexName: string): Operator[] {
  return vertexName.split(" -> ").map((name) => {
    for (const [re, role] of ANCHORS) {
      const m = re.exec(name);
      if (m) return { name, metricPrefix: metricPrefix(name), anchor: { node: m[1]!, role } };
    }
    return { name, metricPrefix: metricPrefix(name) };
  });
}

/** Kinds that make Flink shuffle their input (a new vertex starts at them), judged by the kind id. */
const SHUFFLING = /aggregate|window|distinct|join|dedup|top|rank|order|sort/;

export function mapVerticesToNodes(graph: PipelineGraph, vertices: PlanVertex[]): Record<string, NodePlacement> {
  const ops = new Map(vertices.map((v) => [v.id, parseOperators(v.name)]));
  const children = new Map<string, string[]>(vertices.map((v) => [v.id, []]));
  for (const v of vertices) for (const i of v.inputs) children.get(i)?.push(v.id);
  const reach = (start: string[], next: (id: string) => string[]) => {
    const seen = new Set<string>();
    const todo = [...start];
    while (todo.length) {
      const id = todo.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      todo.push(...next(id));
    }
    return seen;
  };
  const parentsOf = (id: string) => vertices.find((v) => v.id === id)?.inputs ?? [];
  const anchored = (node: string) => {
    const out: { vertex: string; op: Operator }[] = [];
    for (const [vid, list] of ops) for (const op of list) if (op.anchor?.node === node) out.push({ vertex: vid, op });
    return out;
  };

  const ids = graph.nodes.map((n) => n.id);
  const order = topoOrder(ids, graph.edges.map((e) => [e.from.node, e.to.node]));
  const inputsOf = (id: string) => graph.edges.filter((e) => e.to.node === id).map((e) => e.from.node);
  const outputsOf = (id: string) => graph.edges.filter((e) => e.from.node === id).map((e) => e.to.node);
  const downstreamSinks = (id: string): string[] => {
    const outs = outputsOf(id);
    return outs.length === 0 ? [id] : outs.flatMap(downstreamSinks);
  };

  const placed: Record<string, NodePlacement> = {};
  const sinkVertices = new Map<string, string[]>();
  for (const id of ids) {
    const a = anchored(id);
    if (a.length && outputsOf(id).length === 0) sinkVertices.set(id, a.map((x) => x.vertex));
  }
  for (const id of order) {
    const kind = graph.nodes.find((n) => n.id === id)!.kind;
    const a = anchored(id);
    if (a.length) {
      placed[id] = {
        vertices: [...new Set(a.map((x) => x.vertex))], operator: a[0]!.op, sharedWith: [],
        copies: a.map((x) => ({ vertex: x.vertex, metricPrefix: x.op.metricPrefix })),
      };
      continue;
    }
    const ins = inputsOf(id).flatMap((i) => placed[i]?.vertices ?? []);
    // only vertices that lead to this node's own sinks (a source duplicated for two sinks has one vertex per sink)
    const sinks = downstreamSinks(id).flatMap((s) => sinkVertices.get(s) ?? []);
    const towardSinks = sinks.length ? reach(sinks, parentsOf) : null;
    const keep = (vs: string[]) => (towardSinks ? vs.filter((v) => towardSinks.has(v)) : vs);
    let candidates = keep(ins);
    if (SHUFFLING.test(kind)) {
      const next = keep([...new Set(candidates.flatMap((v) => children.get(v) ?? []))]);
      if (next.length) candidates = next;
    }
    if (!candidates.length) candidates = ins.length ? ins : sinks;
    if (candidates.length) placed[id] = { vertices: [...new Set(candidates)], sharedWith: [] };
  }
  // nodes without their own operator that landed in the same vertices share one chained group's figures
  const groups = new Map<string, string[]>();
  for (const [id, p] of Object.entries(placed)) {
    if (p.operator) continue;
    const key = [...p.vertices].sort().join(",");
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  for (const members of groups.values()) for (const id of members) placed[id]!.sharedWith = members.filter((m) => m !== id);
  return placed;
}
