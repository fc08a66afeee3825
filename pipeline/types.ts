// Row types: Flink logical types as data, with parsing/printing in Flink's own SQL type syntax.
import { z } from "zod";
import { type DataType, DataTypeSchema, type TypeRoot } from "./data-type";
import { parseType } from "./type-parse";

export { type DataType, DataTypeSchema, formatType, INTERVAL_ROOTS, isInterval, isNested, NESTED_ROOTS, quoteField, type RowField, sameType, SCALAR_ROOTS, TYPE_ROOTS, type TypeRoot } from "./data-type";
export { parseType, type ParseTypeResult } from "./type-parse";

/**
 * `timeAttribute` marks a time attribute, which windows need: "rowtime" an event-time column with a watermark,
 * "proctime" a source's processing-time column (PROCTIME()). It survives references that Flink keeps as attributes
 * (filter, add/drop/rename columns), not computations on it.
 */
export const TIME_ATTRIBUTES = ["rowtime", "proctime"] as const;
export const ColumnSchema = z.object({ name: z.string().min(1), type: DataTypeSchema, timeAttribute: z.enum(TIME_ATTRIBUTES).optional() });
export type Column = z.infer<typeof ColumnSchema>;
export type RowType = Column[];

export const NUMERIC_ROOTS: ReadonlySet<TypeRoot> = new Set(["TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL"]);
export const STRING_ROOTS: ReadonlySet<TypeRoot> = new Set(["CHAR", "VARCHAR", "STRING"]);

export const isNumeric = (t: DataType) => NUMERIC_ROOTS.has(t.root);
export const isString = (t: DataType) => STRING_ROOTS.has(t.root);

/** Like parseType but throws; for trusted inputs such as fixtures. */
export function type(text: string): DataType {
  const r = parseType(text);
  if (!r.ok) throw new Error(r.message);
  return r.type;
}
