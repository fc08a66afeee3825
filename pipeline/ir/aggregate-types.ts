// Result types of the aggregate functions, as Flink's LogicalTypeMerging derives them (findSumAggType, findAvgAggType).
import type { AggregateFunction } from "./schemas";
import { type DataType, isNested, isNumeric } from "../types";

export const NUMERIC_ONLY: ReadonlySet<AggregateFunction> = new Set(["sum", "avg"]);

/** Grouped sum/avg/min/max are nullable (their input may be); counts never are. */
export function aggregateType(fn: AggregateFunction, t: DataType): DataType {
  switch (fn) {
    case "count": case "count_distinct":
      return { root: "BIGINT", nullable: false };
    case "sum":
      return t.root === "DECIMAL" ? { root: "DECIMAL", precision: 38, scale: t.scale ?? 0, nullable: true } : { ...t, nullable: true };
    case "avg":
      return t.root === "DECIMAL" ? { root: "DECIMAL", precision: 38, scale: Math.max(t.scale ?? 0, 6), nullable: true } : { ...t, nullable: true };
    default:
      return { ...t, nullable: true };
  }
}

/** Counts take any column; the rest no ROW / ARRAY / MAP, which Flink's MIN, MAX and the like do not order. */
export const aggregatable = (fn: AggregateFunction, t: DataType) =>
  (!NUMERIC_ONLY.has(fn) || isNumeric(t)) && (fn === "count" || fn === "count_distinct" || !isNested(t));
