// The ROW_NUMBER() queries of `deduplicate` and `topN`, built as jvm-runner's RankTranslators builds them (same
// fresh names, same clauses), for the SQL script (one line per clause) and the Java program (one line).
import type { Statement } from "../ir";
import type { RowType } from "../types";
import { sqlIdent } from "./sql-text";

type Rank = Extract<Statement, { op: "deduplicate" | "topN" }>;

/** `base`, or base1, base2… when an input column already has that name (RankTranslators.fresh) */
function fresh(base: string, taken: string[]): string {
  let n = base;
  for (let i = 1; taken.includes(n); i++) n = `${base}${i}`;
  return n;
}

/** Clauses of the query over `from` (a quoted view or table name). */
export function rankQuery(s: Rank, input: RowType, from: string): string[] {
  const names = input.map((c) => c.name);
  const cols = names.map(sqlIdent).join(", ");
  let rn: string, out: string, partitionBy: string[], order: string, condition: string;
  if (s.op === "deduplicate") {
    rn = fresh("rn", names);
    out = cols;
    partitionBy = s.keys;
    condition = "= 1";
    let time = s.timeColumn;
    if (time === undefined) {
      // processing time: a proctime attribute made by PROCTIME() in a subquery
      time = fresh("proctime", names);
      from = `(SELECT *, PROCTIME() AS ${sqlIdent(time)} FROM ${from})`;
    }
    order = `${sqlIdent(time)} ${s.keep === "first" ? "ASC" : "DESC"}`;
  } else {
    rn = s.rankColumn ?? fresh("rn", names);
    out = s.rankColumn === undefined ? cols : `${cols}, ${sqlIdent(rn)}`;
    partitionBy = s.partitionBy;
    condition = `<= ${s.n}`;
    order = `${sqlIdent(s.orderBy.column)} ${s.orderBy.direction === "asc" ? "ASC" : "DESC"}`;
  }
  const partition = partitionBy.length ? `PARTITION BY ${partitionBy.map(sqlIdent).join(", ")} ` : "";
  return [
    `SELECT ${out} FROM (SELECT *, ROW_NUMBER() OVER (${partition}ORDER BY ${order}) AS ${sqlIdent(rn)} FROM ${from})`,
    `WHERE ${sqlIdent(rn)} ${condition}`,
  ];
}
