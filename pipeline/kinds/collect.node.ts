// collect: brings rows back to StreamCanvas so the page and the CLI can show them (the runner keeps the last N).
import { z } from "zod";
import { defineNodeKind } from "./define";

const CollectConfig = z.object({
  maxRows: z.number().int().min(1).max(10000).default(100).meta({
    title: "Rows kept",
    description: "How many of the most recent rows to keep for display (1–10000).",
  }),
});
type CollectConfig = z.infer<typeof CollectConfig>;

export const collectKind = defineNodeKind<CollectConfig>({
  kind: "collect",
  version: 1,
  title: "Collect",
  category: "sink",
  description: "Shows the last rows on the page.",
  ports: { inputs: ["in"], outputs: [] },
  config: CollectConfig,
  defaults: CollectConfig.parse({}),
  inferRowType: () => ({ errors: [] }),
  toIr: ({ nodeId, config, inputs }) => [{ op: "collect", sink: nodeId, input: inputs.in!, maxRows: config.maxRows }],
});
