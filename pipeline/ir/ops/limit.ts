// limit: input.limit(n) — the first n rows in arrival order (no sort); on a source that can take the limit
// (datagen, files) Flink pushes it down and the source stops reading.
import { z } from "zod";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";

export const limitOp = defineOp({
  /** input.limit(fetch) */
  schema: z.object({ op: z.literal("limit"), table: z.string(), input: z.string(), fetch: z.number().int().min(1) }),
  rowType: (_, { input }) => input,
  java: (s, p) => p.define(s.table, `${p.table(s.input)}.limit(${s.fetch})`),
  sql: (s, p) => p.view(s.table, `SELECT *`, `FROM ${id(s.input)}`, `LIMIT ${s.fetch}`),
});
