// addColumns: input.addColumns(expr.as(name), …) — computed columns appended to the input's.
import { z } from "zod";
import { sqlExpr } from "../../codegen/sql-expr";
import { sqlList } from "../../codegen/sql-kit";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { FieldsSchema } from "../schemas";

export const addColumnsOp = defineOp({
  /** input.addColumns(expr.as(name), …) */
  schema: z.object({ op: z.literal("addColumns"), table: z.string(), input: z.string(), fields: FieldsSchema }),
  rowType: (s, { input, typed }) => [...input, ...typed(s.fields)],
  java: (s, p) => p.define(s.table, `${p.table(s.input)}.addColumns(${p.list(s.fields.map((f) => `${p.expr(f.expr)}.as(${p.str(f.as)})`))})`),
  sql: (s, p) => p.view(s.table, `SELECT`, ...sqlList(["*", ...s.fields.map((f) => `${sqlExpr(f.expr)} AS ${id(f.as)}`)]), `FROM ${id(s.input)}`),
});
