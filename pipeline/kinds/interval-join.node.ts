// interval-join: an equi-join whose rows must also lie within a time interval of each other on event time, which Flink
// runs as an interval join (state dropped once the watermark passes the interval) instead of a regular join.
import { z } from "zod";
import type { GraphError } from "../graph";
import type { RowType } from "../types";
import { findColumn } from "./column-ref";
import { defineNodeKind } from "./define";
import { updatingInput } from "../changelog";
import { JoinKeys, joinColumns, RightPrefix, RightSuffix } from "./join-columns";

const UNIT_MS = { milliseconds: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

const IntervalJoinConfig = z.object({
  joinType: z.enum(["inner", "left"]).default("inner").meta({
    title: "Join type",
    description: "inner: matching pairs only; left: also left rows with no match in the interval (emitted once the watermark passes it), right side NULL.",
  }),
  keys: JoinKeys,
  leftTime: z.string().default("").meta({ title: "Left time column", description: "The left input's event-time attribute." }),
  rightTime: z.string().default("").meta({ title: "Right time column", description: "The right input's event-time attribute." }),
  lower: z.number().int().default(0).meta({
    title: "Lower bound",
    description: "Left time ≥ right time + lower bound (negative = the left row may be earlier).",
  }),
  upper: z.number().int().default(1).meta({ title: "Upper bound", description: "Left time ≤ right time + upper bound." }),
  unit: z.enum(Object.keys(UNIT_MS) as [Unit, ...Unit[]]).default("hours").meta({ title: "Unit", description: "Unit of both bounds." }),
  rightPrefix: RightPrefix,
  rightSuffix: RightSuffix,
});
type IntervalJoinConfig = z.infer<typeof IntervalJoinConfig>;

function timeColumn(nodeId: string, field: string, side: string, name: string, input: RowType): GraphError | undefined {
  if (name === "") return { nodeId, field, message: `choose the ${side} input's event-time column` };
  const ref = findColumn(nodeId, field, name, input);
  if (!ref.ok) return ref.error;
  if (ref.column.timeAttribute !== "rowtime") {
    const attrs = input.filter((c) => c.timeAttribute === "rowtime").map((c) => `"${c.name}"`);
    const hint = attrs.length ? `its event-time column is ${attrs.join(", ")}` : "it has none: declare one on its source (event time + watermark)";
    return { nodeId, field, message: `the ${side} input's "${name}" is not an event-time attribute; ${hint}` };
  }
  return undefined;
}

export const intervalJoinKind = defineNodeKind<IntervalJoinConfig>({
  kind: "interval-join",
  version: 1,
  title: "Interval join",
  category: "transform",
  description: "Joins rows with equal keys whose event times lie within an interval of each other; old state expires with the watermark.",
  ports: { inputs: ["left", "right"], outputs: ["out"] },
  config: IntervalJoinConfig,
  defaults: IntervalJoinConfig.parse({}),
  inferRowType({ nodeId, config, inputs, changelogInputs }) {
    const left = inputs.left!;
    const right = inputs.right!;
    const cols = joinColumns(nodeId, config, left, right);
    const errors = [...cols.errors];
    const lt = timeColumn(nodeId, "leftTime", "left", config.leftTime, left);
    const rt = timeColumn(nodeId, "rightTime", "right", config.rightTime, right);
    if (lt) errors.push(lt);
    if (rt) errors.push(rt);
    const up = updatingInput(changelogInputs);
    if (up) errors.push({ nodeId, message: `an interval join needs insert-only inputs (Flink's planner refuses updates here); node "${up.by}" makes one updating (${up.why})` });
    if (config.lower > config.upper) {
      errors.push({ nodeId, field: "lower", message: `the lower bound ${config.lower} is above the upper bound ${config.upper}` });
    }
    if (errors.length) return { errors };
    // the left time column stays the time attribute; the right one is cast to a plain timestamp (see the IR)
    const rowType = cols.rowType!.map((c, i) => (i < left.length && c.name === config.leftTime ? { ...c, timeAttribute: "rowtime" as const } : c));
    return { rowType, errors };
  },
  toIr({ nodeId, config, inputs, inputTypes }) {
    const { renames, keys, rightName } = joinColumns(nodeId, config, inputTypes.left!, inputTypes.right!);
    const ms = UNIT_MS[config.unit];
    return [{
      op: "intervalJoin", table: nodeId, input: inputs.left!, right: inputs.right!, joinType: config.joinType,
      rightRenames: renames, keys, leftTime: config.leftTime, rightTime: rightName(config.rightTime),
      lowerMs: config.lower * ms, upperMs: config.upper * ms,
    }];
  },
});
