// Builders for small graphs in tests (not a test file itself, so several test files can share it).
import { type PipelineGraph, SCHEMA_VERSION } from "../graph";
import { RunSettingsSchema } from "../run-settings";
import type { z } from "zod";

type NodeSpec = { id: string; kind: string; config?: Record<string, unknown>; version?: number };

/** `edges` as "from->to" (ports default to out/in) or "from:port->to:port". */
/** `settings`: run settings that differ from the defaults. */
export function graph(nodes: NodeSpec[], edges: string[], name = "test", settings: z.input<typeof RunSettingsSchema> = {}): PipelineGraph {
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    nodes: nodes.map((n, i) => ({ id: n.id, kind: n.kind, version: n.version ?? 1, config: n.config ?? {}, position: { x: i * 200, y: 0 } })),
    edges: edges.map((e, i) => {
      const [a, b] = e.split("->") as [string, string];
      const [fromNode, fromPort = "out"] = a.split(":") as [string, string?];
      const [toNode, toPort = "in"] = b.split(":") as [string, string?];
      return { id: `e${i + 1}`, from: { node: fromNode, port: fromPort }, to: { node: toNode, port: toPort } };
    }),
    settings: RunSettingsSchema.parse(settings),
  };
}

export const seqSource = (id = "src", end = 10): NodeSpec => ({
  id,
  kind: "datagen",
  config: {
    columns: [
      { name: "id", type: "BIGINT", kind: "sequence", start: 1, end },
      { name: "name", type: "STRING", kind: "random", length: 5 },
    ],
    rowsPerSecond: 10,
  },
});
