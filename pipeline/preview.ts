// Preview plan: the part of a graph upstream of one node, compiled by the same compile() as a run, with every real sink
// left out and a capped collect on each previewed node instead; bounded, fast sources so a preview always ends.
import { compile } from "./compile";
import type { GraphError, PipelineGraph } from "./graph";
import { previewJobName } from "./internal-jobs";
import type { Statement, TableProgram } from "./ir";
import { getNodeKind } from "./kinds";
import type { NodeKind } from "./kinds/define";

export const PREVIEW_DEFAULTS = { rows: 100, sourceRows: 1000, seconds: 30 } as const;
/** The stand-in sink compile() needs to accept the subgraph; its statement is dropped again. */
const STAND_IN = "streamcanvas-preview-sink";

export type PreviewOptions = { rows?: number; sourceRows?: number; seconds?: number };
/** The runner's own backstop (jvm-runner/API.md): it cancels a preview job this long after the caller's time limit. */
const RUNNER_GRACE_S = 10;
export type PreviewPlan = {
  program: TableProgram;
  /** the node whose output is shown: the node itself, or for a sink the node feeding it */
  target: string;
  /** every node whose output the job collects (sink ids in the job = node ids), upstream first */
  sampled: string[];
  /** edge ids inside the previewed subgraph, for count badges */
  edges: string[];
};
export type PlanResult = { ok: true; plan: PreviewPlan } | { ok: false; errors: GraphError[] };

/** Ids of the nodes `nodeId` reads from, directly or not, and itself; in graph order. */
export function upstreamOf(graph: PipelineGraph, nodeId: string): string[] {
  const seen = new Set([nodeId]);
  const todo = [nodeId];
  while (todo.length) {
    const id = todo.pop()!;
    for (const e of graph.edges) if (e.to.node === id && !seen.has(e.from.node)) { seen.add(e.from.node); todo.push(e.from.node); }
  }
  return graph.nodes.filter((n) => seen.has(n.id)).map((n) => n.id);
}

export function planPreview(graph: PipelineGraph, nodeId: string, o: PreviewOptions = {}): PlanResult {
  const rows = o.rows ?? PREVIEW_DEFAULTS.rows;
  const sourceRows = Math.max(rows, o.sourceRows ?? PREVIEW_DEFAULTS.sourceRows);
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return { ok: false, errors: [{ message: `no node "${nodeId}" in the pipeline` }] };
  const isSink = getNodeKind(node.kind)?.category === "sink";
  const target = isSink ? graph.edges.find((e) => e.to.node === nodeId)?.from.node : nodeId;
  if (!target) return { ok: false, errors: [{ nodeId, message: "connect this sink's input to preview what it would receive" }] };
  const ids = new Set(upstreamOf(graph, target));
  const edges = graph.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node));
  const sub: PipelineGraph = {
    ...graph,
    nodes: [
      ...graph.nodes.filter((n) => ids.has(n.id)),
      { id: STAND_IN, kind: "blackhole", version: 1, config: {}, position: { x: 0, y: 0 } },
    ],
    edges: [...edges, { id: STAND_IN, from: { node: target, port: "out" }, to: { node: STAND_IN, port: "in" } }],
  };
  const r = compile(sub);
  if (!r.ok) return { ok: false, errors: r.errors.filter((e) => e.nodeId !== STAND_IN && e.edgeId !== STAND_IN) };
  const kindOf = (id: string) => getNodeKind(sub.nodes.find((n) => n.id === id)?.kind ?? "");
  const body = r.program.statements.filter((s) => !("sink" in s)).map((s) => limitSource(s, kindOf, sourceRows));
  const sampled = body.flatMap((s) => ("table" in s && ids.has(s.table) ? [s.table] : [])).filter((t, i, a) => a.indexOf(t) === i);
  const collects: Statement[] = sampled.map((id) => ({ op: "collect", sink: id, input: id, maxRows: rows }));
  const timeoutMs = String(Math.round(((o.seconds ?? PREVIEW_DEFAULTS.seconds) + RUNNER_GRACE_S) * 1000));
  const program: TableProgram = {
    ...r.program, name: previewJobName(nodeId, graph.name),
    config: { ...r.program.config, "streamcanvas.job.timeout-ms": timeoutMs }, statements: [...body, ...collects],
  };
  return { ok: true, plan: { program, target, sampled, edges: edges.map((e) => e.id) } };
}

/**
 * A source whose kind caps previews (its `source.previewCap`) gets that cap; other statements are kept as compiled. A
 * kind whose `from` feeds a conversion names it `<node>__<role>` (postgres-changes), so the cap is its node's.
 */
function limitSource(s: Statement, kindOf: (id: string) => NodeKind<unknown> | undefined, sourceRows: number): Statement {
  if (s.op !== "from") return s;
  const cap = (kindOf(s.table) ?? kindOf(s.table.replace(/__[a-z]+$/, "")))?.source?.previewCap;
  return cap ? { ...s, descriptor: cap(s.descriptor, sourceRows) } : s;
}

/** True when no statement writes anywhere but back to StreamCanvas. */
export const writesNoSink = (p: TableProgram) => p.statements.every((s) => s.op !== "insertInto");
