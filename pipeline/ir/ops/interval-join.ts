// intervalJoin: an event-time interval join — equal keys plus both rowtimes within [lowerMs, upperMs] of each other.
import { z } from "zod";
import { II, javaMillis } from "../../codegen/java-kit";
import { javaType } from "../../codegen/java-text";
import { javaJoin, joinSql, L, originalName, R } from "../../codegen/join-print";
import { sqlIdent } from "../../codegen/sql-text";
import { sqlInterval } from "../../codegen/window-sql";
import { defineOp } from "../define-op";
import { joinRowType } from "../row-types";
import { JOIN_TYPES, JoinKeys, RightRenames } from "../schemas";

export const intervalJoinOp = defineOp({
  /**
   * An event-time interval join: input.join(right', keys and $(leftTime) >= $(rightTime) + lowerMs and
   * $(leftTime) <= $(rightTime) + upperMs) — equi-keys plus two range bounds on both sides' rowtime attributes is what
   * Flink's planner runs as an interval join (state kept only for the interval). The output keeps the left time column
   * as its time attribute; the right one is cast to a plain TIMESTAMP(3) (a table with two rowtimes cannot be collected).
   */
  schema: z.object({
    op: z.literal("intervalJoin"), table: z.string(), input: z.string(), right: z.string(),
    joinType: z.enum(JOIN_TYPES), rightRenames: RightRenames, keys: JoinKeys,
    leftTime: z.string(), rightTime: z.string(), lowerMs: z.number().int(), upperMs: z.number().int(),
  }),
  rowType: joinRowType,
  javaNeedsTypes: () => true,
  java: (s, p) => {
    const col = (c: string) => `$(${p.str(c)})`;
    const offset = (ms: number) => (ms === 0 ? col(s.rightTime) : `${col(s.rightTime)}.${ms > 0 ? "plus" : "minus"}(${javaMillis(Math.abs(ms))})`);
    const joined = javaJoin(s, p, [`${col(s.leftTime)}.isGreaterOrEqual(${offset(s.lowerMs)})`, `${col(s.leftTime)}.isLessOrEqual(${offset(s.upperMs)})`]);
    // both rowtimes survive an interval join; the right one becomes a plain timestamp, as in the runner
    const fields = p.types[s.table]!.map((c) =>
      c.name === s.rightTime ? `${col(c.name)}.cast(${javaType({ root: "TIMESTAMP", precision: 3, nullable: c.type.nullable })}).as(${p.str(c.name)})` : col(c.name));
    return p.define(s.table, `${joined}\n${II}.select(${fields.map((f) => `\n${II}    ${f}`).join(",")})`);
  },
  sql: (s, p) => {
    const lt = `${L}.${sqlIdent(s.leftTime)}`;
    const rt = `${R}.${sqlIdent(originalName(s, s.rightTime))}`;
    const offset = (ms: number) => (ms === 0 ? rt : `${rt} ${ms > 0 ? "+" : "-"} ${sqlInterval(Math.abs(ms))}`);
    return p.view(s.table, ...joinSql(s, p.input, p.types[s.right]!, originalName(s, s.rightTime), [`${lt} >= ${offset(s.lowerMs)}`, `${lt} <= ${offset(s.upperMs)}`]));
  },
});
