// deduplicate: keeps the first or the last row per key, by event time or by arrival (processing time). Flink plans it
// from SQL's ROW_NUMBER() OVER (PARTITION BY keys ORDER BY time) = 1 only; the runner builds that SQL (IR `deduplicate`).
import { z } from "zod";
import type { GraphError } from "../graph";
import { findColumn } from "./column-ref";
import { defineNodeKind, updating } from "./define";
import { checkColumns, plainColumns } from "./rank-columns";

const DeduplicateConfig = z.object({
  keys: z.array(z.string()).default([]).meta({ title: "Key columns", description: "One row is kept per distinct combination of these." }),
  keep: z.enum(["first", "last"]).default("first").meta({
    title: "Keep",
    description: "first: the earliest row per key (insert-only); last: the latest, replacing earlier ones (an updating result).",
  }),
  timeColumn: z.string().default("").meta({
    title: "Time column",
    description: "The time attribute that orders the rows (event time, or a source's processing-time column); empty = processing time (the order rows arrive in).",
  }),
});
type DeduplicateConfig = z.infer<typeof DeduplicateConfig>;

export const deduplicateKind = defineNodeKind<DeduplicateConfig>({
  kind: "deduplicate",
  version: 1,
  title: "Deduplicate",
  category: "transform",
  description: "Keeps the first or last row per key, ordered by event time or arrival.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: DeduplicateConfig,
  defaults: DeduplicateConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const errors: GraphError[] = checkColumns(nodeId, "keys", config.keys, input);
    if (config.keys.length === 0) errors.push({ nodeId, field: "keys", message: "add at least one key column" });
    if (config.timeColumn !== "") {
      const ref = findColumn(nodeId, "timeColumn", config.timeColumn, input);
      if (!ref.ok) errors.push(ref.error);
      else if (ref.column.timeAttribute === undefined) {
        errors.push({
          nodeId, field: "timeColumn",
          message: `"${config.timeColumn}" is not a time attribute; choose an event-time (or processing-time) column, or leave the field empty for processing time`,
        });
      }
    }
    // keep first is insert-only; keep last replaces the kept row when a later one arrives
    const changelog = config.keep === "last" ? { changelog: updating(nodeId, "keep last replaces a key's row when a later one arrives", config.keys) } : {};
    return { rowType: errors.length ? undefined : plainColumns(input), errors, ...changelog };
  },
  toIr({ nodeId, config, inputs }) {
    const time = config.timeColumn === "" ? {} : { timeColumn: config.timeColumn };
    return [{ op: "deduplicate", table: nodeId, input: inputs.in!, keys: [...config.keys], keep: config.keep, ...time }];
  },
});
