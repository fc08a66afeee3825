// udfAggregate: a TypeScript aggregate UDF per group — the keys, then the columns its result() returns.
import { z } from "zod";
import { settings, spec, udfLines, udfPrint } from "../../codegen/java-udf";
import { readType } from "../../codegen/literal";
import { sqlList } from "../../codegen/sql-kit";
import { udfSql } from "../../codegen/sql-udf";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { UdfSchema } from "../schemas";

export const udfAggregateOp = defineOp({
  /**
   * A TypeScript aggregate UDF per group: input.groupBy($(key)…).select($(key)…, call(tsAggregate, $(inputColumn)…)),
   * giving the keys then the output columns. The module exports `create(): Acc`, `add(acc, row): Acc`, optionally
   * `merge(a, b): Acc`, and `default result(acc)` returning the output columns. No keys = one group.
   */
  schema: z.object({ op: z.literal("udfAggregate"), table: z.string(), input: z.string(), keys: z.array(z.string()), udf: UdfSchema }),
  rowType: (s, { column }) => [...s.keys.map(column), ...s.udf.outputColumns.map((c) => ({ name: c.name, type: readType(c.type) }))],
  javaNeedsTypes: () => true,
  java: (s, p) => {
    const u = udfPrint(s, p);
    const { I, II, tmp, select } = udfLines(s, u);
    const str = p.str;
    const keys = s.keys.map((k) => `$(${str(k)})`);
    const args = s.udf.inputColumns.map((c) => `$(${str(c.name)})`).join(", ");
    const call = `call(new TsAggregateFunction(${spec(s, u, "aggregate")}, ${settings(p.config)}), ${args}).as(${str(tmp)})`;
    const grouped = keys.length ? `.groupBy(${keys.join(", ")})\n${II}.select(${[...keys, call].join(", ")})` : `.select(${call})`;
    return [p.comment,
      `${I}// as the runner does unless the program sets it: each group's result once per bundle of rows, not per row`,
      ...(p.config["table.exec.mini-batch.enabled"] === undefined ? [
        `${I}tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");`,
        `${I}tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "200 ms");`,
        `${I}tEnv.getConfig().set("table.exec.mini-batch.size", "5000");`,
      ] : []),
      ...(p.config["table.optimizer.agg-phase-strategy"] === undefined ? [
        `${I}// one phase: a local pre-aggregation would call merge(), which the aggregate need not export`,
        `${I}tEnv.getConfig().set("table.optimizer.agg-phase-strategy", "ONE_PHASE");`,
      ] : []),
      `${I}Table ${p.table(s.table)} = ${p.table(s.input)}`,
      `${II}${grouped}`,
      select([...keys, ...s.udf.outputColumns.map((c) => `$(${str(tmp)}).get(${str(c.name)}).as(${str(c.name)})`)]),
    ];
  },
  sql: (s, p) => {
    const u = udfSql(s, p.input, "TsAggregateFunction");
    const keys = s.keys.map(id);
    const call = `${u.fn}(${s.udf.inputColumns.map((c) => id(c.name)).join(", ")}) AS ${u.tmp}`;
    const inner = `SELECT ${[...keys, call].join(", ")} FROM ${id(s.input)}${keys.length ? ` GROUP BY ${keys.join(", ")}` : ""}`;
    return u.view(`SELECT`, ...sqlList([...keys, ...u.outs.map((n) => `${u.tmp}.${id(n)} AS ${id(n)}`)]), `FROM (${inner})`);
  },
});
