// udfFlatMap: a TypeScript flatMap UDF — each input row yields the rows an async call returns (CROSS JOIN UNNEST).
import { z } from "zod";
import { asyncOptions, settings, spec, spliceFields, udfLines, udfPrint } from "../../codegen/java-udf";
import { sqlList } from "../../codegen/sql-kit";
import { udfSql } from "../../codegen/sql-udf";
import { sqlIdent, sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { spliceRowType } from "../row-types";
import { UdfSchema } from "../schemas";

export const udfFlatMapOp = defineOp({
  /**
   * A TypeScript flatMap UDF (a table function): `export default function (row)` returns an array or iterable of
   * objects of the output columns; each input row yields those rows, in which the output columns replace same-named
   * input columns in place and the others are appended (jvm-runner: an async scalar call returning the rows, then
   * CROSS JOIN UNNEST).
   */
  schema: z.object({ op: z.literal("udfFlatMap"), table: z.string(), input: z.string(), udf: UdfSchema }),
  rowType: (s, { input }) => spliceRowType(input, s.udf.outputColumns),
  javaNeedsTypes: () => true,
  java: (s, p) => {
    const u = udfPrint(s, p);
    const l = udfLines(s, u);
    const str = p.str;
    // as the runner does: the async call batched like a map, then SQL's UNNEST of the rows it returns
    const view = `${s.table}_in`;
    const tmps = s.udf.outputColumns.map((_, o) => `${l.tmp}_${o}`);
    const sql = `SELECT * FROM ${sqlIdent(view)} AS T CROSS JOIN UNNEST(T.${sqlIdent(l.tmp)}.${sqlIdent("a")}) AS U(${tmps.map(sqlIdent).join(", ")})`;
    return [p.comment,
      ...asyncOptions(l.I, "async-scalar"),
      `${l.I}tEnv.createTemporaryView(${str(view)}, ${p.table(s.input)}`,
      `${l.II}.addColumns(call(new TsFlatMapFunction(${spec(s, u, "flatMap")}, ${settings(p.config)}), ${l.rowArg}).as(${str(l.tmp)})));`,
      `${l.I}Table ${p.table(s.table)} = tEnv.sqlQuery(${str(sql)})`,
      l.select(spliceFields(s, u, l.tmp, (o, name) => `$(${str(tmps[o]!)}).as(${str(name)})`)),
    ];
  },
  sql: (s, p) => {
    // the function returns ROW<i…, a ARRAY<ROW<outputs>>>: the input columns, and the rows to unnest
    const u = udfSql(s, p.input, "TsFlatMapFunction");
    const tmps = u.outs.map((_, o) => id(`__udf_${s.table}_${o}`));
    return u.view(`SELECT`, ...sqlList(u.splice((o) => tmps[o]!, true)),
      `FROM (SELECT *, ${u.fn}(${u.rowArg}) AS ${u.tmp} FROM ${id(s.input)}) AS T`,
      `CROSS JOIN UNNEST(T.${u.tmp}.${id("a")}) AS U(${tmps.join(", ")})`);
  },
});
