// The server parts of connection kinds (pipeline/connections holds the pure parts): extra checks, how a connection
// becomes client properties for the runner, and how Test and topic listing reach the system.
import type { PostgresTable, RunnerClient } from "@/server/runner/client";
import { kafkaServer } from "./kafka";
import { postgresServer } from "./postgres";

export type TestResult = { ok: true; message: string; brokers?: number; topics?: number; tables?: number };
export type Topic = { name: string; partitions: number };

export type ServerConnectionKind<F> = {
  /** problems the zod fields cannot see alone (a field required by another's value), pinned to a field */
  check(fields: F): { field: string; message: string }[];
  properties(fields: F): Record<string, string>;
  /** the property keys whose values are secret (scrubbed from every message) */
  secretProperties: string[];
  /** connects for real; throws RunnerRejection with what failed */
  test(client: RunnerClient, properties: Record<string, string>): Promise<TestResult>;
  topics?(client: RunnerClient, properties: Record<string, string>): Promise<Topic[]>;
  tables?(client: RunnerClient, properties: Record<string, string>): Promise<PostgresTable[]>;
};

const SERVER_KINDS: Record<string, ServerConnectionKind<never>> = {
  kafka: kafkaServer as ServerConnectionKind<never>,
  postgres: postgresServer as ServerConnectionKind<never>,
};

export function serverKind(kind: string): ServerConnectionKind<Record<string, unknown>> | undefined {
  return Object.hasOwn(SERVER_KINDS, kind) ? (SERVER_KINDS[kind] as unknown as ServerConnectionKind<Record<string, unknown>>) : undefined;
}
