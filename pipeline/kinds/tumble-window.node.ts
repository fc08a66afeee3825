// tumble-window: fixed-size, non-overlapping event-time windows with aggregates per window and group key.
// Runs as the Table API's group window (Tumble.over(size).on(time).as(w)), so no SQL text is built (see the IR's `window`).
import { z } from "zod";
import type { DataType, RowType } from "../types";
import { findColumn } from "./column-ref";
import { defineNodeKind } from "./define";
import { Aggregate, aggregateName, aggregateRowType } from "./group-aggregate.node.ts";

const UNIT_MS = { milliseconds: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const UNITS = Object.keys(UNIT_MS) as (keyof typeof UNIT_MS)[];

const TumbleWindowConfig = z.object({
  timeColumn: z.string().default("").meta({
    title: "Time column",
    description: "The event-time attribute the windows are cut on: a source's event-time column, passed through unchanged.",
  }),
  size: z.number().int().min(1).default(1).meta({ title: "Window size", description: "Length of each window." }),
  unit: z.enum(UNITS as [keyof typeof UNIT_MS, ...(keyof typeof UNIT_MS)[]]).default("minutes").meta({
    title: "Unit", description: "Unit of the window size.",
  }),
  keys: z.array(z.string()).default([]).meta({ title: "Group by", description: "Key columns; no keys = one group per window." }),
  aggregates: z.array(Aggregate).default([]).meta({ title: "Aggregates", description: "Output columns after the keys, in order." }),
});
type TumbleWindowConfig = z.infer<typeof TumbleWindowConfig>;

const WINDOW_BOUND: DataType = { root: "TIMESTAMP", precision: 3, nullable: false };
const WINDOW_COLUMNS: RowType = [{ name: "window_start", type: WINDOW_BOUND }, { name: "window_end", type: WINDOW_BOUND }];

export const tumbleWindowKind = defineNodeKind<TumbleWindowConfig>({
  kind: "tumble-window",
  version: 1,
  title: "Tumble window",
  category: "transform",
  description: "Aggregates per fixed-size event-time window; each window is emitted once the watermark passes its end.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: TumbleWindowConfig,
  defaults: TumbleWindowConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const agg = aggregateRowType(nodeId, config, input, WINDOW_COLUMNS);
    const errors = [...agg.errors];
    const time = findColumn(nodeId, "timeColumn", config.timeColumn, input);
    if (!time.ok) errors.unshift(time.error);
    else if (time.column.timeAttribute !== "rowtime") {
      errors.unshift({
        nodeId, field: "timeColumn",
        message: `"${config.timeColumn}" is not a time attribute: declare it as its source's event-time column, ` +
          "and pass it on unchanged (a computed or aggregated timestamp is a plain value)",
      });
    }
    return { rowType: errors.length ? undefined : [...WINDOW_COLUMNS, ...agg.rowType!], errors };
  },
  toIr({ nodeId, config, inputs }) {
    const aggregates = config.aggregates.map((a) => ({ fn: a.fn, column: a.column, as: aggregateName(a) }));
    const window = { type: "tumble" as const, timeColumn: config.timeColumn, sizeMs: config.size * UNIT_MS[config.unit] };
    return [{ op: "window", table: nodeId, input: inputs.in!, window, keys: [...config.keys], aggregates }];
  },
});
