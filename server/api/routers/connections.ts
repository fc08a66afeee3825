// connections.*: named connections (list, get, create, update, remove) and, through the runner, Test and what a connection
// lists (a Kafka cluster's topics, a database's tables). Secrets go in (create/update/test drafts) and never come out: every answer is a ConnectionView.
import { z } from "zod";
import { ConnectionNameSchema } from "@/pipeline/connections";
import { serverKind, type ServerConnectionKind } from "@/server/connections/kinds";
import type { RunnerClient } from "@/server/runner/client";
import { scrubSecrets } from "@/server/connections/scrub";
import { ConnectionInvalid, NotFoundError, RunnerRejection } from "@/server/errors";
import type { Services } from "@/server/services";
import { procedure, router } from "../trpc";

const Name = z.object({ name: z.string().min(1).max(63) });
const Fields = z.record(z.string(), z.unknown());
const Draft = z.object({ kind: z.string().min(1), fields: Fields });

export type ConnectionTest = { ok: true; message: string; brokers?: number; topics?: number } | { ok: false; message: string; field?: string };

/** Resolves (the saved connection, or the form's draft over it) and asks the runner; what failed comes back as data. */
async function testConnection(services: Services, name: string, draft?: z.infer<typeof Draft>): Promise<ConnectionTest> {
  let resolved;
  try {
    resolved = services.connections.resolve(name, draft);
  } catch (e) {
    if (e instanceof ConnectionInvalid) return { ok: false, message: e.message, field: e.issues[0]?.field };
    throw e;
  }
  const client = await services.supervisor.whenReady(60_000);
  try {
    return await serverKind(resolved.kind)!.test(client, resolved.properties);
  } catch (e) {
    if (e instanceof RunnerRejection) return { ok: false, message: scrubSecrets(e.message, resolved.secretValues) };
    throw e;
  }
}

export const connectionsRouter = router({
  list: procedure.query(({ ctx }) => ctx.services.connections.list()),
  /** which of these names no connection has (an imported pipeline's) */
  missing: procedure.input(z.object({ names: z.array(z.string()).max(1000) }))
    .query(({ ctx, input }) => input.names.filter((n) => !ctx.services.connections.exists(n))),
  get: procedure.input(Name).query(({ ctx, input }) => ctx.services.connections.get(input.name)),
  create: procedure
    .input(z.object({ name: ConnectionNameSchema, kind: z.string().min(1), fields: Fields }))
    .mutation(({ ctx, input }) => ctx.services.connections.create(input.name, input.kind, input.fields)),
  /** a secret field left empty keeps its saved value; `clear` empties secret fields on purpose */
  update: procedure
    .input(z.object({ name: z.string().min(1), fields: Fields, clear: z.array(z.string()).optional() }))
    .mutation(({ ctx, input }) => ctx.services.connections.update(input.name, input.fields, input.clear)),
  remove: procedure.input(Name).mutation(({ ctx, input }) => {
    ctx.services.connections.remove(input.name);
    return { ok: true as const };
  }),
  /** connects for real: the saved connection, or the form's unsaved fields (empty secrets: the saved ones) */
  test: procedure
    .input(z.object({ name: z.string().min(1), draft: Draft.optional() }))
    .mutation(({ ctx, input }) => testConnection(ctx.services, input.name, input.draft)),
  topics: procedure.input(Name).query(async ({ ctx, input }) => ({ topics: await listed(ctx.services, input.name, "topics", (k) => k.topics) })),
  /** a database connection's schemas, tables and columns (Flink types) with primary keys */
  tables: procedure.input(Name).query(async ({ ctx, input }) => ({ tables: await listed(ctx.services, input.name, "tables", (k) => k.tables) })),
});

type Lister<T> = ((client: RunnerClient, properties: Record<string, string>) => Promise<T>) | undefined;

/** What a connection lists through the runner (a Kafka cluster's topics, a database's tables), secrets scrubbed from errors. */
async function listed<T>(services: Services, name: string, what: string, pick: (k: ServerConnectionKind<Record<string, unknown>>) => Lister<T>): Promise<T> {
  const resolved = services.connections.resolve(name);
  const list = pick(serverKind(resolved.kind)!);
  if (!list) throw new NotFoundError(`a ${resolved.kind} connection has no ${what}`);
  const client = await services.supervisor.whenReady(60_000);
  try {
    return await list(client, resolved.properties);
  } catch (e) {
    if (e instanceof RunnerRejection) throw new RunnerRejection(e.status, scrubSecrets(e.message, resolved.secretValues));
    throw e;
  }
}
