// postgres-changes: a PostgreSQL table's snapshot followed by its inserts, updates and deletes, as an updating table keyed
// by its primary key. No Flink CDC release is built for Flink 2.x, so Debezium's PostgreSQL connector, running in the
// Kafka Connect worker of the Kafka connection, writes the changes to a topic that this node reads as debezium-json; the
// server registers that connector before a run or preview (server/connect/change-streams.ts).
import { z } from "zod";
import type { GraphError } from "../graph";
import type { Statement } from "../ir";
import { formatType, type RowType } from "../types";
import { castFromIsoString, changeStreamNames, PLAIN_NAME, readAsString } from "./change-stream";
import { declaredColumns } from "./declared-columns";
import { defineNodeKind, updating } from "./define";
import { ConnectionSchema } from "./kafka-common";

const Column = z.object({
  name: z.string().min(1, "name the column").meta({ title: "Name", description: "The table column's name." }),
  type: z.string().min(1, "give a Flink type, e.g. BIGINT").default("STRING").meta({
    title: "Type", description: "Its Flink type as the table listing gives it (Flink's PostgreSQL type mapping), e.g. DECIMAL(10, 2).",
  }),
});

const PostgresChangesConfig = z.object({
  database: z.string().default("").meta({
    title: "PostgreSQL connection", description: "The database whose table is followed: a named postgres connection.",
    widget: "connection", connectionKind: "postgres",
  }),
  connection: ConnectionSchema.meta({
    title: "Kafka connection",
    description: "The Kafka cluster the changes go through; its Kafka Connect URL names the worker that runs Debezium.",
    widget: "connection", connectionKind: "kafka",
  }),
  schema: z.string().default("public").meta({ title: "Schema", description: "The table's schema." }),
  table: z.string().default("").meta({ title: "Table", description: "The table followed (it needs a primary key)." }),
  columns: z.array(Column).default([]).meta({
    title: "Columns", description: "The table's columns and their Flink types (from the connection's table listing); checked against the table at run time.",
  }),
  primaryKey: z.array(z.string()).default([]).meta({
    title: "Primary key", description: "The table's primary key columns, in key order: the key of the updating table.",
  }),
});
export type PostgresChangesConfig = z.infer<typeof PostgresChangesConfig>;

function own(nodeId: string, c: PostgresChangesConfig): { rowType: RowType; errors: GraphError[] } {
  const declared = declaredColumns(nodeId, c.columns);
  const errors = [...declared.errors];
  const at = (field: string, message: string) => errors.push({ nodeId, field, message });
  if (c.database.trim() === "") at("database", "choose a PostgreSQL connection");
  if (c.connection.trim() === "") at("connection", "choose a Kafka connection (with a Kafka Connect URL)");
  if (!PLAIN_NAME.test(c.schema)) at("schema", "a change stream follows schemas named with letters, digits and _ (they become part of a Kafka topic name)");
  if (c.table.trim() === "") at("table", "choose a table");
  else if (!PLAIN_NAME.test(c.table)) at("table", "a change stream follows tables named with letters, digits and _ (they become part of a Kafka topic name)");
  if (c.primaryKey.length === 0) at("primaryKey", "a change stream needs the table's primary key");
  c.primaryKey.forEach((k, i) => {
    if (!c.columns.some((col) => col.name === k)) at(`primaryKey.${i}`, `primary key column "${k}" is not among the columns`);
  });
  return { rowType: declared.rowType, errors };
}

export const postgresChangesKind = defineNodeKind<PostgresChangesConfig>({
  kind: "postgres-changes",
  version: 1,
  title: "PostgreSQL changes",
  category: "source",
  description: "A PostgreSQL table's rows, then its inserts, updates and deletes (Debezium in Kafka Connect, read from Kafka): an updating " +
    "table keyed by its primary key. A run or a preview first registers the table's Debezium connector in Kafka Connect (the one thing " +
    "they write outside Flink: that connector, and its replication slot and publication in the database); a preview then shows the snapshot's first rows.",
  ports: { inputs: [], outputs: ["out"] },
  config: PostgresChangesConfig,
  defaults: PostgresChangesConfig.parse({}),
  connection: { kind: "kafka" },
  inferRowType: ({ nodeId, config: c }) => {
    const r = own(nodeId, c);
    if (r.errors.length) return { errors: r.errors };
    const key = c.primaryKey;
    return { rowType: r.rowType, errors: [], changelog: updating(nodeId, `it follows table ${c.schema}.${c.table}'s updates and deletes`, key) };
  },
  source: {
    unbounded: (c, nodeId) => `change stream "${nodeId}" follows table ${c.schema}.${c.table} for as long as it runs`,
    // a preview reads what the topic holds when it starts (the snapshot's rows first) and ends there
    previewCap: (d) => ({ ...d, options: { ...d.options, "scan.bounded.mode": "latest-offset" } }),
    // Propose columns: the table's listing gives the columns (Flink types) and the primary key
    sample: {
      request: (c) => ({ from: "postgres-table", connection: c.database, schema: c.schema, table: c.table }),
      apply: (c, columns) => ({
        ...c, columns: columns.map(({ name, type }) => ({ name, type })),
        primaryKey: columns.filter((col) => col.key !== undefined).sort((a, b) => a.key! - b.key!).map((col) => col.name),
      }),
    },
  },
  toIr({ nodeId, config: c }) {
    const rowType = own(nodeId, c).rowType;
    const names = changeStreamNames(c.database, c.schema, c.table);
    const converted = rowType.some((col) => readAsString(col.type));
    const raw = converted ? `${nodeId}__debezium` : nodeId;
    const schema = rowType.map((col) => ({ name: col.name, type: readAsString(col.type) ? "STRING" : formatType(col.type) }));
    const statements: Statement[] = [{ op: "from", table: raw, descriptor: {
      connector: "kafka", connection: c.connection, schema,
      options: {
        topic: names.topic, "value.format": "debezium-json", "value.debezium-json.timestamp-format.standard": "ISO-8601",
        "scan.startup.mode": "earliest-offset",
      },
    } }];
    if (converted) {
      statements.push({ op: "select", table: nodeId, input: raw, fields: rowType.map((col) => ({
        as: col.name, expr: readAsString(col.type) ? castFromIsoString(col.name, col.type) : { kind: "col" as const, name: col.name },
      })) });
    }
    return statements;
  },
});
