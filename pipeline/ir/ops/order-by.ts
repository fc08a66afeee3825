// orderBy: input.orderBy(keys).fetch(n) — the first n rows in order; offered only on bounded inputs.
import { z } from "zod";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { SortKey } from "../schemas";

export const orderByOp = defineOp({
  /** input.orderBy($(column).asc()|desc()…).fetch(fetch); the graph offers it only on bounded inputs */
  schema: z.object({
    op: z.literal("orderBy"), table: z.string(), input: z.string(), orderBy: z.array(SortKey).min(1),
    fetch: z.number().int().min(1),
  }),
  rowType: (_, { input }) => input,
  java: (s, p) => {
    const keys = s.orderBy.map((k) => `$(${p.str(k.column)}).${k.direction}()`);
    return p.define(s.table, `${p.table(s.input)}.orderBy(${keys.join(", ")}).fetch(${s.fetch})`);
  },
  sql: (s, p) => {
    const keys = s.orderBy.map((k) => `${id(k.column)} ${k.direction === "asc" ? "ASC" : "DESC"}`);
    return p.view(s.table, `SELECT *`, `FROM ${id(s.input)}`, `ORDER BY ${keys.join(", ")}`, `LIMIT ${s.fetch}`);
  },
});
