// Result types of the aggregate functions, as Flink infers them: the aggregate catalogue's rules (expr/functions/aggregates.ts).
import { ACCEPTS_NAME, aggregateAccepts, BY_AGGREGATE } from "../expr/functions/aggregates";
import type { DataType } from "../types";
import type { AggregateFunction } from "./schemas";

const row = (fn: AggregateFunction) => {
  const a = BY_AGGREGATE.get(fn);
  if (!a) throw new Error(`unknown aggregate function "${fn}"`);
  return a;
};

/**
 * As Flink types it: per group (keys, or a window's bounds) sums, averages, min/max… are nullable when their column is;
 * over the whole input (no keys) they are nullable; counts never are.
 */
export const aggregateType = (fn: AggregateFunction, t: DataType, grouped: boolean): DataType => row(fn).returns(t, grouped);

export const aggregatable = (fn: AggregateFunction, t: DataType) => aggregateAccepts(row(fn), t);

/** What the aggregate takes, for messages: "a numeric", "a scalar (not ROW / ARRAY / MAP / MULTISET)". */
export const accepted = (fn: AggregateFunction) => ACCEPTS_NAME[row(fn).accepts];
