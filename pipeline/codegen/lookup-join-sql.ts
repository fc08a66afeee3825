// The lookup join's query, the text the runner hands to sqlQuery (Flink offers FOR SYSTEM_TIME AS OF only in SQL):
// every identifier quoted, the processing time the lookup happens at added to the left side under a free name.
import type { RowType } from "../types";
import { sqlIdent } from "./sql-text";

export type LookupJoinIr = {
  joinType: "inner" | "left";
  keys: { left: string; right: string }[];
  rightRenames: { from: string; to: string }[];
  descriptor: { schema?: { name: string }[] };
};

/** A name for the added processing-time column that no left column has. */
export function lookupTimeColumn(left: readonly { name: string }[]): string {
  let name = "streamcanvas_lookup_time";
  while (left.some((c) => c.name === name)) name += "_";
  return name;
}

/** The query's lines; `leftView` and `rightTable` are the (unquoted) names the runner registers. */
export function lookupJoinQuery(s: LookupJoinIr, left: RowType, leftView: string, rightTable: string): string[] {
  const L = sqlIdent("L");
  const R = sqlIdent("R");
  const pt = sqlIdent(lookupTimeColumn(left));
  const renamed = (name: string) => s.rightRenames.find((r) => r.from === name)?.to ?? name;
  const cols = [
    ...left.map((c) => `${L}.${sqlIdent(c.name)}`),
    ...(s.descriptor.schema ?? []).map((c) => `${R}.${sqlIdent(c.name)}${renamed(c.name) === c.name ? "" : ` AS ${sqlIdent(renamed(c.name))}`}`),
  ];
  const on = s.keys.map((k) => `${L}.${sqlIdent(k.left)} = ${R}.${sqlIdent(k.right)}`).join(" AND ");
  return [
    `SELECT ${cols.join(", ")}`,
    `FROM (SELECT *, PROCTIME() AS ${pt} FROM ${sqlIdent(leftView)}) AS ${L}`,
    `${s.joinType === "left" ? "LEFT JOIN" : "JOIN"} ${sqlIdent(rightTable)} FOR SYSTEM_TIME AS OF ${L}.${pt} AS ${R} ON ${on}`,
  ];
}
