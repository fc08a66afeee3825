// What an IR op's SQL print is given (pipeline/ir/ops): the script's context and the SQL pieces ops share.
import type { Statement, TableDescriptorIr } from "../ir";
import type { RowType } from "../types";
import { CodegenError, readType } from "./literal";
import { sqlType } from "./sql-expr";
import { sqlIdent, sqlString } from "./sql-text";
import { sqlInterval } from "./window-sql";
import { connectionPlaceholders } from "../ir/connectors";

export type SqlContext = {
  /** row type of every table, for sinks without a schema and for column lists (rename, drop) */
  types: Record<string, RowType>;
  /** a sink's table name, distinct from every table and view */
  sinkName: (sink: string) => string;
  /** a table name for a helper table, distinct from every table and view */
  freshName: (base: string) => string;
  /** INSERT INTO lines of the statement set, and the collect queries that end the script */
  inserts: string[];
  selects: string[];
};

/** The context with what every op's print uses, for one statement. */
export type SqlPrinter = SqlContext & {
  /** the row type of the statement's input ([] when it has none) */
  input: RowType;
  /** CREATE TEMPORARY VIEW name AS query…; */
  view: (name: string, ...query: string[]) => string[];
};

/** Items of a select or WITH list, one per line, comma-separated. */
export const sqlList = (items: string[]) => items.map((x, i) => `  ${x}${i < items.length - 1 ? "," : ""}`);

export function sqlPrinter(s: Statement, ctx: SqlContext): SqlPrinter {
  return {
    ...ctx,
    input: "input" in s ? ctx.types[s.input]! : [],
    view: (name, ...query) => [`CREATE TEMPORARY VIEW ${sqlIdent(name)} AS`, ...query.slice(0, -1), `${query.at(-1)};`],
  };
}

/** CREATE TEMPORARY TABLE name (columns, proctime, watermark) WITH ('connector' = …, options). */
export function sqlTable(name: string, d: TableDescriptorIr, derived: RowType): string[] {
  const cols = d.schema ? d.schema.map((c) => ({ name: c.name, type: readType(c.type) })) : derived;
  if (cols.length === 0) throw new CodegenError(`a ${d.connector} table needs at least one column`);
  const options = [...Object.entries({ connector: d.connector, ...d.options }), ...connectionPlaceholders(d)]
    .map(([k, v]) => `${sqlString(k)} = ${sqlString(v)}`);
  const meta = (d.metadata ?? []).map((c) =>
    `${sqlIdent(c.name)} ${sqlType(readType(c.type))} METADATA FROM ${sqlString(c.key)} VIRTUAL`);
  const pk = d.primaryKey ? [`PRIMARY KEY (${d.primaryKey.map(sqlIdent).join(", ")}) NOT ENFORCED`] : [];
  const wm = d.watermark
    ? [`WATERMARK FOR ${sqlIdent(d.watermark.column)} AS ${sqlIdent(d.watermark.column)} - ${sqlInterval(d.watermark.delayMs)}`]
    : [];
  const proctime = d.proctime ? [`${sqlIdent(d.proctime.column)} AS PROCTIME()`] : [];
  return [
    `CREATE TEMPORARY TABLE ${sqlIdent(name)} (`,
    ...sqlList([...cols.map((c) => `${sqlIdent(c.name)} ${sqlType(c.type)}`), ...meta, ...proctime, ...wm, ...pk]),
    `) WITH (`,
    ...sqlList(options),
    `);`,
  ];
}
