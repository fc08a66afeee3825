// The CLI's view of the server's connections: the same store and sealing key as the server (the data dir's database
// and secret.key, or STREAMCANVAS_SECRET_KEY), opened only when a program names a connection or a command needs them.
import path from "node:path";
import type { Env } from "@/env";
import type { TableProgram } from "@/pipeline/ir";
import { namedConnections, resolveConnections, type RunnerConnections } from "@/server/connections/resolve";
import { openSealer } from "@/server/connections/seal";
import { ConnectionsService } from "@/server/connections/service";
import { appRoot } from "@/server/runner/spawn";
import { openStore } from "@/server/store/store";
import type { PipelineGraph } from "@/pipeline/graph";
import { postgresChangesKind } from "@/pipeline/kinds/postgres-changes.node.ts";
import { ensureChangeStreams } from "@/server/connect/change-streams";
import type { RunnerClient } from "@/server/runner/client";

export const cliDataDir = (env: Env) => path.resolve(appRoot(), env.STREAMCANVAS_DATA_DIR);

/** The data dir's connections service and how to close its store. */
export function openConnections(env: Env): { connections: ConnectionsService; close(): void } {
  const dir = cliDataDir(env);
  const store = openStore(dir);
  try {
    return { connections: new ConnectionsService(store.connections, openSealer(dir, env.STREAMCANVAS_SECRET_KEY)), close: () => store.close() };
  } catch (e) {
    store.close();
    throw e;
  }
}

/** The connections `program` names, resolved (GraphCompileError naming the nodes of missing ones); none named, nothing is opened. */
export function cliResolveConnections(env: Env, program: TableProgram): RunnerConnections {
  if (namedConnections(program).length === 0) return {};
  const { connections, close } = openConnections(env);
  try {
    return resolveConnections(program, connections);
  } finally {
    close();
  }
}

/** Registers the Debezium connectors of the change streams `graph` follows, as a run from the editor does (GraphCompileError). */
export async function cliEnsureChangeStreams(env: Env, graph: PipelineGraph, client: RunnerClient): Promise<void> {
  if (!graph.nodes.some((n) => n.kind === postgresChangesKind.kind)) return;
  const { connections, close } = openConnections(env);
  try {
    await ensureChangeStreams(graph, { connections, client });
  } finally {
    close();
  }
}
