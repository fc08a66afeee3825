// Time attributes for sources: an event-time column (TIMESTAMP(3) with a bounded-out-of-orderness watermark) and/or an
// added processing-time column (PROCTIME(), the wall clock when Flink handles the row).
import { z } from "zod";
import { typeName } from "../expr/compat";
import type { GraphError } from "../graph";
import type { RowType } from "../types";
import { PROCTIME_TYPE } from "../ir/schemas";
import type { InferResult } from "./define";

export const EventTimeSchema = z.object({
  column: z.string().default("").meta({ title: "Time column", description: "A TIMESTAMP(3) column holding each row's event time." }),
  watermarkDelay: z.number().int().min(0).default(0).meta({
    title: "Watermark delay (ms)",
    description: "How late a row may arrive, in milliseconds: the watermark trails the largest event time seen by this much.",
  }),
}).optional().meta({
  title: "Event time",
  description: "Declare an event-time column (needed by windows); leave empty for none.",
});
export type EventTime = z.infer<typeof EventTimeSchema>;

export const ProcessingTimeSchema = z.object({
  column: z.string().default("proc_time").meta({
    title: "Column name",
    description: "Name of the added TIMESTAMP_LTZ(3) column holding the time each row is processed.",
  }),
}).optional().meta({
  title: "Processing time",
  description: "Add a processing-time column (PROCTIME()): windows on it close by the wall clock while the job runs " +
    "(a bounded source that ends drops the windows still open).",
});
export type ProcessingTime = z.infer<typeof ProcessingTimeSchema>;

/**
 * A source's inferred row type: its own columns (and their errors), the event-time column marked, then the
 * processing-time column appended; none on error.
 */
export function sourceRowType(nodeId: string, eventTime: EventTime, own: { rowType: RowType; errors: GraphError[] },
  processingTime?: ProcessingTime, allowLtz = false): InferResult {
  const { rowType, errors } = applyEventTime(nodeId, eventTime, own.rowType, allowLtz);
  errors.unshift(...own.errors);
  const withProc = applyProcessingTime(nodeId, processingTime, rowType);
  errors.push(...withProc.errors);
  return { rowType: errors.length ? undefined : withProc.rowType, errors };
}

/** Appends the processing-time column; errors pinned to `processingTime.column`. */
export function applyProcessingTime(nodeId: string, proc: ProcessingTime, rowType: RowType): { rowType: RowType; errors: GraphError[] } {
  if (!proc) return { rowType, errors: [] };
  const field = "processingTime.column";
  if (proc.column.trim() === "") return { rowType, errors: [{ nodeId, field, message: "name the processing-time column" }] };
  if (rowType.some((c) => c.name === proc.column)) {
    return { rowType, errors: [{ nodeId, field, message: `"${proc.column}" is already a column of this source; choose another name` }] };
  }
  return { rowType: [...rowType, { name: proc.column, type: { ...PROCTIME_TYPE }, timeAttribute: "proctime" }], errors: [] };
}

/** `allowLtz`: a TIMESTAMP_LTZ(3) column may be the event time too (a Kafka record's timestamp is one). */
export function applyEventTime(nodeId: string, eventTime: EventTime, rowType: RowType, allowLtz = false): { rowType: RowType; errors: GraphError[] } {
  if (!eventTime) return { rowType, errors: [] };
  const field = "eventTime.column";
  const i = rowType.findIndex((c) => c.name === eventTime.column);
  if (i < 0) {
    const message = eventTime.column === "" ? "choose the event-time column" : `unknown column "${eventTime.column}"`;
    return { rowType, errors: [{ nodeId, field, message }] };
  }
  const t = rowType[i]!.type;
  if ((t.root !== "TIMESTAMP" && !(allowLtz && t.root === "TIMESTAMP_LTZ")) || t.precision !== 3) {
    const want = allowLtz ? "TIMESTAMP(3) or TIMESTAMP_LTZ(3)" : "TIMESTAMP(3)";
    return { rowType, errors: [{ nodeId, field, message: `the event-time column must be ${want}, "${eventTime.column}" is ${typeName(t)}` }] };
  }
  return { rowType: rowType.map((c, j) => (j === i ? { ...c, timeAttribute: "rowtime" as const } : c)), errors: [] };
}

export const watermarkIr = (eventTime: EventTime) =>
  eventTime ? { watermark: { column: eventTime.column, delayMs: eventTime.watermarkDelay } } : {};

export const proctimeIr = (proc: ProcessingTime) => (proc ? { proctime: { column: proc.column } } : {});
