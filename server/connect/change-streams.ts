// Before a run or preview: for each change-stream node, the table is checked against its config (through the runner's
// table listing), its Debezium connector is registered in the Kafka connection's Kafka Connect worker (idempotently: one
// per table, named by pipeline/kinds/change-stream.ts), and we wait until it runs and its topic exists. Every failure
// is a GraphCompileError pinned to the node's field; the PostgreSQL password is scrubbed from every message.
import type { PostgresConnection } from "@/pipeline/connections/postgres.connection";
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import { changeStreamNames } from "@/pipeline/kinds/change-stream";
import { postgresChangesKind, type PostgresChangesConfig } from "@/pipeline/kinds/postgres-changes.node.ts";
import { scrubSecrets } from "@/server/connections/scrub";
import type { ConnectionsService } from "@/server/connections/service";
import { GraphCompileError } from "@/server/errors";
import type { RunnerClient } from "@/server/runner/client";
import { awaitRunning, awaitTopic, putConnector } from "./connect-rest";
import { debeziumConfig } from "./debezium-config";

export type ChangeStreamDeps = { connections: Pick<ConnectionsService, "unsealedFields" | "resolve">; client: RunnerClient };

class FieldError extends Error {
  constructor(readonly field: string, message: string) { super(message); }
}

/** Registers every change stream of `graph` (nodes of other kinds are left alone); throws GraphCompileError. */
export async function ensureChangeStreams(graph: PipelineGraph, deps: ChangeStreamDeps): Promise<void> {
  const errors: GraphError[] = [];
  for (const n of graph.nodes.filter((x) => x.kind === postgresChangesKind.kind)) {
    const c = postgresChangesKind.config.parse(n.config);
    let secrets: string[] = [];
    try {
      const pg = fieldsOf(deps, c.database, "postgres", "database") as PostgresConnection;
      secrets = [pg.password];
      const connectUrl = String(fieldsOf(deps, c.connection, "kafka", "connection").connectUrl ?? "");
      if (!connectUrl) throw new FieldError("connection", `Kafka connection "${c.connection}" has no Kafka Connect URL: set one on the Connections page (the worker that runs Debezium)`);
      await checkTable(deps, c);
      const names = changeStreamNames(c.database, c.schema, c.table);
      await putConnector(connectUrl, names.connector, debeziumConfig(pg, names, c.schema, c.table));
      await awaitRunning(connectUrl, names.connector, 90_000);
      await awaitTopic(() => deps.client.kafkaTopics(deps.connections.resolve(c.connection).properties).then((r) => r.topics), names.topic, 60_000);
    } catch (e) {
      const field = e instanceof FieldError ? e.field : "table";
      errors.push({ nodeId: n.id, field, message: scrubSecrets((e as Error).message, secrets) });
    }
  }
  if (errors.length) throw new GraphCompileError(errors);
}

function fieldsOf(deps: ChangeStreamDeps, name: string, kind: string, field: string): Record<string, unknown> {
  let r: ReturnType<ChangeStreamDeps["connections"]["unsealedFields"]>;
  try {
    r = deps.connections.unsealedFields(name);
  } catch (e) {
    throw new FieldError(field, (e as Error).message);
  }
  if (r.kind !== kind) throw new FieldError(field, `connection "${name}" is a ${r.kind} connection; choose a ${kind} one`);
  return r.fields;
}

/** The table exists with the config's columns (names and Flink types, in order) and primary key. */
async function checkTable(deps: ChangeStreamDeps, c: PostgresChangesConfig): Promise<void> {
  const conn = deps.connections.resolve(c.database);
  let tables;
  try {
    tables = (await deps.client.postgresTables(conn.properties)).tables;
  } catch (e) {
    throw new FieldError("database", scrubSecrets((e as Error).message, conn.secretValues));
  }
  const t = tables.find((x) => x.schema === c.schema && x.name === c.table);
  if (!t) throw new FieldError("table", `table ${c.schema}.${c.table} does not exist in "${c.database}"`);
  const listed = t.columns.map((col) => `${col.name} ${col.type ?? "(unsupported)"}`).join(", ");
  const declared = c.columns.map((col) => `${col.name} ${col.type.replace(/\s+NOT NULL$/i, "")}`).join(", ");
  if (listed !== declared) throw new FieldError("columns", `table ${c.schema}.${c.table} has the columns ${listed}; the node declares ${declared}`);
  if (t.primaryKey.join(",") !== c.primaryKey.join(",")) {
    throw new FieldError("primaryKey", t.primaryKey.length === 0 ? `table ${c.schema}.${c.table} has no primary key; a change stream needs one`
      : `table ${c.schema}.${c.table}'s primary key is (${t.primaryKey.join(", ")}); the node declares (${c.primaryKey.join(", ")})`);
  }
}
