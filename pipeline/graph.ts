// PipelineGraph: what the user draws. The single source of truth for the browser, the server, the CLI, saved files and tests.
import { z } from "zod";
import { defaultRunSettings, type RunSettings, RunSettingsSchema } from "./run-settings";

/** 2: run settings are saved with the graph (schema 1 had none). */
export const SCHEMA_VERSION = 2;

export const NodeSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "node ids are a letter then letters, digits, _ or -"),
  kind: z.string(),
  version: z.number().int().min(1),
  config: z.record(z.string(), z.unknown()),
  position: z.object({ x: z.number(), y: z.number() }),
});
export type PipelineNode = z.infer<typeof NodeSchema>;

export const EndpointSchema = z.object({ node: z.string(), port: z.string() });
export const EdgeSchema = z.object({ id: z.string(), from: EndpointSchema, to: EndpointSchema });
export type PipelineEdge = z.infer<typeof EdgeSchema>;

/** What the user draws and how it runs. */
export type PipelineGraph = {
  schemaVersion: typeof SCHEMA_VERSION; name: string; nodes: PipelineNode[]; edges: PipelineEdge[]; settings: RunSettings;
};

/** Reads the current schema and older ones (upgraded by upgradeGraph), so every reader of saved graphs gets the current shape. */
export const PipelineGraphSchema = z.object({
  schemaVersion: z.union([z.literal(1), z.literal(SCHEMA_VERSION)]),
  name: z.string().min(1).max(200),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  settings: RunSettingsSchema.optional(),
}).transform(upgradeGraph);

/**
 * The graph-level upgrade, the one place old saves change shape (node configs upgrade per kind in upgrade.ts): a
 * schema-1 graph, saved before run settings existed, ran with the defaults, so it gets them.
 */
function upgradeGraph(g: { schemaVersion: number; name: string; nodes: PipelineNode[]; edges: PipelineEdge[]; settings?: RunSettings }): PipelineGraph {
  return { schemaVersion: SCHEMA_VERSION, name: g.name, nodes: g.nodes, edges: g.edges, settings: g.settings ?? defaultRunSettings() };
}

/** A new, empty pipeline: nothing drawn, default run settings. */
export const emptyGraph = (name: string): PipelineGraph =>
  ({ schemaVersion: SCHEMA_VERSION, name, nodes: [], edges: [], settings: defaultRunSettings() });

/** A node kind's ports by kind id (the registry's; this module knows no kinds), undefined for a kind it does not know. */
export type PortsOf = (kind: string) => { inputs: readonly string[]; outputs: readonly string[] } | undefined;

/** How an edge is named in messages: its id and ends, e.g. `edge e2 (src.out → ghost.in)`. */
export const edgeLabel = (e: PipelineEdge) => `edge ${e.id} (${e.from.node}.${e.from.port} → ${e.to.node}.${e.to.port})`;

/** Each edge with an end at a node the graph does not have, or at a port its node's kind does not have: why, per end. */
export function danglingEdges(graph: Pick<PipelineGraph, "nodes" | "edges">, portsOf: PortsOf): { index: number; edge: PipelineEdge; nodeId?: string; message: string }[] {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const out: ReturnType<typeof danglingEdges> = [];
  graph.edges.forEach((edge, index) => {
    for (const [end, dir] of [[edge.from, "output"], [edge.to, "input"]] as const) {
      const kind = kinds.get(end.node);
      if (kind === undefined) {
        out.push({ index, edge, message: `${edgeLabel(edge)}: there is no node "${end.node}"` });
        continue;
      }
      const p = portsOf(kind);
      const ports = dir === "output" ? p?.outputs : p?.inputs;
      if (ports && !ports.includes(end.port)) {
        const have = ports.length ? `; its ${dir}s: ${ports.map((x) => `"${x}"`).join(", ")}` : `; it has no ${dir}s`;
        out.push({ index, edge, nodeId: end.node, message: `${edgeLabel(edge)}: node "${end.node}" has no ${dir} port "${end.port}"${have}` });
      }
    }
  });
  return out;
}

/**
 * A pipeline file as imported or read by the CLI: the graph schema, and every edge joins nodes and ports that exist.
 * Stored graphs are read with PipelineGraphSchema alone, so that an old save holding such an edge still opens (its
 * validation names the edge, and the run panel offers to remove it); a file is refused instead, naming each edge.
 */
export const pipelineFileSchema = (portsOf: PortsOf) =>
  PipelineGraphSchema.superRefine((graph, ctx) => {
    for (const d of danglingEdges(graph, portsOf)) ctx.addIssue({ code: "custom", path: ["edges", d.index], message: d.message });
  });

/** A problem found before running, pinned to a node and, where known, a config field path and a text span. */
export type GraphError = {
  nodeId?: string;
  edgeId?: string;
  /** dotted path into the node's config, e.g. "predicate" or "columns.2.type" */
  field?: string;
  message: string;
  /** 0-based [start, end) offsets into the field's text, for expression errors */
  span?: { start: number; end: number };
};
