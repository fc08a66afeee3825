// A Flink logical type as data (nested ROW / ARRAY / MAP included), printed and parsed in Flink's own type syntax.
import { z } from "zod";

export const SCALAR_ROOTS = [
  "BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL",
  "CHAR", "VARCHAR", "STRING", "BYTES", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ",
] as const;
export const NESTED_ROOTS = ["ROW", "ARRAY", "MAP", "MULTISET"] as const;
/** Flink's two interval roots: months (YEAR TO MONTH family) and milliseconds (DAY TO SECOND family); what expressions give, not column types of sources. */
export const INTERVAL_ROOTS = ["INTERVAL_YEAR_MONTH", "INTERVAL_DAY_TIME"] as const;
export const TYPE_ROOTS = [...SCALAR_ROOTS, ...INTERVAL_ROOTS, ...NESTED_ROOTS] as const;
export type TypeRoot = (typeof TYPE_ROOTS)[number];

/** A field of a ROW type; `description` is Flink's optional field comment (`ROW<\`a\` INT 'the a'>`). */
export type RowField = { name: string; type: DataType; description?: string };

/** An interval type's resolution as Flink's YearMonthIntervalType / DayTimeIntervalType name it (DAY_TO_SECOND…). */
export const INTERVAL_RESOLUTIONS = {
  INTERVAL_YEAR_MONTH: ["YEAR", "YEAR_TO_MONTH", "MONTH"],
  INTERVAL_DAY_TIME: ["DAY", "DAY_TO_HOUR", "DAY_TO_MINUTE", "DAY_TO_SECOND", "HOUR", "HOUR_TO_MINUTE", "HOUR_TO_SECOND", "MINUTE", "MINUTE_TO_SECOND", "SECOND"],
} as const;

/**
 * A Flink logical type. `precision`/`scale` for DECIMAL, TIME and TIMESTAMP(_LTZ); `length` for CHAR/VARCHAR;
 * `fields` for ROW, `element` for ARRAY and MULTISET, `key`/`value` for MAP. Intervals: `resolution`, `precision` the
 * year or day precision, `scale` the fractional second precision. One object shape for every root (rather than a union
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
  resolution?: string;
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
  resolution: z.string().optional(),
}).superRefine((t, ctx) => {
  const need = (ok: boolean, what: string) => { if (!ok) ctx.addIssue({ code: "custom", message: `${t.root} needs ${what}` }); };
  if (t.root === "ROW") need(t.fields !== undefined, "fields");
  if (t.root === "ARRAY" || t.root === "MULTISET") need(t.element !== undefined, "an element type");
  if (t.root === "INTERVAL_YEAR_MONTH" || t.root === "INTERVAL_DAY_TIME") {
    need((INTERVAL_RESOLUTIONS[t.root] as readonly string[]).includes(t.resolution ?? ""), `a resolution (${INTERVAL_RESOLUTIONS[t.root].join(", ")})`);
  }
  if (t.root === "MAP") need(t.key !== undefined && t.value !== undefined, "a key and a value type");
}));

export const isNested = (t: DataType) => t.root === "ROW" || t.root === "ARRAY" || t.root === "MAP" || t.root === "MULTISET";
export const isInterval = (t: DataType) => t.root === "INTERVAL_YEAR_MONTH" || t.root === "INTERVAL_DAY_TIME";

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
    case "MULTISET": s = `MULTISET<${formatType(t.element!)}>`; break;
    case "INTERVAL_YEAR_MONTH": case "INTERVAL_DAY_TIME": s = formatInterval(t); break;
    default: s = t.root;
  }
  return t.nullable ? s : `${s} NOT NULL`;
}

/** Flink's asSummaryString of an interval: INTERVAL MONTH, INTERVAL YEAR(2) TO MONTH, INTERVAL DAY(2) TO SECOND(3), INTERVAL SECOND(3). */
function formatInterval(t: DataType): string {
  const r = t.resolution ?? (t.root === "INTERVAL_YEAR_MONTH" ? "MONTH" : "SECOND");
  const [from, to] = r.split("_TO_") as [string, string | undefined];
  const lead = from === "YEAR" || from === "DAY" ? `${from}(${t.precision ?? 2})` : from === "SECOND" ? `SECOND(${t.scale ?? 6})` : from;
  return `INTERVAL ${lead}${to === undefined ? "" : ` TO ${to === "SECOND" ? `SECOND(${t.scale ?? 6})` : to}`}`;
}

function formatField(f: RowField): string {
  const s = `${quoteField(f.name)} ${formatType(f.type)}`;
  return f.description === undefined ? s : `${s} '${f.description.replaceAll("'", "''")}'`;
}

/** Structural equality of two types; `ignoreNullability` ignores it at the top level only (nested nullability counts). */
export const sameType = (a: DataType, b: DataType, ignoreNullability = false): boolean =>
  ignoreNullability ? formatType({ ...a, nullable: true }) === formatType({ ...b, nullable: true }) : formatType(a) === formatType(b);
