// limit: keeps the first N rows in arrival order (Table.limit(n)), unsorted, on any input: a quick sample of a stream,
// or a cap on what a sink receives. A source that can take the limit (datagen, files) stops reading after N rows.
import { z } from "zod";
import { defineNodeKind } from "./define";

const LimitConfig = z.object({
  limit: z.number().int().min(1).max(1_000_000).default(10).meta({ title: "Rows", description: "How many rows to let through, first come first kept (LIMIT / fetch)." }),
});
type LimitConfig = z.infer<typeof LimitConfig>;

export const limitKind = defineNodeKind<LimitConfig>({
  kind: "limit",
  version: 1,
  title: "Limit",
  category: "transform",
  description: "Lets the first N rows through, in arrival order (no sort); on a stream, the rest are dropped.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: LimitConfig,
  defaults: LimitConfig.parse({}),
  // Flink keeps time attributes through a limit (its schema still shows *ROWTIME*), so a window may follow
  inferRowType: ({ inputs }) => ({ rowType: inputs.in!, errors: [] }),
  toIr: ({ nodeId, config, inputs }) => [{ op: "limit", table: nodeId, input: inputs.in!, fetch: config.limit }],
});
