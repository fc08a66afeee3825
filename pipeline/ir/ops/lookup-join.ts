// lookupJoin: each input row enriched from a connector's table (Flink's JDBC lookup) by key, as of processing time:
// FOR SYSTEM_TIME AS OF, which Flink offers only in SQL, written by the runner over a view of the input.
import { z } from "zod";
import { I, II, javaDescriptor } from "../../codegen/java-kit";
import { CodegenError, readType } from "../../codegen/literal";
import { lookupJoinQuery } from "../../codegen/lookup-join-sql";
import { sqlTable } from "../../codegen/sql-kit";
import { sqlIdent } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { JoinKeys, RightRenames, TableDescriptorSchema } from "../schemas";

export const LOOKUP_JOIN_TYPES = ["inner", "left"] as const;

export const lookupJoinOp = defineOp({
  /**
   * tEnv.createTemporaryTable(`table`, descriptor); the input as a view; then SELECT L.*, R.* (right columns renamed)
   * FROM (SELECT *, PROCTIME() AS t FROM view) AS L [LEFT] JOIN `table` FOR SYSTEM_TIME AS OF L.t AS R ON keys.
   * keys.right are the right table's own column names.
   */
  schema: z.object({
    op: z.literal("lookupJoin"), table: z.string(), input: z.string(), descriptor: TableDescriptorSchema,
    joinType: z.enum(LOOKUP_JOIN_TYPES), keys: JoinKeys, rightRenames: RightRenames,
  }),
  rowType: (s, { input, column }) => {
    if (!s.descriptor.schema) throw new CodegenError(`lookupJoin ${JSON.stringify(s.table)}: its table has no schema`);
    s.keys.forEach((k) => column(k.left));
    // the left side keeps its columns as they are (time attributes included: the lookup does not reorder rows)
    const right = s.descriptor.schema.map((c) => ({
      name: s.rightRenames.find((r) => r.from === c.name)?.to ?? c.name,
      type: s.joinType === "left" ? { ...readType(c.type), nullable: true } : readType(c.type),
    }));
    return [...input, ...right];
  },
  java: (s, p) => {
    const view = p.nextView();
    const text = lookupJoinQuery(s, p.types[s.input]!, view, s.table);
    const query = text.map((l, i) => `${II}${i ? "+ " : ""}${p.str(i < text.length - 1 ? `${l}\n` : l)}`).join("\n");
    return [
      `${p.comment}: FOR SYSTEM_TIME AS OF, which Flink offers only in SQL`,
      `${I}tEnv.createTemporaryTable(${p.str(sqlIdent(s.table))}, ${javaDescriptor(s.descriptor, null, p.str)});`,
      `${I}tEnv.createTemporaryView(${p.str(view)}, ${p.table(s.input)});`,
      `${I}Table ${p.table(s.table)} = tEnv.sqlQuery(\n${query});`,
    ];
  },
  javaNeedsTypes: () => true,
  sql: (s, p) => {
    const right = p.freshName(`${s.table}_table`);
    return [...sqlTable(right, s.descriptor, []), ...p.view(s.table, ...lookupJoinQuery(s, p.input, s.input, right))];
  },
});
