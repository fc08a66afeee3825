// udfMap: a TypeScript map UDF — an async call per row whose outputs replace or extend the input's columns.
import { z } from "zod";
import { asyncOptions, settings, spec, spliceFields, udfLines, udfPrint } from "../../codegen/java-udf";
import { sqlList } from "../../codegen/sql-kit";
import { udfSql } from "../../codegen/sql-udf";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { spliceRowType } from "../row-types";
import { UdfSchema } from "../schemas";

export const udfMapOp = defineOp({
  /**
   * A TypeScript map UDF: input.addColumns(call(tsUdf, row($(inputColumn)…))) then a select in which the output columns
   * replace same-named input columns in place and the others are appended. `code` is the bundled ES module whose
   * `export default function (row)` returns an object of the output columns (value encoding: jvm-runner/udf-worker/README.md).
   * pipeline's compile() leaves the ts-map node's TypeScript source here; the server (server/udf) type-checks it and
   * swaps in the bundle, so the runner only ever receives JavaScript.
   */
  schema: z.object({ op: z.literal("udfMap"), table: z.string(), input: z.string(), udf: UdfSchema }),
  rowType: (s, { input }) => spliceRowType(input, s.udf.outputColumns),
  javaNeedsTypes: () => true,
  java: (s, p) => {
    const u = udfPrint(s, p);
    const l = udfLines(s, u);
    return [p.comment,
      ...asyncOptions(l.I, "async-scalar"),
      `${l.I}Table ${p.table(s.table)} = ${p.table(s.input)}`,
      `${l.II}.addColumns(call(new TsMapFunction(${spec(s, u, "map")}, ${settings(p.config)}), ${l.rowArg}).as(${p.str(l.tmp)}))`,
      l.select(spliceFields(s, u, l.tmp, l.fromTmp)),
    ];
  },
  sql: (s, p) => {
    const u = udfSql(s, p.input, "TsMapFunction");
    return u.view(`SELECT`, ...sqlList(u.splice(u.fromTmp, true)), `FROM (SELECT *, ${u.fn}(${u.rowArg}) AS ${u.tmp} FROM ${id(s.input)})`);
  },
});
