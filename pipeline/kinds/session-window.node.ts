// session-window: one window per burst of activity per key, closed after `gap` without rows, on event or processing time.
// Runs as SQL's SESSION window TVF partitioned by the keys, which jvm-runner builds from the IR (window-common.ts).
import { z } from "zod";
import { defineNodeKind } from "./define";
import { WINDOW_UDF, aggregatesField, duration, inferWindow, keysField, ms, timeColumnField, unitField, tsAggregateField, windowIr } from "./window-common";

const SessionWindowConfig = z.object({
  timeColumn: timeColumnField,
  gap: duration("Gap", "A session ends when no row of its key arrives for this long.", 30),
  unit: unitField,
  keys: keysField.meta({ title: "Group by", description: "Key columns: each key has its own sessions; no keys = sessions over all rows." }),
  aggregates: aggregatesField,
  code: tsAggregateField,
});
type SessionWindowConfig = z.infer<typeof SessionWindowConfig>;

/** Its optional TS aggregate: Flink merges partial accumulators of a session window, so it must export merge(). */
const UDF = { ...WINDOW_UDF, merging: "session" } as const;

export const sessionWindowKind = defineNodeKind<SessionWindowConfig>({
  kind: "session-window",
  version: 1,
  title: "Session window",
  category: "transform",
  description: "Aggregates per session: rows of a key less than the gap apart share a window, emitted once the gap has passed.",
  ports: { inputs: ["in"], outputs: ["out"] },
  udf: UDF,
  config: SessionWindowConfig,
  defaults: SessionWindowConfig.parse({}),
  inferRowType: ({ nodeId, config, inputs }) => inferWindow(nodeId, config, inputs.in!, [], UDF.merging),
  toIr: ({ nodeId, config, inputs, inputTypes }) =>
    windowIr(nodeId, config, inputs.in!, { type: "session", timeColumn: config.timeColumn, gapMs: ms(config, config.gap) }, inputTypes.in!),
});
