// The connections a TableProgram names, resolved from the store just before it goes to the runner (the only place a
// connection's secrets join a program), or one error per node naming the connection that is missing or unusable.
import type { GraphError } from "@/pipeline/graph";
import type { TableProgram } from "@/pipeline/ir";
import { GraphCompileError } from "@/server/errors";
import type { ConnectionsService } from "./service";

/** What the runner's POST /jobs takes beside the program: properties.<key> options for descriptors naming each. */
export type RunnerConnections = Record<string, { kind: string; properties: Record<string, string> }>;

/** Each descriptor that names a connection, with the node it belongs to (a source's table, a sink's id). */
export function namedConnections(program: TableProgram): { nodeId: string; connection: string }[] {
  const out: { nodeId: string; connection: string }[] = [];
  for (const s of program.statements) {
    if (!("descriptor" in s)) continue;
    const connection = s.descriptor.connection;
    if (connection === undefined) continue;
    out.push({ nodeId: "sink" in s ? s.sink : (s as { table: string }).table, connection });
  }
  return out;
}

export const missingConnectionMessage = (name: string) =>
  `connection ${JSON.stringify(name)} does not exist: create it on the Connections page or with \`npx streamcanvas connections add ${name} …\``;

/** Resolves every connection `program` names; throws GraphCompileError with one error per node that cannot run. */
export function resolveConnections(program: TableProgram, connections: ConnectionsService): RunnerConnections {
  const out: RunnerConnections = {};
  const errors: GraphError[] = [];
  for (const { nodeId, connection } of namedConnections(program)) {
    if (!connections.exists(connection)) {
      errors.push({ nodeId, field: "connection", message: missingConnectionMessage(connection) });
      continue;
    }
    try {
      const r = out[connection] ?? connections.resolve(connection);
      out[connection] = { kind: r.kind, properties: r.properties };
    } catch (e) {
      errors.push({ nodeId, field: "connection", message: (e as Error).message });
    }
  }
  if (errors.length) throw new GraphCompileError(errors);
  return out;
}

/** For callers without a connection store: a program naming none needs none; one naming any gets per-node errors. */
export function noConnections(program: TableProgram): RunnerConnections {
  const errors = namedConnections(program).map(({ nodeId, connection }) => ({ nodeId, field: "connection", message: missingConnectionMessage(connection) }));
  if (errors.length) throw new GraphCompileError(errors);
  return {};
}
