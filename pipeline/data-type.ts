// A Flink logical type as data (nested ROW / ARRAY / MAP included), printed and parsed in Flink's own type syntax.
import { z } from "zod";

export const SCALAR_ROOTS = [
  "BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL",
  "CHAR", "VARCHAR", "STRING", "BYTES", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ",
] as const;
export const NESTED_ROOTS = ["ROW", "ARRAY", "MAP"] as const;
export const TYPE_ROOTS = [...SCALAR_ROOTS, ...NESTED_ROOTS] as const;
export type TypeRoot = (typeof TYPE_ROOTS)[number];

/** A field of a ROW type; `description` is Flink's optional field comment (`ROW<\`a\` INT 'the a'>`). */
export type RowField = { name: string; type: DataType; description?: string };

/**
 * A Flink logical type. `precision`/`scale` for DECIMAL, TIME and TIMESTAMP(_LTZ); `length` for CHAR/VARCHAR;
 * `fields` for ROW, `element` for ARRAY, `key`/`value` for MAP. One object shape for every root (rather than a union
 * per root) so the many scalar-only readers of `t.precision` stay simple.
 */
export type DataType = {
  root: TypeRoot;
  nullable: boolean;
  precision?: number;
  scale?: number;
  length?: number;
  fields?: RowField[];
  element?: DataType;
  key?: DataType;
  value?: DataType;
};

const RowFieldSchema: z.ZodType<RowField> = z.lazy(() =>
  z.object({ name: z.string().min(1), type: DataTypeSchema, description: z.string().optional() }));

export const DataTypeSchema: z.ZodType<DataType> = z.lazy(() => z.object({
  root: z.enum(TYPE_ROOTS),
  nullable: z.boolean(),
  precision: z.number().int().optional(),
  scale: z.number().int().optional(),
  length: z.number().int().optional(),
  fields: z.array(RowFieldSchema).optional(),
  element: DataTypeSchema.optional(),
  key: DataTypeSchema.optional(),
  value: DataTypeSchema.optional(),
}).superRefine((t, ctx) => {
  const need = (ok: boolean, what: string) => { if (!ok) ctx.addIssue({ code: "custom", message: `${t.root} needs ${what}` }); };
  if (t.root === "ROW") need(t.fields !== undefined, "fields");
  if (t.root === "ARRAY") need(t.element !== undefined, "an element type");
  if (t.root === "MAP") need(t.key !== undefined && t.value !== undefined, "a key and a value type");
}));

export const isNested = (t: DataType) => t.root === "ROW" || t.root === "ARRAY" || t.root === "MAP";

/** Flink's EncodingUtils.escapeIdentifier: a field name in backticks, a backtick doubled. */
export const quoteField = (name: string) => "`" + name.replaceAll("`", "``") + "`";

/**
 * Prints a type as Flink's LogicalType#asSummaryString does, which is #asSerializableString except that STRING stays
 * STRING (not VARCHAR(2147483647)) and field descriptions are kept: `ROW<\`a\` INT, \`b name\` STRING NOT NULL>`,
 * `ARRAY<BIGINT NOT NULL>`, `MAP<STRING, DOUBLE>`, `DECIMAL(10, 2) NOT NULL`. Flink's LogicalTypeParser reads it back.
 */
export function formatType(t: DataType): string {
  let s: string;
  switch (t.root) {
    case "DECIMAL": s = `DECIMAL(${t.precision ?? 10}, ${t.scale ?? 0})`; break;
    case "CHAR": s = `CHAR(${t.length ?? 1})`; break;
    case "VARCHAR": s = `VARCHAR(${t.length ?? 1})`; break;
    case "TIME": s = `TIME(${t.precision ?? 0})`; break;
    case "TIMESTAMP": s = `TIMESTAMP(${t.precision ?? 6})`; break;
    case "TIMESTAMP_LTZ": s = `TIMESTAMP_LTZ(${t.precision ?? 6})`; break;
    case "ROW": s = `ROW<${(t.fields ?? []).map(formatField).join(", ")}>`; break;
    case "ARRAY": s = `ARRAY<${formatType(t.element!)}>`; break;
    case "MAP": s = `MAP<${formatType(t.key!)}, ${formatType(t.value!)}>`; break;
    default: s = t.root;
  }
  return t.nullable ? s : `${s} NOT NULL`;
}

function formatField(f: RowField): string {
  const s = `${quoteField(f.name)} ${formatType(f.type)}`;
  return f.description === undefined ? s : `${s} '${f.description.replaceAll("'", "''")}'`;
}

/** Structural equality of two types; `ignoreNullability` ignores it at the top level only (nested nullability counts). */
export const sameType = (a: DataType, b: DataType, ignoreNullability = false): boolean =>
  ignoreNullability ? formatType({ ...a, nullable: true }) === formatType({ ...b, nullable: true }) : formatType(a) === formatType(b);
