// What the window kinds (tumble, hop, session, cumulate) share: config fields, durations, inference and IR.
import { z } from "zod";
import type { GraphError } from "../graph";
import type { Statement, WindowSpec } from "../ir";
import type { Column, DataType, RowType } from "../types";
import { AGGREGATES } from "../expr/functions/aggregates";
import { findColumn } from "./column-ref";
import { INSERT_ONLY, type InferResult } from "./define";
import { Aggregate, aggregateName, aggregateRowType } from "./group-aggregate.node.ts";
import { tsAggregateColumns } from "./ts-aggregate.node.ts";
import type { MergingWindow } from "../udf/aggregate-exports";
import { udfIr } from "./ts-udf";

export const UNIT_MS = { milliseconds: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;
const UNITS = Object.keys(UNIT_MS) as [Unit, ...Unit[]];

export const timeColumnField = z.string().default("").meta({
  title: "Time column",
  description: "The time attribute the windows are cut on: a source's event-time or processing-time column, passed on unchanged.",
});
export const duration = (title: string, description: string, value = 1) =>
  z.number().int().min(1).default(value).meta({ title, description });
export const unitField = z.enum(UNITS).default("minutes").meta({ title: "Unit", description: "Unit of the durations above." });
export const keysField = z.array(z.string()).default([]).meta({ title: "Group by", description: "Key columns; no keys = one group per window." });
export const aggregatesField = z.array(Aggregate).default([]).meta({
  title: "Aggregates", description: "Output columns after the keys, in order; none when the TS aggregate below gives them all.",
});

/** An optional TS aggregate (ts-aggregate's code shape); empty = none. Its columns come after the built-in aggregates. */
export const tsAggregateField = z.string().default("").meta({
  title: "TS aggregate",
  description: "Optional TypeScript aggregate: export create(), add(acc, row), merge(a, b) (hop, session and cumulate windows) and " +
    "default result(acc): { column: type; … } (see the TS aggregate node); its columns follow the aggregates above. Empty = none.",
  format: "typescript",
});

export type WindowBase = { timeColumn: string; unit: Unit; keys: string[]; aggregates: z.infer<typeof Aggregate>[]; code?: string };

/** A window's TS aggregate is optional (empty code = none). */
export const WINDOW_UDF = { kind: "aggregate", codeOptional: true } as const;

const hasTsAggregate = (config: WindowBase) => (config.code ?? "").trim() !== "";

const WINDOW_BOUND: DataType = { root: "TIMESTAMP", precision: 3, nullable: false };
export const WINDOW_COLUMNS: RowType = [{ name: "window_start", type: WINDOW_BOUND }, { name: "window_end", type: WINDOW_BOUND }];
/** Columns the window TVF adds to its input, so the input must not have them already. */
const TVF_COLUMNS = ["window_start", "window_end", "window_time"];

/** Aggregates whose Flink implementation cannot merge partial results (FIRST_VALUE / LAST_VALUE have no merge()). */
const UNMERGEABLE = new Set(AGGREGATES.filter((a) => !a.mergeable).map((a) => a.ir));

/**
 * window_start, window_end, keys, aggregates; `extra` are the kind's own errors (e.g. durations). `merging` names a
 * window whose results Flink combines from partial results (hop and cumulate slices, merged sessions).
 */
export function inferWindow(nodeId: string, config: WindowBase, input: RowType, extra: GraphError[] = [], merging?: MergingWindow): InferResult {
  // the TS aggregate alone is enough; without it the window has nothing to compute
  const none = hasTsAggregate(config) ? null : "add an aggregate, or write a TS aggregate (create / add / result) in the TS aggregate field";
  const agg = aggregateRowType(nodeId, config, input, WINDOW_COLUMNS, none);
  const errors: GraphError[] = [...timeColumnErrors(nodeId, config.timeColumn, input), ...extra, ...agg.errors];
  let udfColumns: Column[] = [];
  if (hasTsAggregate(config)) {
    const before = [...WINDOW_COLUMNS, ...(agg.rowType ?? [])];
    const ts = tsAggregateColumns(nodeId, config.code!, input, before, merging);
    errors.push(...ts.errors);
    udfColumns = ts.columns ?? [];
  }
  if (merging) {
    config.aggregates.forEach((a, i) => {
      if (!UNMERGEABLE.has(a.fn)) return;
      errors.push({
        nodeId, field: `aggregates.${i}.fn`,
        message: `${a.fn} is not available in a ${merging} window: Flink builds its results by merging partial ones, which ` +
          `${a.fn} cannot do; use a tumble window or a group aggregate, or min / max`,
      });
    });
  }
  const clash = input.filter((c) => TVF_COLUMNS.includes(c.name)).map((c) => c.name);
  if (clash.length) {
    errors.push({
      nodeId,
      message: `the input already has a column named ${clash.map((c) => `"${c}"`).join(", ")}, which the window adds itself: ` +
        "rename or drop it before the window",
    });
  }
  // Flink SQL identifiers cannot hold a line break, and the window runs as SQL
  const names = [config.timeColumn, ...config.keys, ...config.aggregates.flatMap((a) => [a.column, aggregateName(a)]), ...udfColumns.map((c) => c.name)];
  if (names.some((n) => /[\r\n]/.test(n))) errors.push({ nodeId, message: "a window cannot use a column whose name holds a line break" });
  // a window emits each window's row once, when the watermark passes its end: insert-only, also over an updating input
  // (Flink's window aggregate consumes a changelog since 1.19; ChangelogModeITCase checks it on kafka-changelog)
  return { rowType: errors.length ? undefined : [...WINDOW_COLUMNS, ...agg.rowType!, ...udfColumns], errors, changelog: INSERT_ONLY };
}

function timeColumnErrors(nodeId: string, timeColumn: string, input: RowType): GraphError[] {
  const field = "timeColumn";
  if (timeColumn === "") return [{ nodeId, field, message: "choose the time column (a source's event-time or processing-time column)" }];
  const time = findColumn(nodeId, field, timeColumn, input);
  if (!time.ok) return [time.error];
  if (time.column.timeAttribute) return [];
  return [{
    nodeId, field,
    message: `"${timeColumn}" is not a time attribute: on its source, declare it as the Event time column (with a watermark), ` +
      "or add a Processing time column there and window on that; pass it on unchanged (a computed or aggregated timestamp is a plain value)",
  }];
}

/** An error pinned to `field` unless `whole` is a whole multiple of `part` (Flink slices hop and cumulate windows so). */
export function multipleOf(nodeId: string, field: string, whole: [string, number], part: [string, number]): GraphError[] {
  if (whole[1] % part[1] === 0) return [];
  return [{ nodeId, field, message: `the ${whole[0]} (${whole[1]}) must be a whole multiple of the ${part[0]} (${part[1]})` }];
}

export function windowIr(nodeId: string, config: WindowBase, input: string, window: WindowSpec, inputType: RowType): Statement[] {
  const aggregates = config.aggregates.map((a) => ({ fn: a.fn, column: a.column, as: aggregateName(a) }));
  const statement: Extract<Statement, { op: "window" }> = { op: "window", table: nodeId, input, window, keys: [...config.keys], aggregates };
  if (!hasTsAggregate(config)) return [statement];
  const out = tsAggregateColumns(nodeId, config.code!, inputType, []);
  if (!out.columns) throw new Error(`window ${nodeId}: ${out.errors[0]?.message}`);
  return [{ ...statement, udf: udfIr(nodeId, config.code!, inputType, out.columns) }];
}

export const ms = (config: { unit: Unit }, n: number) => n * UNIT_MS[config.unit];
