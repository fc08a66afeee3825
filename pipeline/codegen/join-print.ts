// Joins as both printers write them (ops join and intervalJoin): the right side renamed, equal keys, extra conditions.
import type { JoinType } from "../ir";
import type { RowType } from "../types";
import { II, type JavaPrinter } from "./java-kit";
import { sqlType } from "./sql-expr";
import { sqlList } from "./sql-kit";
import { sqlIdent } from "./sql-text";

type JoinIr = {
  input: string; right: string; joinType: JoinType;
  rightRenames: { from: string; to: string }[]; keys: { left: string; right: string }[];
};

const JOIN_METHOD = { inner: "join", left: "leftOuterJoin", right: "rightOuterJoin", full: "fullOuterJoin" } as const;

/** left.<join>(right.renameColumns(…), keys and `extra`…) as the runner's JoinTranslators. */
export function javaJoin(s: JoinIr, p: JavaPrinter, extra: string[] = []): string {
  const col = (c: string) => `$(${p.str(c)})`;
  const renames = s.rightRenames.map((r) => `${col(r.from)}.as(${p.str(r.to)})`);
  const right = renames.length ? `${p.table(s.right)}.renameColumns(${renames.join(", ")})` : p.table(s.right);
  const conds = [...s.keys.map((k) => `${col(k.left)}.isEqual(${col(k.right)})`), ...extra];
  const predicate = conds[0] + conds.slice(1).map((c) => `\n${II}    .and(${c})`).join("");
  return `${p.table(s.input)}.${JOIN_METHOD[s.joinType]}(\n${II}${right},\n${II}${predicate})`;
}

const JOIN_SQL = { inner: "JOIN", left: "LEFT JOIN", right: "RIGHT JOIN", full: "FULL JOIN" } as const;
export const L = sqlIdent("L");
export const R = sqlIdent("R");

/** The right column's name before the join's renames. */
export const originalName = (s: JoinIr, name: string) => s.rightRenames.find((r) => r.to === name)?.from ?? name;

/**
 * A join as SQL: left columns, then right ones under their new names, sides aliased L and R (a self-join stays valid).
 * `rightTime`: a right rowtime column (original name) cast to a plain timestamp; `extra`: further ON conditions.
 */
export function joinSql(s: JoinIr, left: RowType, right: RowType, rightTime?: string, extra: string[] = []): string[] {
  const renamed = (name: string) => s.rightRenames.find((r) => r.from === name)?.to ?? name;
  const cols = [
    ...left.map((c) => `${L}.${sqlIdent(c.name)}`),
    ...right.map((c) => {
      const ref = `${R}.${sqlIdent(c.name)}`;
      // as the runner: the right rowtime becomes a plain timestamp, so the result has one time attribute
      if (c.name === rightTime) return `CAST(${ref} AS ${sqlType(c.type)}) AS ${sqlIdent(renamed(c.name))}`;
      return renamed(c.name) === c.name ? ref : `${ref} AS ${sqlIdent(renamed(c.name))}`;
    }),
  ];
  const on = [...s.keys.map((k) => `${L}.${sqlIdent(k.left)} = ${R}.${sqlIdent(originalName(s, k.right))}`), ...extra];
  return [`SELECT`, ...sqlList(cols), `FROM ${sqlIdent(s.input)} AS ${L}`, `${JOIN_SQL[s.joinType]} ${sqlIdent(s.right)} AS ${R}`, `  ON ${on.join(" AND ")}`];
}
