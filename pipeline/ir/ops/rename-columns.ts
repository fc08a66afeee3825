// renameColumns: input.renameColumns($(from).as(to), …).
import { z } from "zod";
import { sqlList } from "../../codegen/sql-kit";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";

export const renameColumnsOp = defineOp({
  /** input.renameColumns($(from).as(to), …) */
  schema: z.object({
    op: z.literal("renameColumns"), table: z.string(), input: z.string(),
    renames: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
  }),
  rowType: (s, { input, column }) => {
    s.renames.forEach((r) => column(r.from));
    return input.map((c) => ({ ...c, name: s.renames.find((r) => r.from === c.name)?.to ?? c.name }));
  },
  java: (s, p) => p.define(s.table, `${p.table(s.input)}.renameColumns(${s.renames.map((r) => `$(${p.str(r.from)}).as(${p.str(r.to)})`).join(", ")})`),
  sql: (s, p) => {
    const to = (name: string) => s.renames.find((r) => r.from === name)?.to;
    const cols = p.input.map((c) => (to(c.name) === undefined ? id(c.name) : `${id(c.name)} AS ${id(to(c.name)!)}`));
    return p.view(s.table, `SELECT`, ...sqlList(cols), `FROM ${id(s.input)}`);
  },
});
