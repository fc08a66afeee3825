// topN: the top n rows per partition, SQL only (ROW_NUMBER() <= n over a temporary view); an updating result.
import { z } from "zod";
import { I } from "../../codegen/java-kit";
import { CodegenError } from "../../codegen/literal";
import { freshColumn, rankQuery } from "../../codegen/rank-sql";
import { sqlIdent } from "../../codegen/sql-text";
import type { RowType } from "../../types";
import { defineOp } from "../define-op";
import { SortKey } from "../schemas";

const schema = z.object({
  op: z.literal("topN"), table: z.string(), input: z.string(), partitionBy: z.array(z.string()),
  orderBy: SortKey, n: z.number().int().min(1), rankColumn: z.string().optional(),
});

function query(s: z.infer<typeof schema>, input: RowType, from: string): string[] {
  const names = input.map((c) => c.name);
  const cols = names.map(sqlIdent).join(", ");
  const rn = s.rankColumn ?? freshColumn("rn", names);
  return rankQuery({
    out: s.rankColumn === undefined ? cols : `${cols}, ${sqlIdent(rn)}`, partitionBy: s.partitionBy, rn, condition: `<= ${s.n}`, from,
    order: `${sqlIdent(s.orderBy.column)} ${s.orderBy.direction === "asc" ? "ASC" : "DESC"}`,
  });
}

export const topNOp = defineOp({
  /**
   * The top n rows per partition, SQL only: SELECT cols[, rn AS rankColumn] FROM (SELECT *, ROW_NUMBER() OVER
   * (PARTITION BY partitionBy ORDER BY column dir) AS rn FROM view) WHERE rn <= n. An updating result.
   */
  schema,
  rowType: (s, { input }) => (s.rankColumn === undefined ? input : [...input, { name: s.rankColumn, type: { root: "BIGINT", nullable: false } }]),
  javaNeedsTypes: () => true,
  java: (s, p) => {
    // SQL only in Flink: a temporary view of the input, then the ROW_NUMBER() query the runner's RankTranslators builds
    const view = `__view_${s.table}`;
    const sql = `tEnv.sqlQuery(${p.str(query(s, p.types[s.input]!, sqlIdent(view)).join(" "))})`;
    const createView = `${I}tEnv.createTemporaryView(${p.str(view)}, ${p.table(s.input)});`;
    if (s.n !== 1) return [p.comment, createView, `${I}Table ${p.table(s.table)} = ${sql};`];
    // a top-1: Flink may send a replacing row as +U alone; jvm-runner's Top1Retractions puts the -U back, as the runner does
    p.uses.top1 = true;
    const key = `List.of(${s.partitionBy.map(p.str).join(", ")})`;
    return [p.comment, createView, `${I}Table ${p.table(s.table)} = Top1Retractions.apply(tEnv, ${sql}, ${key}, ${p.str(s.table)});`];
  },
  sql: (s, p) => {
    if (s.n === 1 && s.orderBy.direction === "asc") {
      // Flink 2.3 plans this as insert-only yet sends a replacing row as +U alone, so SQL's result cannot be replayed;
      // jvm-runner puts the missing -U back with a DataStream step (Top1Retractions) that SQL has no form for
      throw new CodegenError(`topN ${JSON.stringify(s.table)}: Flink SQL's top-1 in ascending order leaves out the retraction of a replaced row (jvm-runner adds it outside SQL)`);
    }
    return p.view(s.table, ...query(s, p.input, sqlIdent(s.input)));
  },
});
