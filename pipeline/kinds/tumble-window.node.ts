// tumble-window: fixed-size, non-overlapping windows on event or processing time, with aggregates per window and key.
// Runs as SQL's TUMBLE window TVF, which jvm-runner builds from the IR (window-common.ts, IR op `window`).
import { z } from "zod";
import { defineNodeKind } from "./define";
import { WINDOW_UDF, aggregatesField, duration, inferWindow, keysField, ms, timeColumnField, unitField, tsAggregateField, windowIr } from "./window-common";

const TumbleWindowConfig = z.object({
  timeColumn: timeColumnField,
  size: duration("Window size", "Length of each window."),
  unit: unitField,
  keys: keysField,
  aggregates: aggregatesField,
  code: tsAggregateField,
});
type TumbleWindowConfig = z.infer<typeof TumbleWindowConfig>;

export const tumbleWindowKind = defineNodeKind<TumbleWindowConfig>({
  kind: "tumble-window",
  version: 1,
  title: "Tumble window",
  category: "transform",
  description: "Aggregates per fixed-size window; each window is emitted once its end has passed (watermark or clock).",
  ports: { inputs: ["in"], outputs: ["out"] },
  udf: WINDOW_UDF,
  config: TumbleWindowConfig,
  defaults: TumbleWindowConfig.parse({}),
  inferRowType: ({ nodeId, config, inputs }) => inferWindow(nodeId, config, inputs.in!),
  toIr: ({ nodeId, config, inputs, inputTypes }) =>
    windowIr(nodeId, config, inputs.in!, { type: "tumble", timeColumn: config.timeColumn, sizeMs: ms(config, config.size) }, inputTypes.in!),
});
