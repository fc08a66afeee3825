// groupBy: input.groupBy($(key)…).select($(key)…, aggregates…); no keys = one global group.
import { z } from "zod";
import { javaAggregates } from "../../codegen/java-kit";
import { sqlList } from "../../codegen/sql-kit";
import { sqlIdent as id } from "../../codegen/sql-text";
import { aggregateSql } from "../../codegen/window-sql";
import { aggregateType } from "../aggregate-types";
import { defineOp } from "../define-op";
import { AggregateSchema } from "../schemas";

export const groupByOp = defineOp({
  /** input.groupBy($(key)…).select($(key)…, $(column).<fn>().as(as)…); no keys = one global group (input.select(…)) */
  schema: z.object({
    op: z.literal("groupBy"), table: z.string(), input: z.string(), keys: z.array(z.string()),
    aggregates: z.array(AggregateSchema).min(1),
  }),
  rowType: (s, { column }) => {
    const aggs = s.aggregates.map((a) => ({ name: a.as, type: aggregateType(a.fn, column(a.column).type, s.keys.length > 0) }));
    return [...s.keys.map((k) => ({ name: k, type: column(k).type })), ...aggs];
  },
  java: (s, p) => {
    const keys = s.keys.map((k) => `$(${p.str(k)})`);
    // no keys: one global group, which the Table API writes as a plain select of aggregates
    const grouped = keys.length ? `.groupBy(${keys.join(", ")})` : "";
    return p.define(s.table, `${p.table(s.input)}${grouped}.select(${p.list([...keys, ...javaAggregates(s.aggregates, p.str)])})`);
  },
  sql: (s, p) => {
    const keys = s.keys.map(id);
    const aggs = s.aggregates.map((a) => `${aggregateSql(a.fn, id(a.column))} AS ${id(a.as)}`);
    const groupBy = keys.length ? [`FROM ${id(s.input)}`, `GROUP BY ${keys.join(", ")}`] : [`FROM ${id(s.input)}`];
    return p.view(s.table, `SELECT`, ...sqlList([...keys, ...aggs]), ...groupBy);
  },
});
