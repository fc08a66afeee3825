// cumulate-window: windows that all start at a max-size boundary and grow by `step` (running totals within a day, say).
// Runs as SQL's CUMULATE window TVF, which jvm-runner builds from the IR (window-common.ts, IR op `window`).
import { z } from "zod";
import { defineNodeKind } from "./define";
import { WINDOW_UDF, aggregatesField, duration, inferWindow, keysField, ms, multipleOf, timeColumnField, unitField, tsAggregateField, windowIr } from "./window-common";

const CumulateWindowConfig = z.object({
  timeColumn: timeColumnField,
  step: duration("Step", "How much each window grows: one result per step, each from the period's start to the step's end."),
  maxSize: duration("Max size", "Length of the period the windows grow over; a whole multiple of the step.", 5),
  unit: unitField,
  keys: keysField,
  aggregates: aggregatesField,
  code: tsAggregateField,
});
type CumulateWindowConfig = z.infer<typeof CumulateWindowConfig>;

/** Its optional TS aggregate: Flink merges partial accumulators of a cumulate window, so it must export merge(). */
const UDF = { ...WINDOW_UDF, merging: "cumulate" } as const;

export const cumulateWindowKind = defineNodeKind<CumulateWindowConfig>({
  kind: "cumulate-window",
  version: 1,
  title: "Cumulate window",
  category: "transform",
  description: "Running aggregates within each fixed period, emitted at every step (e.g. totals so far today, each hour).",
  ports: { inputs: ["in"], outputs: ["out"] },
  udf: UDF,
  config: CumulateWindowConfig,
  defaults: CumulateWindowConfig.parse({}),
  inferRowType: ({ nodeId, config, inputs }) =>
    inferWindow(nodeId, config, inputs.in!, multipleOf(nodeId, "maxSize", ["max size", config.maxSize], ["step", config.step]), UDF.merging),
  toIr: ({ nodeId, config, inputs, inputTypes }) => windowIr(nodeId, config, inputs.in!, {
    type: "cumulate", timeColumn: config.timeColumn, stepMs: ms(config, config.step), sizeMs: ms(config, config.maxSize),
  }, inputTypes.in!),
});
