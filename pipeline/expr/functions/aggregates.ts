// The aggregate catalogue: the functions a group or window aggregation may compute, one row each — how the Table API
// calls it (group aggregates), how SQL writes it (window TVF aggregates), what it accepts and its type as Flink infers it.
import { type DataType, isNested, isNumeric, isString } from "../../types";

export type AggregateDef = {
  /** the IR's name (AggregateSchema.fn) */
  ir: string;
  /** Flink's BuiltInFunctionDefinitions name */
  builtin: string;
  /** ApiExpression methods called in turn on the column: ["count", "distinct"] is $(c).count().distinct() */
  java: readonly string[];
  /** the SQL aggregate; `distinct` writes NAME(DISTINCT c) */
  sql: string;
  distinct?: boolean;
  accepts: "any" | "scalar" | "numeric" | "string";
  /** the result type over a column of type t; `grouped`: per key or window (a group has a row), else over the whole input */
  returns: (t: DataType, grouped: boolean) => DataType;
  /** whether Flink can merge partial results (hop / cumulate slices, merged sessions need it) */
  mergeable: boolean;
  description: string;
};

/** Per group Flink keeps the column's nullability (a group has a row); over a whole input the result may be NULL. */
const nullable = (t: DataType, grouped: boolean): DataType => ({ ...t, nullable: grouped ? t.nullable : true });
/** Flink's avg / stddev / variance of a DECIMAL: DECIMAL(38, max(s, 6)); of other numbers, the input type. */
const averaged = (t: DataType, grouped: boolean): DataType =>
  nullable(t.root === "DECIMAL" ? { root: "DECIMAL", precision: 38, scale: Math.max(t.scale ?? 0, 6), nullable: t.nullable } : t, grouped);
const stat = (ir: string, builtin: string, java: string, sql: string, description: string): AggregateDef => ({
  ir, builtin, java: [java], sql, accepts: "numeric", returns: averaged, mergeable: true, description,
});

export const AGGREGATES: readonly AggregateDef[] = [
  { ir: "count", builtin: "count", java: ["count"], sql: "COUNT", accepts: "any", returns: () => ({ root: "BIGINT", nullable: false }), mergeable: true, description: "the number of non-NULL values" },
  { ir: "count_distinct", builtin: "count", java: ["count", "distinct"], sql: "COUNT", distinct: true, accepts: "any", returns: () => ({ root: "BIGINT", nullable: false }), mergeable: true, description: "the number of distinct non-NULL values" },
  {
    ir: "sum", builtin: "sum", java: ["sum"], sql: "SUM", accepts: "numeric", mergeable: true, description: "the sum",
    returns: (t, grouped) => nullable(t.root === "DECIMAL" ? { root: "DECIMAL", precision: 38, scale: t.scale ?? 0, nullable: t.nullable } : t, grouped),
  },
  { ir: "avg", builtin: "avg", java: ["avg"], sql: "AVG", accepts: "numeric", returns: averaged, mergeable: true, description: "the mean (an integer column gives an integer)" },
  { ir: "min", builtin: "min", java: ["min"], sql: "MIN", accepts: "scalar", returns: nullable, mergeable: true, description: "the smallest value" },
  { ir: "max", builtin: "max", java: ["max"], sql: "MAX", accepts: "scalar", returns: nullable, mergeable: true, description: "the largest value" },
  { ir: "first_value", builtin: "first_value", java: ["firstValue"], sql: "FIRST_VALUE", accepts: "scalar", returns: nullable, mergeable: false, description: "the first non-NULL value in arrival order" },
  { ir: "last_value", builtin: "last_value", java: ["lastValue"], sql: "LAST_VALUE", accepts: "scalar", returns: nullable, mergeable: false, description: "the last non-NULL value in arrival order" },
  stat("stddev_pop", "stddevPop", "stddevPop", "STDDEV_POP", "the population standard deviation (an integer column gives an integer)"),
  stat("stddev_samp", "stddevSamp", "stddevSamp", "STDDEV_SAMP", "the sample standard deviation; NULL for one value"),
  stat("var_pop", "varPop", "varPop", "VAR_POP", "the population variance"),
  stat("var_samp", "varSamp", "varSamp", "VAR_SAMP", "the sample variance; NULL for one value"),
  {
    ir: "listagg", builtin: "listAgg", java: ["listAgg"], sql: "LISTAGG", accepts: "string", mergeable: true,
    returns: () => ({ root: "STRING", nullable: true }), description: "the non-NULL strings joined with ','",
  },
  {
    ir: "array_agg", builtin: "ARRAY_AGG", java: ["arrayAgg"], sql: "ARRAY_AGG", accepts: "scalar", mergeable: true,
    // Flink keeps the column's nullability even over a whole input
    returns: (t) => ({ root: "ARRAY", element: t, nullable: t.nullable }), description: "the values (NULLs included) as an ARRAY",
  },
  {
    ir: "collect", builtin: "collect", java: ["collect"], sql: "COLLECT", accepts: "scalar", mergeable: true,
    // never NULL, even over an empty or all-NULL input (an empty MULTISET)
    returns: (t) => ({ root: "MULTISET", element: t, nullable: false }), description: "the non-NULL values with how often each occurs, as a MULTISET",
  },
];

export const BY_AGGREGATE: ReadonlyMap<string, AggregateDef> = new Map(AGGREGATES.map((a) => [a.ir, a]));
export const AGGREGATE_NAMES = AGGREGATES.map((a) => a.ir) as [string, ...string[]];

const ACCEPTS: Record<AggregateDef["accepts"], (t: DataType) => boolean> = {
  any: () => true, scalar: (t) => !isNested(t), numeric: isNumeric, string: isString,
};
/** Whether the aggregate takes a column of type t. */
export const aggregateAccepts = (a: AggregateDef, t: DataType) => ACCEPTS[a.accepts](t);
export const ACCEPTS_NAME: Record<AggregateDef["accepts"], string> = { any: "any", scalar: "a scalar (not ROW / ARRAY / MAP / MULTISET)", numeric: "a numeric", string: "a string" };
