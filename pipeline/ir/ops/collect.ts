// collect: the input's rows returned to StreamCanvas (the runner keeps the last maxRows).
import { z } from "zod";
import { I } from "../../codegen/java-kit";
import { sqlCommentText, sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";

export const collectOp = defineOp({
  /** rows of input are returned to StreamCanvas; the runner keeps the last maxRows */
  schema: z.object({ op: z.literal("collect"), sink: z.string(), input: z.string(), maxRows: z.number().int().min(1).max(10000) }),
  // The runner brings the changelog back with collectAsync; a standalone program prints it from inside the same
  // job instead (a client-side iterator can lose the last rows when a local cluster shuts down with the job).
  java: (s, p) => [
    `${p.comment}: StreamCanvas shows the last ${s.maxRows} rows; here every changelog row is printed as ${p.str(s.sink)}> +I[...]`,
    `${I}tEnv.toChangelogStream(${p.table(s.input)}).print(${p.str(s.sink)});`,
  ],
  sql: (s, p) => {
    // last, since the SQL client waits for a query's results before it reads the next statement
    p.selects.push(
      "",
      `-- collect ${sqlCommentText(s.sink)}: StreamCanvas keeps the last ${s.maxRows} rows; the SQL client shows this`,
      `-- query's rows, as a job of its own (StreamCanvas runs every sink in one job)`,
      `SELECT * FROM ${id(s.input)};`,
    );
    return [];
  },
});
