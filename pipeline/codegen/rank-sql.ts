// The ROW_NUMBER() query of `deduplicate` and `topN`, built as jvm-runner's RankTranslators builds it (same fresh
// names, same clauses), for the SQL script (one line per clause) and the Java program (one line).
import { sqlIdent } from "./sql-text";

/** `base`, or base1, base2… when an input column already has that name (RankTranslators.fresh) */
export function freshColumn(base: string, taken: string[]): string {
  let n = base;
  for (let i = 1; taken.includes(n); i++) n = `${base}${i}`;
  return n;
}

export type RankQuery = {
  /** the select list of the outer query (quoted) */
  out: string;
  partitionBy: string[];
  /** the ORDER BY of ROW_NUMBER() (quoted) */
  order: string;
  /** the row-number column's name */
  rn: string;
  /** the condition on it, e.g. "= 1" */
  condition: string;
  /** a quoted view or table name, or a subquery */
  from: string;
};

/** SELECT out FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY … ORDER BY …) AS rn FROM from) / WHERE rn condition. */
export function rankQuery(q: RankQuery): string[] {
  const partition = q.partitionBy.length ? `PARTITION BY ${q.partitionBy.map(sqlIdent).join(", ")} ` : "";
  return [
    `SELECT ${q.out} FROM (SELECT *, ROW_NUMBER() OVER (${partition}ORDER BY ${q.order}) AS ${sqlIdent(q.rn)} FROM ${q.from})`,
    `WHERE ${sqlIdent(q.rn)} ${q.condition}`,
  ];
}
