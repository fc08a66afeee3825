// The connections a pipeline names: every config field of a node whose schema marks it a connection (widget
// "connection", as the inspector draws it: a change stream names a PostgreSQL and a Kafka one) and the name in it. What
// an exported file carries and an import checks (never a secret: only names).
import { z } from "zod";
import type { PipelineGraph } from "../graph";
import { getNodeKind } from "../kinds";

const fieldsOfKind = new Map<string, string[]>();

/** The top-level config fields of a kind that name a connection, read once per kind from its config schema. */
function connectionFields(kindName: string): string[] {
  let fields = fieldsOfKind.get(kindName);
  if (!fields) {
    const kind = getNodeKind(kindName);
    const props = kind?.connection
      ? (z.toJSONSchema(kind.config as z.ZodType, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { widget?: unknown }> }).properties
      : undefined;
    fields = Object.entries(props ?? {}).filter(([, p]) => p.widget === "connection").map(([name]) => name);
    fieldsOfKind.set(kindName, fields);
  }
  return fields;
}

export function graphConnections(graph: PipelineGraph): { nodeId: string; connection: string }[] {
  return graph.nodes.flatMap((n) => {
    const config = (n.config ?? {}) as Record<string, unknown>;
    return connectionFields(n.kind).flatMap((f) => {
      const name = config[f];
      return typeof name === "string" && name.trim() ? [{ nodeId: n.id, connection: name }] : [];
    });
  });
}
