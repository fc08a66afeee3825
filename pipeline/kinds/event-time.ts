// Event time for sources: one TIMESTAMP(3) column becomes a time attribute with a bounded-out-of-orderness watermark.
import { z } from "zod";
import { typeName } from "../expr/compat";
import type { GraphError } from "../graph";
import type { RowType } from "../types";
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

/** Marks the event-time column as a time attribute; errors pinned to `eventTime.column`. */
/** A source's inferred row type: its own columns (and their errors), then the event-time column marked; none on error. */
export function sourceRowType(nodeId: string, eventTime: EventTime, own: { rowType: RowType; errors: GraphError[] }): InferResult {
  const { rowType, errors } = applyEventTime(nodeId, eventTime, own.rowType);
  errors.unshift(...own.errors);
  return { rowType: errors.length ? undefined : rowType, errors };
}

export function applyEventTime(nodeId: string, eventTime: EventTime, rowType: RowType): { rowType: RowType; errors: GraphError[] } {
  if (!eventTime) return { rowType, errors: [] };
  const field = "eventTime.column";
  const i = rowType.findIndex((c) => c.name === eventTime.column);
  if (i < 0) {
    const message = eventTime.column === "" ? "choose the event-time column" : `unknown column "${eventTime.column}"`;
    return { rowType, errors: [{ nodeId, field, message }] };
  }
  const t = rowType[i]!.type;
  if (t.root !== "TIMESTAMP" || t.precision !== 3) {
    return { rowType, errors: [{ nodeId, field, message: `the event-time column must be TIMESTAMP(3), "${eventTime.column}" is ${typeName(t)}` }] };
  }
  return { rowType: rowType.map((c, j) => (j === i ? { ...c, timeAttribute: "rowtime" as const } : c)), errors: [] };
}

export const watermarkIr = (eventTime: EventTime) =>
  eventTime ? { watermark: { column: eventTime.column, delayMs: eventTime.watermarkDelay } } : {};
