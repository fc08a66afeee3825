// PipelineGraph: what the user draws. The single source of truth for the browser, the server, the CLI, saved files and tests.
import { z } from "zod";

export const SCHEMA_VERSION = 1;

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

export const PipelineGraphSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string().min(1).max(200),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
});
export type PipelineGraph = z.infer<typeof PipelineGraphSchema>;

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
