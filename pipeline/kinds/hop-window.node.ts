// hop-window: fixed-size windows that start every `slide` (overlapping when slide < size), on event or processing time.
// Runs as SQL's HOP window TVF, which jvm-runner builds from the IR (window-common.ts, IR op `window`).
import { z } from "zod";
import { defineNodeKind } from "./define";
import { WINDOW_UDF, aggregatesField, duration, inferWindow, keysField, ms, multipleOf, timeColumnField, unitField, tsAggregateField, windowIr } from "./window-common";

const HopWindowConfig = z.object({
  timeColumn: timeColumnField,
  size: duration("Window size", "Length of each window; a whole multiple of the slide.", 5),
  slide: duration("Slide", "How often a new window starts; each row falls into size / slide windows."),
  unit: unitField,
  keys: keysField,
  aggregates: aggregatesField,
  code: tsAggregateField,
});
type HopWindowConfig = z.infer<typeof HopWindowConfig>;

/** Its optional TS aggregate: Flink merges partial accumulators of a hop window, so it must export merge(). */
const UDF = { ...WINDOW_UDF, merging: "hop" } as const;

export const hopWindowKind = defineNodeKind<HopWindowConfig>({
  kind: "hop-window",
  version: 1,
  title: "Hop window",
  category: "transform",
  description: "Aggregates per sliding window (size, started every slide); each window is emitted once its end has passed.",
  ports: { inputs: ["in"], outputs: ["out"] },
  udf: UDF,
  config: HopWindowConfig,
  defaults: HopWindowConfig.parse({}),
  inferRowType: ({ nodeId, config, inputs }) =>
    inferWindow(nodeId, config, inputs.in!, multipleOf(nodeId, "size", ["window size", config.size], ["slide", config.slide]), UDF.merging),
  toIr: ({ nodeId, config, inputs, inputTypes }) => windowIr(nodeId, config, inputs.in!, {
    type: "hop", timeColumn: config.timeColumn, sizeMs: ms(config, config.size), slideMs: ms(config, config.slide),
  }, inputTypes.in!),
});
