// deduplicate: the first or last row per key, SQL only (ROW_NUMBER() = 1 over a temporary view).
import { z } from "zod";
import { I } from "../../codegen/java-kit";
import { freshColumn, rankQuery } from "../../codegen/rank-sql";
import { sqlIdent } from "../../codegen/sql-text";
import type { RowType } from "../../types";
import { defineOp } from "../define-op";

const schema = z.object({
  op: z.literal("deduplicate"), table: z.string(), input: z.string(), keys: z.array(z.string()).min(1),
  keep: z.enum(["first", "last"]), timeColumn: z.string().optional(),
});

/** The query over `from` (quoted); processing time is a PROCTIME() attribute added in a subquery. */
function query(s: z.infer<typeof schema>, input: RowType, from: string): string[] {
  const names = input.map((c) => c.name);
  let time = s.timeColumn;
  if (time === undefined) {
    time = freshColumn("proctime", names);
    from = `(SELECT *, PROCTIME() AS ${sqlIdent(time)} FROM ${from})`;
  }
  return rankQuery({
    out: names.map(sqlIdent).join(", "), partitionBy: s.keys, rn: freshColumn("rn", names), condition: "= 1", from,
    order: `${sqlIdent(time)} ${s.keep === "first" ? "ASC" : "DESC"}`,
  });
}

export const deduplicateOp = defineOp({
  /**
   * First or last row per key, SQL only: SELECT cols FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY keys ORDER BY
   * time ASC|DESC) AS rn FROM view) WHERE rn = 1. No timeColumn = processing time (PROCTIME() added in a subquery).
   */
  schema,
  rowType: (_, { input }) => input,
  javaNeedsTypes: () => true,
  java: (s, p) => {
    // SQL only in Flink: a temporary view of the input, then the ROW_NUMBER() query the runner's RankTranslators builds
    const view = `__view_${s.table}`;
    const sql = query(s, p.types[s.input]!, sqlIdent(view)).join(" ");
    return [p.comment, `${I}tEnv.createTemporaryView(${p.str(view)}, ${p.table(s.input)});`, `${I}Table ${p.table(s.table)} = tEnv.sqlQuery(${p.str(sql)});`];
  },
  sql: (s, p) => p.view(s.table, ...query(s, p.input, sqlIdent(s.input))),
});
