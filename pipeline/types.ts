// Row types: Flink logical types as data, with parsing/printing in Flink's own SQL type syntax.
import { z } from "zod";

export const TYPE_ROOTS = [
  "BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL",
  "CHAR", "VARCHAR", "STRING", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ",
] as const;
export type TypeRoot = (typeof TYPE_ROOTS)[number];

/** A Flink logical type. `precision`/`scale` for DECIMAL, TIME and TIMESTAMP(_LTZ); `length` for CHAR/VARCHAR. */
export const DataTypeSchema = z.object({
  root: z.enum(TYPE_ROOTS),
  nullable: z.boolean(),
  precision: z.number().int().optional(),
  scale: z.number().int().optional(),
  length: z.number().int().optional(),
});
export type DataType = z.infer<typeof DataTypeSchema>;

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

/** Prints a type the way Flink's LogicalType#asSerializableString does (e.g. `DECIMAL(10, 2) NOT NULL`). */
export function formatType(t: DataType): string {
  let s: string;
  switch (t.root) {
    case "DECIMAL": s = `DECIMAL(${t.precision ?? 10}, ${t.scale ?? 0})`; break;
    case "CHAR": s = `CHAR(${t.length ?? 1})`; break;
    case "VARCHAR": s = `VARCHAR(${t.length ?? 1})`; break;
    case "TIME": s = `TIME(${t.precision ?? 0})`; break;
    case "TIMESTAMP": s = `TIMESTAMP(${t.precision ?? 6})`; break;
    case "TIMESTAMP_LTZ": s = `TIMESTAMP_LTZ(${t.precision ?? 6})`; break;
    default: s = t.root;
  }
  return t.nullable ? s : `${s} NOT NULL`;
}

export type ParseTypeResult = { ok: true; type: DataType } | { ok: false; message: string };

const TYPE_RE = /^\s*([A-Za-z_]+(?:\s+[A-Za-z_]+)*?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*(NOT\s+NULL|NULL)?\s*$/i;
const ALIASES: Record<string, TypeRoot> = {
  INTEGER: "INT", BOOL: "BOOLEAN", "DOUBLE PRECISION": "DOUBLE", REAL: "FLOAT", DEC: "DECIMAL", NUMERIC: "DECIMAL",
  "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP", "TIMESTAMP WITH LOCAL TIME ZONE": "TIMESTAMP_LTZ",
};

/** Parses Flink's SQL type syntax for the supported roots, e.g. `BIGINT`, `DECIMAL(10,2)`, `VARCHAR(20) NOT NULL`. */
export function parseType(text: string): ParseTypeResult {
  const m = TYPE_RE.exec(text);
  if (!m) return { ok: false, message: `cannot read type "${text}": expected e.g. BIGINT, STRING, DECIMAL(10, 2), TIMESTAMP(3)` };
  const word = m[1]!.toUpperCase().replace(/\s+/g, " ");
  const root = (ALIASES[word] ?? word) as TypeRoot;
  if (!TYPE_ROOTS.includes(root)) {
    return { ok: false, message: `unknown type "${m[1]}": supported are ${TYPE_ROOTS.join(", ")}` };
  }
  const a = m[2] === undefined ? undefined : Number(m[2]);
  const b = m[3] === undefined ? undefined : Number(m[3]);
  const nullable = !(m[4] && /NOT/i.test(m[4]));
  const t: DataType = { root, nullable };
  switch (root) {
    case "DECIMAL":
      t.precision = a ?? 10; t.scale = b ?? 0;
      if (t.precision < 1 || t.precision > 38) return { ok: false, message: `DECIMAL precision must be 1..38, got ${t.precision}` };
      if (t.scale < 0 || t.scale > t.precision) return { ok: false, message: `DECIMAL scale must be 0..${t.precision}, got ${t.scale}` };
      break;
    case "CHAR": case "VARCHAR":
      t.length = a ?? 1;
      if (b !== undefined) return { ok: false, message: `${root} takes one length argument` };
      if (t.length < 1) return { ok: false, message: `${root} length must be at least 1` };
      break;
    case "TIME": case "TIMESTAMP": case "TIMESTAMP_LTZ":
      t.precision = a ?? (root === "TIME" ? 0 : 6);
      if (b !== undefined || t.precision > 9) return { ok: false, message: `${root} takes one precision argument 0..9` };
      break;
    default:
      if (a !== undefined) return { ok: false, message: `${root} takes no arguments` };
  }
  return { ok: true, type: t };
}

/** Like parseType but throws; for trusted inputs such as fixtures. */
export function type(text: string): DataType {
  const r = parseType(text);
  if (!r.ok) throw new Error(r.message);
  return r.type;
}
