// distinct: drops duplicate rows (Table.distinct); on an unbounded input Flink keeps every distinct row in state.
import { z } from "zod";
import { defineNodeKind, updating } from "./define";

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
  inferRowType: ({ nodeId, inputs }) => ({
    rowType: inputs.in!.map((c) => ({ name: c.name, type: c.type })), errors: [],
    // Flink plans it as a group aggregate over every column, which its planner marks as updating
    changelog: updating(nodeId, "Flink plans distinct as a group aggregate, an updating result", inputs.in!.map((c) => c.name)),
  }),
  toIr: ({ nodeId, inputs }) => [{ op: "distinct", table: nodeId, input: inputs.in! }],
});
