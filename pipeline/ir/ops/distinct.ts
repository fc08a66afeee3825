// distinct: input.distinct() — duplicate rows removed.
import { z } from "zod";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";

export const distinctOp = defineOp({
  /** input.distinct() */
  schema: z.object({ op: z.literal("distinct"), table: z.string(), input: z.string() }),
  rowType: (_, { input }) => input,
  java: (s, p) => p.define(s.table, `${p.table(s.input)}.distinct()`),
  sql: (s, p) => p.view(s.table, `SELECT DISTINCT *`, `FROM ${id(s.input)}`),
});
