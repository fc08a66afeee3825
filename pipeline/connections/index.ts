// The registry of connection kinds: adding one is its file plus one line here.
import type { ConnectionKind } from "./define";
import { kafkaConnection } from "./kafka.connection";
import { postgresConnection } from "./postgres.connection";

export * from "./define";

export const CONNECTION_KINDS: Record<string, ConnectionKind> = {
  [kafkaConnection.kind]: kafkaConnection as unknown as ConnectionKind,
  [postgresConnection.kind]: postgresConnection as unknown as ConnectionKind,
};

export const connectionKindIds = () => Object.keys(CONNECTION_KINDS);

export function connectionKind(kind: string): ConnectionKind | undefined {
  return Object.hasOwn(CONNECTION_KINDS, kind) ? CONNECTION_KINDS[kind] : undefined;
}

/** The fields without the secret ones: what may leave the server. */
export function publicFields(kind: ConnectionKind, fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !kind.secrets.includes(k)));
}
