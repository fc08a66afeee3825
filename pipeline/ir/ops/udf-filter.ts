// udfFilter: a TypeScript filter UDF — the rows for which an async call returns true.
import { z } from "zod";
import { asyncOptions, code, cols, settings, spec, spliceFields, udfLines, udfPrint } from "../../codegen/java-udf";
import { sqlList } from "../../codegen/sql-kit";
import { udfSql } from "../../codegen/sql-udf";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { UdfSchema } from "../schemas";

export const udfFilterOp = defineOp({
  /**
   * A TypeScript filter UDF: the rows for which `export default function (row): boolean` returns true (jvm-runner: an
   * async scalar call, then a filter). The udf has no outputColumns.
   */
  schema: z.object({ op: z.literal("udfFilter"), table: z.string(), input: z.string(), udf: UdfSchema.omit({ outputColumns: true }) }),
  rowType: (_, { input }) => input,
  javaNeedsTypes: () => true,
  java: (s, p) => {
    const u = udfPrint(s, p);
    const l = udfLines(s, u);
    const str = p.str;
    spec(s, u, "filter");
    return [p.comment,
      ...asyncOptions(l.I, "async-scalar"),
      `${l.I}Table ${p.table(s.table)} = ${p.table(s.input)}`,
      `${l.II}.addColumns(call(new TsFilterFunction(${str(s.udf.name)}, ${code(s.udf.code, str)}, ${cols(s.udf.inputColumns, str)}, ${settings(p.config)}), ${l.rowArg}).as(${str(l.tmp)}))`,
      `${l.II}.filter($(${str(l.tmp)}).get("k"))`,
      l.select(spliceFields(s, u, l.tmp, l.fromTmp)),
    ];
  },
  sql: (s, p) => {
    const u = udfSql(s, p.input, "TsFilterFunction");
    return u.view(`SELECT`, ...sqlList(u.splice(u.fromTmp, true)), `FROM (SELECT *, ${u.fn}(${u.rowArg}) AS ${u.tmp} FROM ${id(s.input)})`, `WHERE ${u.tmp}.${id("k")}`);
  },
});
