// jdbc-sink: writes its input into a PostgreSQL table (Flink's jdbc connector) through a named connection: appended,
// or upserted by a primary key, so an updating input becomes INSERT … ON CONFLICT upserts and DELETEs.
import { z } from "zod";
import type { GraphError } from "../graph";
import { updatingInputError } from "../changelog";
import { findColumn } from "./column-ref";
import { defineNodeKind } from "./define";
import { PgConnectionSchema, pgColumnErrors, PgSchemaName, pgTableErrors, PgTableName, pgTableName } from "./jdbc-common";

const JdbcSinkConfig = z.object({
  connection: PgConnectionSchema,
  schema: PgSchemaName,
  table: PgTableName,
  primaryKey: z.array(z.string()).default([]).meta({
    title: "Primary key",
    description: "Empty: every row is appended (inserts only). Columns: rows are upserted by them (the table's primary key or a unique index), deletes remove the row.",
  }),
  flushMaxRows: z.number().int().min(0).default(100).meta({
    title: "Batch size (rows)", description: "Rows buffered before a write (sink.buffer-flush.max-rows); 0 turns the row limit off.",
  }),
  flushIntervalMs: z.number().int().min(0).default(1000).meta({
    title: "Batch interval (ms)", description: "The longest a row waits in the buffer (sink.buffer-flush.interval); 0 turns it off.",
  }),
  maxRetries: z.number().int().min(0).default(3).meta({ title: "Max retries", description: "Retries of a failed batch write before the job fails (sink.max-retries)." }),
});
type JdbcSinkConfig = z.infer<typeof JdbcSinkConfig>;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export const jdbcSinkKind = defineNodeKind<JdbcSinkConfig>({
  kind: "jdbc-sink",
  version: 1,
  title: "PostgreSQL (sink)",
  category: "sink",
  description: "Writes rows into a PostgreSQL table: appended, or upserted by a primary key (updates replace, deletes remove).",
  ports: { inputs: ["in"], outputs: [] },
  config: JdbcSinkConfig,
  defaults: JdbcSinkConfig.parse({}),
  connection: { kind: "postgres" },
  inferRowType({ nodeId, config: c, inputs, changelogInputs }) {
    const errors: GraphError[] = [...pgTableErrors(nodeId, c), ...pgColumnErrors(nodeId, "table", inputs.in, "input column")];
    c.primaryKey.forEach((k, i) => {
      const ref = findColumn(nodeId, `primaryKey.${i}`, k, inputs.in!);
      if (!ref.ok) errors.push(ref.error);
    });
    const input = changelogInputs?.in;
    if (c.primaryKey.length === 0) {
      errors.push(...updatingInputError(nodeId, "a PostgreSQL sink without a primary key", input,
        "give this sink a primary key (the columns the updates are keyed by) so they become upserts and deletes").map((e) => ({ ...e, field: "primaryKey" })));
    } else if (input?.mode === "updating" && input.key && !sameSet(input.key, c.primaryKey)) {
      errors.push({
        nodeId, field: "primaryKey",
        message: `node "${input.by}" updates rows by (${input.key.join(", ")}); key this sink by the same columns, or an update would leave the old row behind`,
      });
    }
    return { errors };
  },
  toIr({ nodeId, config: c, inputs }) {
    const options: Record<string, string> = {
      "table-name": pgTableName(c.schema, c.table),
      "sink.buffer-flush.max-rows": String(c.flushMaxRows),
      "sink.buffer-flush.interval": `${c.flushIntervalMs} ms`,
      "sink.max-retries": String(c.maxRetries),
    };
    return [{
      op: "insertInto", sink: nodeId, input: inputs.in!,
      descriptor: { connector: "jdbc", connection: c.connection, ...(c.primaryKey.length ? { primaryKey: [...c.primaryKey] } : {}), options },
    }];
  },
});
