// window: aggregation over a window TVF (TUMBLE, HOP, SESSION, CUMULATE), which Flink offers only in SQL.
import { z } from "zod";
import { II, I } from "../../codegen/java-kit";
import { javaWindowUdf } from "../../codegen/java-udf";
import { readType } from "../../codegen/literal";
import { sqlList } from "../../codegen/sql-kit";
import { sqlCommentText } from "../../codegen/sql-text";
import { windowQuery, windowQueryText, windowUdfName } from "../../codegen/window-sql";
import { aggregateType } from "../aggregate-types";
import { defineOp } from "../define-op";
import { AggregateSchema, UdfSchema, WindowSpecSchema } from "../schemas";

const BOUND = { root: "TIMESTAMP", precision: 3, nullable: false } as const;

/**
 * Window aggregation over a window TVF, which the runner writes as SQL over a temporary view of input:
 *   SELECT window_start, window_end, key…, AGG(column) AS as… FROM TABLE(TUMBLE(TABLE view, DESCRIPTOR(timeColumn), …))
 *   GROUP BY window_start, window_end, key…   (SESSION partitions by the keys)
 */
const schema = z.object({
  op: z.literal("window"), table: z.string(), input: z.string(),
  window: WindowSpecSchema,
  keys: z.array(z.string()),
  /** may be empty when there is a udf: a window computes at least one of them */
  aggregates: z.array(AggregateSchema),
  /**
   * An optional TypeScript aggregate (as udfAggregate's, with merge() for hop, session and cumulate): registered under
   * a generated function name, called on its input columns in the same GROUP BY, its output columns appended.
   */
  udf: UdfSchema.optional(),
}).refine((w) => w.aggregates.length > 0 || w.udf !== undefined, {
  path: ["aggregates"], message: "a window needs at least one aggregate or a udf",
});
export type WindowStatement = z.infer<typeof schema>;

export const windowOp = defineOp({
  schema,
  rowType: (s, { column }) => {
    const aggs = s.aggregates.map((a) => ({ name: a.as, type: aggregateType(a.fn, column(a.column).type, true) }));
    const udf = s.udf ? s.udf.outputColumns.map((c) => ({ name: c.name, type: readType(c.type) })) : [];
    return [{ name: "window_start", type: BOUND }, { name: "window_end", type: BOUND }, ...s.keys.map((k) => ({ name: k, type: column(k).type })), ...aggs, ...udf];
  },
  javaNeedsTypes: (s) => s.udf !== undefined,
  java: (s, p) => {
    // window TVFs exist only in SQL: the runner registers the input as a temporary view and queries it, quoting
    // every identifier; the query text is the runner's own (codegen/window-sql.ts)
    const view = p.nextView();
    const text = windowQueryText(s, view).split("\n");
    const query = text.map((l, i) => `${II}${i ? "+ " : ""}${p.str(i < text.length - 1 ? `${l}\n` : l)}`).join("\n");
    if (s.udf) p.uses.udf = true;
    return [
      `${p.comment}: a window table-valued function, which Flink offers only in SQL`,
      `${I}tEnv.createTemporaryView(${p.str(view)}, ${p.table(s.input)});`,
      ...(s.udf ? javaWindowUdf(s, windowUdfName(view), { str: p.str, table: p.table, input: p.types[s.input]!, config: p.config, indent: I }) : []),
      `${I}Table ${p.table(s.table)} = tEnv.sqlQuery(\n${query});`,
    ];
  },
  sql: (s, p) => {
    // the window table-valued function over the input view, as the runner writes it over a temporary view
    const q = windowQuery(s, s.input, s.udf?.name);
    if (!q.outer) return p.view(s.table, `SELECT`, ...sqlList(q.select), `FROM ${q.from}`, `GROUP BY ${q.groupBy.join(", ")}`);
    return [
      `-- window ${sqlCommentText(s.table)}: its TypeScript aggregate, which SQL cannot build from its code, must first be`,
      `-- registered as the function ${sqlCommentText(s.udf!.name)}, from Java (see the Java program).`,
      ...p.view(s.table, `SELECT`, ...sqlList(q.outer), `FROM (`, `  SELECT ${q.select.join(", ")}`, `  FROM ${q.from}`,
        `  GROUP BY ${q.groupBy.join(", ")}`, `)`),
    ];
  },
});
