// filter: input.filter(predicate) — the rows for which an expression holds.
import { z } from "zod";
import { sqlExpr } from "../../codegen/sql-expr";
import { sqlIdent as id } from "../../codegen/sql-text";
import { ExprSchema } from "../../expr/ast";
import { defineOp } from "../define-op";

export const filterOp = defineOp({
  /** input.filter(predicate) */
  schema: z.object({ op: z.literal("filter"), table: z.string(), input: z.string(), predicate: ExprSchema }),
  rowType: (_, { input }) => input,
  java: (s, p) => p.define(s.table, `${p.table(s.input)}.filter(${p.expr(s.predicate)})`),
  sql: (s, p) => p.view(s.table, `SELECT *`, `FROM ${id(s.input)}`, `WHERE ${sqlExpr(s.predicate)}`),
});
