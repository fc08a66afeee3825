// join: a regular equi-join of two inputs (Table.join / leftOuterJoin / rightOuterJoin / fullOuterJoin). On unbounded
// inputs Flink keeps both sides in state for ever; an interval join bounds that by event time.
import { z } from "zod";
import { defineNodeKind, updating } from "./define";
import { JoinKeys, JoinTypeField, joinColumns, RightPrefix, RightSuffix } from "./join-columns";

const JoinConfig = z.object({
  joinType: JoinTypeField,
  keys: JoinKeys,
  rightPrefix: RightPrefix,
  rightSuffix: RightSuffix,
});
type JoinConfig = z.infer<typeof JoinConfig>;

export const joinKind = defineNodeKind<JoinConfig>({
  kind: "join",
  version: 1,
  title: "Join",
  category: "transform",
  description: "Pairs of left and right rows with equal keys; outer joins keep unmatched rows with NULLs.",
  ports: { inputs: ["left", "right"], outputs: ["out"] },
  config: JoinConfig,
  defaults: JoinConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    // a regular join materializes time attributes: its output rows are not in event-time order
    const { rowType, errors } = joinColumns(nodeId, config, inputs.left!, inputs.right!);
    // an inner join of insert-only inputs only inserts; an outer one retracts its NULL-padded rows when a match arrives
    const outer = config.joinType !== "inner"
      ? { changelog: updating(nodeId, `a ${config.joinType} outer join retracts its NULL-padded rows when a match arrives`) } : {};
    return { rowType, errors, ...outer };
  },
  toIr({ nodeId, config, inputs, inputTypes }) {
    const { renames, keys } = joinColumns(nodeId, config, inputTypes.left!, inputTypes.right!);
    return [{ op: "join", table: nodeId, input: inputs.left!, right: inputs.right!, joinType: config.joinType, rightRenames: renames, keys }];
  },
});
