// The one place saved graphs are read: zod validation, then each node kind upgrades configs saved by older versions.
import { type GraphError, type PipelineGraph, PipelineGraphSchema, type pipelineFileSchema, type PipelineNode, SCHEMA_VERSION } from "./graph";
import { getNodeKind, type NodeKind } from "./kinds";

export type ParseGraphResult = { ok: true; graph: PipelineGraph } | { ok: false; errors: GraphError[] };

/** Brings one node to its kind's current version (DESIGN.md §6.2). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function upgradeNode(node: PipelineNode, kind: NodeKind<any>): { ok: true; node: PipelineNode } | { ok: false; message: string } {
  if (node.version === kind.version) return { ok: true, node };
  if (node.version > kind.version) {
    return { ok: false, message: `saved by a newer StreamCanvas: ${kind.kind} version ${node.version}, this one knows up to ${kind.version}` };
  }
  const config = kind.upgrade ? kind.upgrade(node.version, node.config) : node.config;
  return { ok: true, node: { ...node, version: kind.version, config: config as Record<string, unknown> } };
}

/**
 * Reads a saved or submitted graph: zod-validates it (with PipelineGraphSchema, or a stricter schema such as a file's)
 * and upgrades old node versions. Unknown kinds are left for validateGraph to report.
 */
export function parseGraph(input: unknown, schema: typeof PipelineGraphSchema | ReturnType<typeof pipelineFileSchema> = PipelineGraphSchema): ParseGraphResult {
  const sv = (input as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof sv === "number" && sv > SCHEMA_VERSION) {
    return { ok: false, errors: [{ field: "schemaVersion", message: `saved by a newer StreamCanvas (schema ${sv}; this one reads up to ${SCHEMA_VERSION})` }] };
  }
  const r = schema.safeParse(input);
  if (!r.success) {
    return { ok: false, errors: r.error.issues.map((i) => ({ field: i.path.map(String).join(".") || undefined, message: i.message })) };
  }
  const errors: GraphError[] = [];
  const nodes = r.data.nodes.map((n) => {
    const kind = getNodeKind(n.kind);
    if (!kind) return n;
    const up = upgradeNode(n, kind);
    if (up.ok) return up.node;
    errors.push({ nodeId: n.id, message: up.message });
    return n;
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, graph: { ...r.data, nodes } };
}
