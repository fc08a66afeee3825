// fromValues: tEnv.fromValues(ROW type, row(cell…)…) — rows written in the pipeline, with optional time attributes.
import { z } from "zod";
import { II, javaProctime, javaWatermark } from "../../codegen/java-kit";
import { javaValue } from "../../codegen/java-expr";
import { javaType } from "../../codegen/java-text";
import { CodegenError, readType } from "../../codegen/literal";
import { sqlExpr } from "../../codegen/sql-expr";
import { sqlList } from "../../codegen/sql-kit";
import { sqlIdent as id } from "../../codegen/sql-text";
import { valuesWithWatermark } from "../../codegen/sql-values";
import type { Expr } from "../../expr/ast";
import { defineOp } from "../define-op";
import { withTime } from "../row-types";
import { ProctimeSchema, WatermarkSchema } from "../schemas";

type Lit = Extract<Expr, { kind: "lit" }>;

/**
 * tEnv.fromValues(DataTypes.ROW(columns…), row(cell…)…). A cell is encoded as an expression literal's value for its
 * column's type (numbers as exact decimal strings, times as ISO-8601 text, booleans, null).
 */
const schema = z.object({
  op: z.literal("fromValues"), table: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })).min(1),
  rows: z.array(z.array(z.union([z.string(), z.boolean(), z.null()]))).min(1),
  /** declared through tEnv.fromDataStream(tEnv.toDataStream(values), Schema with the watermark): VALUES has no schema hook */
  watermark: WatermarkSchema.optional(),
  /** a processing-time column appended after the columns; also declared through fromDataStream's Schema */
  proctime: ProctimeSchema.optional(),
});
export type FromValuesStatement = z.infer<typeof schema>;

export const fromValuesOp = defineOp({
  schema,
  rowType: (s) => withTime(s.columns, s),
  java: (s, p) => {
    const types = s.columns.map((c) => readType(c.type));
    const fields = s.columns.map((c, i) => `DataTypes.FIELD(${p.str(c.name)}, ${javaType(types[i]!)})`);
    const rowType = `DataTypes.ROW(${p.list(fields.map((f) => `    ${f}`))})`;
    const cellsOf = (cells: (typeof s.rows)[number], print: (l: Lit) => string) => {
      if (cells.length !== types.length) throw new CodegenError(`fromValues ${JSON.stringify(s.table)}: a row has ${cells.length} cells for ${types.length} columns`);
      return cells.map((v, i) => print({ kind: "lit", value: v, type: s.columns[i]!.type })).join(", ");
    };
    if (!s.watermark && !s.proctime) {
      p.uses.row = true;
      const rows = s.rows.map((cells) => `row(${cellsOf(cells, p.expr)})`);
      return p.define(s.table, `tEnv.fromValues(${p.list([rowType, ...rows])})`);
    }
    // as the runner does: one ordered collection source, so the watermark never overtakes rows (fromValues may plan
    // a union of one-row branches in no fixed order), and fromDataStream takes the watermark and processing time
    p.uses.rowData = true;
    const rows = s.rows.map((cells) => `Row.of(${cellsOf(cells, (l) => javaValue(l, p.uses, p.ascii))})`);
    const schema = `Schema.newBuilder()${javaProctime(s.proctime, p.str)}${s.watermark ? javaWatermark(s.watermark, p.str) : ""}.build()`;
    const source = `env.fromData(List.of(${p.list(rows)}),\n${II}ExternalTypeInfo.<Row>of(${rowType})).setParallelism(1)`;
    return p.define(s.table, `tEnv.fromDataStream(\n${II}${source},\n${II}${schema})`);
  },
  sql: (s, p) => {
    if (s.watermark) return valuesWithWatermark(s, p.freshName);
    // every cell typed as its column, so the VALUES rows have the declared types (nullability may come out stricter)
    const rows = s.rows.map((cells, r) => {
      if (cells.length !== s.columns.length) throw new CodegenError(`fromValues ${JSON.stringify(s.table)}: row ${r + 1} has ${cells.length} cells`);
      return `(${cells.map((v, i) => sqlExpr({ kind: "lit", value: v, type: s.columns[i]!.type })).join(", ")})`;
    });
    const names = s.columns.map((c) => id(c.name)).join(", ");
    // PROCTIME() in a view's select list is a processing-time attribute, as fromDataStream's computed column is
    const star = s.proctime ? `*, PROCTIME() AS ${id(s.proctime.column)}` : "*";
    return p.view(s.table, `SELECT ${star} FROM (VALUES`, ...sqlList(rows), `) AS ${id("values")} (${names})`);
  },
});
