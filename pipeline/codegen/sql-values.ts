// A values source with a watermark as Flink SQL: VALUES cannot carry one, so the rows come from a datagen sequence.
import type { FromValuesStatement } from "../ir/ops/from-values";
import { CodegenError, readType } from "./literal";
import { sqlExpr, sqlType } from "./sql-expr";
import { sqlIdent, sqlString } from "./sql-text";
import { sqlInterval } from "./window-sql";

type FromValues = FromValuesStatement;

/**
 * CREATE TEMPORARY TABLE over a datagen sequence 1..n whose computed columns pick row i's cells (CASE on the sequence
 * number), with the watermark (and processing time) declared there, then a view of the same name as the IR table that
 * leaves the sequence number out. At parallelism 1 a sequence is emitted in order, so the rows arrive in the order
 * typed, as the runner's ordered collection source delivers them, and the watermark trails them the same way.
 * `fresh` returns a table name distinct from every other table and view.
 */
export function valuesWithWatermark(s: FromValues, fresh: (base: string) => string): string[] {
  const w = s.watermark!;
  const names = new Set(s.columns.map((c) => c.name));
  let seq = "row_number";
  for (let i = 2; names.has(seq); i++) seq = `row_number_${i}`;
  const n = s.rows.length;
  const columns = s.columns.map((c, i) => {
    const type = readType(c.type);
    const branches = s.rows.map((cells, r) => {
      if (cells.length !== s.columns.length) throw new CodegenError(`fromValues ${JSON.stringify(s.table)}: row ${r + 1} has ${cells.length} cells`);
      return `WHEN ${r + 1} THEN ${sqlExpr({ kind: "lit", value: cells[i]!, type: c.type })}`;
    });
    // CAST keeps the declared type whatever the branches' literals are (a CAST cannot add NOT NULL)
    return `${sqlIdent(c.name)} AS CAST(CASE ${sqlIdent(seq)} ${branches.join(" ")} END AS ${sqlType({ ...type, nullable: true })})`;
  });
  const table = fresh(`${s.table}__rows`);
  const proctime = s.proctime ? [`${sqlIdent(s.proctime.column)} AS PROCTIME()`] : [];
  const items = [
    `${sqlIdent(seq)} BIGINT`, ...columns, ...proctime,
    `WATERMARK FOR ${sqlIdent(w.column)} AS ${sqlIdent(w.column)} - ${sqlInterval(w.delayMs)}`,
  ];
  const options = [["connector", "datagen"], [`fields.${seq}.kind`, "sequence"], [`fields.${seq}.start`, "1"], [`fields.${seq}.end`, String(n)]];
  const visible = [...s.columns.map((c) => sqlIdent(c.name)), ...(s.proctime ? [sqlIdent(s.proctime.column)] : [])];
  return [
    `-- VALUES cannot carry a watermark in Flink SQL: a datagen sequence 1..${n} numbers the rows, in the order typed`,
    `CREATE TEMPORARY TABLE ${sqlIdent(table)} (`,
    ...items.map((x, i) => `  ${x}${i < items.length - 1 ? "," : ""}`),
    `) WITH (`,
    ...options.map(([k, v], i) => `  ${sqlString(k!)} = ${sqlString(v!)}${i < options.length - 1 ? "," : ""}`),
    `);`,
    `CREATE TEMPORARY VIEW ${sqlIdent(s.table)} AS`,
    `SELECT ${visible.join(", ")} FROM ${sqlIdent(table)};`,
  ];
}
