// Shared shape of the connector sinks (print, blackhole): one input, no output, insertInto a schemaless descriptor.
import { z } from "zod";
import { defineNodeKind, type NodeKind } from "./define";

const NoConfig = z.object({}).meta({ description: "This sink has no settings." });
type NoConfig = z.infer<typeof NoConfig>;

export function connectorSink(kind: string, title: string, description: string): NodeKind<NoConfig> {
  return defineNodeKind<NoConfig>({
    kind,
    version: 1,
    title,
    category: "sink",
    description,
    ports: { inputs: ["in"], outputs: [] },
    config: NoConfig,
    defaults: {},
    inferRowType: () => ({ errors: [] }),
    // no schema: Flink derives the sink's columns from the table inserted into it
    toIr: ({ nodeId, inputs }) => [{ op: "insertInto", sink: nodeId, input: inputs.in!, descriptor: { connector: kind, options: {} } }],
  });
}
