// unionAll: input.unionAll(right) — both inputs' rows, column types merged position by position.
import { z } from "zod";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { unionRowType } from "../union-type";

export const unionAllOp = defineOp({
  /** input.unionAll(right) */
  schema: z.object({ op: z.literal("unionAll"), table: z.string(), input: z.string(), right: z.string() }),
  rowType: (s, { input, tables, fail }) => {
    const r = unionRowType(s.table, input, tables[s.right]!);
    return r.rowType ?? fail(r.errors[0]?.message ?? "no common row type");
  },
  java: (s, p) => p.define(s.table, `${p.table(s.input)}.unionAll(${p.table(s.right)})`),
  sql: (s, p) => p.view(s.table, `SELECT * FROM ${id(s.input)}`, `UNION ALL`, `SELECT * FROM ${id(s.right)}`),
});
