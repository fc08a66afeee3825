// group-aggregate: one row per group key with count/sum/avg/min/max/first/last (Table.groupBy(keys).select(keys, aggregates));
// the result is an updating table: each new input row retracts its group's previous result (-U) and emits the new one (+U).
import { z } from "zod";
import { typeName } from "../expr/compat";
import type { GraphError } from "../graph";
import { AGGREGATE_FUNCTIONS, type AggregateFunction } from "../ir";
import type { RowType } from "../types";
import { accepted, aggregatable, aggregateType } from "../ir/aggregate-types";
import { AGGREGATES } from "../expr/functions/aggregates";
import { findColumn } from "./column-ref";
import { defineNodeKind, updating } from "./define";

export const Aggregate = z.object({
  fn: z.enum(AGGREGATE_FUNCTIONS).default("count").meta({
    title: "Function",
    description: `${AGGREGATES.map((a) => `${a.ir}: ${a.description}`).join("; ")}. first_value / last_value: group aggregates and tumble windows.`,
  }),
  column: z.string().default("").meta({ title: "Column", description: "The input column aggregated." }),
  as: z.string().default("").meta({ title: "Name", description: "Output column name; empty = <function>_<column>." }),
});
const GroupAggregateConfig = z.object({
  keys: z.array(z.string()).default([]).meta({ title: "Group by", description: "Key columns; no keys = one group over all rows." }),
  aggregates: z.array(Aggregate).default([]).meta({ title: "Aggregates", description: "Output columns after the keys, in order." }),
});
type GroupAggregateConfig = z.infer<typeof GroupAggregateConfig>;

export const aggregateName = (a: { fn: AggregateFunction; column: string; as: string }) =>
  a.as.trim() !== "" ? a.as : `${a.fn}_${a.column}`;

/**
 * Keys then aggregates, with errors pinned to `keys.<i>` and `aggregates.<i>.<field>`; shared with the window kinds.
 * `none` is the error for an empty aggregate list, or null where it may be empty (a window with a TS aggregate).
 */
export function aggregateRowType(nodeId: string, config: Pick<GroupAggregateConfig, "keys" | "aggregates">, input: RowType, reserved: RowType = [],
  none: string | null = "add at least one aggregate") {
  const errors: GraphError[] = [];
  const out: RowType = [];
  const taken = (name: string) => out.some((c) => c.name === name) || reserved.some((c) => c.name === name);
  config.keys.forEach((k, i) => {
    const ref = findColumn(nodeId, `keys.${i}`, k, input);
    if (!ref.ok) errors.push(ref.error);
    else if (taken(k)) errors.push({ nodeId, field: `keys.${i}`, message: `"${k}" is a key twice` });
    else out.push({ name: ref.column.name, type: ref.column.type }); // a grouped time attribute becomes a plain value
  });
  if (config.aggregates.length === 0 && none !== null) errors.push({ nodeId, field: "aggregates", message: none });
  config.aggregates.forEach((a, i) => {
    const ref = findColumn(nodeId, `aggregates.${i}.column`, a.column, input);
    if (!ref.ok) { errors.push(ref.error); return; }
    if (!aggregatable(a.fn, ref.column.type)) {
      errors.push({ nodeId, field: `aggregates.${i}.column`, message: `${a.fn} needs ${accepted(a.fn)} column; "${a.column}" is ${typeName(ref.column.type)}` });
      return;
    }
    const name = aggregateName(a);
    if (taken(name)) { errors.push({ nodeId, field: `aggregates.${i}.as`, message: `duplicate output column "${name}"` }); return; }
    // a window groups by its bounds (the reserved columns) even without keys
    out.push({ name, type: aggregateType(a.fn, ref.column.type, config.keys.length > 0 || reserved.length > 0) });
  });
  return { rowType: errors.length ? undefined : out, errors };
}

export const groupAggregateKind = defineNodeKind<GroupAggregateConfig>({
  kind: "group-aggregate",
  version: 1,
  title: "Group aggregate",
  category: "transform",
  description: "One row per group with aggregates; results update as rows arrive.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: GroupAggregateConfig,
  defaults: GroupAggregateConfig.parse({}),
  inferRowType: ({ nodeId, config, inputs }) => ({
    ...aggregateRowType(nodeId, config, inputs.in!),
    changelog: updating(nodeId, "a group aggregate replaces its group's row as rows arrive", config.keys),
  }),
  toIr({ nodeId, config, inputs }) {
    const aggregates = config.aggregates.map((a) => ({ fn: a.fn, column: a.column, as: aggregateName(a) }));
    return [{ op: "groupBy", table: nodeId, input: inputs.in!, keys: [...config.keys], aggregates }];
  },
});
