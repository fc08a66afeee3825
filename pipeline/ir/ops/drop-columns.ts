// dropColumns: input.dropColumns($(name), …).
import { z } from "zod";
import { CodegenError } from "../../codegen/literal";
import { sqlList } from "../../codegen/sql-kit";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";

export const dropColumnsOp = defineOp({
  /** input.dropColumns($(name), …) */
  schema: z.object({ op: z.literal("dropColumns"), table: z.string(), input: z.string(), columns: z.array(z.string()).min(1) }),
  rowType: (s, { input, column }) => {
    s.columns.forEach(column);
    return input.filter((c) => !s.columns.includes(c.name));
  },
  java: (s, p) => p.define(s.table, `${p.table(s.input)}.dropColumns(${s.columns.map((c) => `$(${p.str(c)})`).join(", ")})`),
  sql: (s, p) => {
    const cols = p.input.filter((c) => !s.columns.includes(c.name)).map((c) => id(c.name));
    if (cols.length === 0) throw new CodegenError(`dropColumns ${JSON.stringify(s.table)} drops every column`);
    return p.view(s.table, `SELECT`, ...sqlList(cols), `FROM ${id(s.input)}`);
  },
});
