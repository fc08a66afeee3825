// Shared by the PostgreSQL kinds (jdbc-source, jdbc-sink, lookup-join): the connection and table fields, the table's
// name as Flink's jdbc connector takes it, and the column-name rule Flink's PostgreSQL dialect imposes.
import { z } from "zod";
import type { GraphError } from "../graph";
import type { RowType } from "../types";

export const PgConnectionSchema = z.string().default("").meta({
  title: "Connection", description: "The PostgreSQL database: a named connection (Connections page or `streamcanvas connections add --kind postgres`).",
  widget: "connection", connectionKind: "postgres",
});
export const PgSchemaName = z.string().default("public").meta({ title: "Schema", description: "The table's schema (public unless it is elsewhere)." });
export const PgTableName = z.string().default("").meta({
  title: "Table", description: "The table's name; the list shows the connection's tables with their columns (Flink types) and primary key.",
  widget: "postgres-table",
});

/** A PostgreSQL identifier in double quotes, inner quotes doubled: the table name reaches the database exactly. */
export const pgQuote = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** Flink's `table-name` option: "schema"."table" (its PostgreSQL dialect passes the name to the database as given). */
export const pgTableName = (schema: string, table: string) => `${pgQuote(schema)}.${pgQuote(table)}`;

/**
 * Flink's PostgreSQL dialect writes column names unquoted into its SELECT / INSERT / lookup statements, so PostgreSQL
 * folds them to lower case: only a name that folds to itself reaches the right column (and no name can change the SQL).
 */
export const PG_PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

export function pgColumnErrors(nodeId: string, field: string, columns: RowType | readonly { name: string }[] | undefined, what: string): GraphError[] {
  return (columns ?? []).filter((c) => !PG_PLAIN_NAME.test(c.name)).map((c) => ({
    nodeId, field,
    message: `${what} "${c.name}" cannot be used with PostgreSQL: Flink's JDBC connector writes column names unquoted, so ` +
      `each must be lower-case letters, digits and _ (rename it${what === "input column" ? " in a select before this node" : ""})`,
  }));
}

/** The connection and table fields' problems. */
export function pgTableErrors(nodeId: string, c: { connection: string; schema: string; table: string }): GraphError[] {
  const errors: GraphError[] = [];
  if (c.connection.trim() === "") errors.push({ nodeId, field: "connection", message: "choose a PostgreSQL connection" });
  if (c.schema.trim() === "") errors.push({ nodeId, field: "schema", message: "give the table's schema, e.g. public" });
  if (c.table.trim() === "") errors.push({ nodeId, field: "table", message: "choose a table" });
  return errors;
}
