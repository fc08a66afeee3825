// distinct: drops duplicate rows (Table.distinct); on an unbounded input Flink keeps every distinct row in state.
import { z } from "zod";
import { defineNodeKind } from "./define";

const DistinctConfig = z.object({}).meta({ description: "Keeps the first of each set of identical rows." });
type DistinctConfig = z.infer<typeof DistinctConfig>;

export const distinctKind = defineNodeKind<DistinctConfig>({
  kind: "distinct",
  version: 1,
  title: "Distinct",
  category: "transform",
  description: "Drops duplicate rows.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: DistinctConfig,
  defaults: {},
  // Flink materializes time attributes here (the rows are state, not a stream in time order)
  inferRowType: ({ inputs }) => ({ rowType: inputs.in!.map((c) => ({ name: c.name, type: c.type })), errors: [] }),
  toIr: ({ nodeId, inputs }) => [{ op: "distinct", table: nodeId, input: inputs.in! }],
});
