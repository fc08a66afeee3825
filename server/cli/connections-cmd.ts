// `streamcanvas connections add|update|list|test|remove`: the server's named connections from the command line, in the same
// store and sealed with the same key. Secrets never come from argv (ps shows it): from STREAMCANVAS_CONNECTION_<FIELD>
// (e.g. STREAMCANVAS_CONNECTION_PASSWORD), from stdin with --password-stdin, or from a hidden prompt in a terminal.
import type { Env } from "@/env";
import { connectionKind, connectionKindIds } from "@/pipeline/connections";
import { serverKind } from "@/server/connections/kinds";
import { scrubSecrets } from "@/server/connections/scrub";
import { ConnectionInvalid, NotFoundError, RunnerRejection } from "@/server/errors";
import { cliDataDir, openConnections } from "./cli-connections";
import { connectRunner } from "./connect";
import { CliExit, fieldFlags, secrets } from "./connection-input";

export { CliExit };

export const CONNECTIONS_USAGE = `  streamcanvas connections add NAME --kind kafka --bootstrap-servers HOST:PORT[,…] [--security-protocol P]
      [--sasl-mechanism M] [--username U] [--truststore-path FILE] [--connect-url URL] [--property KEY=VALUE …] [--password-stdin]
      secrets (password, truststore password) never on the command line: STREAMCANVAS_CONNECTION_PASSWORD /
      STREAMCANVAS_CONNECTION_TRUSTSTORE_PASSWORD, or --password-stdin (the password on stdin), or a hidden prompt
  streamcanvas connections update NAME [--bootstrap-servers …] [any field of add] [--property KEY=VALUE …]
      [--remove-property KEY …] [--password-stdin | --password-prompt] [--clear-secret FIELD …]
      changes only what it is given; a saved secret stays unless given again (as in add) or cleared
  streamcanvas connections list [--json]
  streamcanvas connections test NAME          connects for real: exit 0 with what it found, 2 with what failed
  streamcanvas connections remove NAME`;

async function add(env: Env, name: string | undefined, argv: string[]): Promise<number> {
  const kindId = argv[argv.indexOf("--kind") + 1] ?? "";
  const kind = argv.includes("--kind") ? connectionKind(kindId) : undefined;
  if (!name || !kind) throw new CliExit(1, `connections add needs NAME and --kind (${connectionKindIds().join(", ")})\n${CONNECTIONS_USAGE}`);
  const { input, values } = fieldFlags(kind, argv, { kind: { type: "string" }, "password-stdin": { type: "boolean" } });
  Object.assign(input, await secrets(kind.kind, input, { fromStdin: !!values["password-stdin"] }));
  const { connections, close } = openConnections(env);
  try {
    const c = connections.create(name, kind.kind, input);
    process.stdout.write(`connection ${c.name} added: ${c.summary} (secrets sealed in ${cliDataDir(env)})\n`);
    return 0;
  } finally {
    close();
  }
}

/** Changes the fields given (extra properties merged, --remove-property dropping some); saved secrets stay unless given. */
async function update(env: Env, name: string | undefined, argv: string[]): Promise<number> {
  if (!name) throw new CliExit(1, `connections update needs NAME\n${CONNECTIONS_USAGE}`);
  const { connections, close } = openConnections(env);
  try {
    const current = connections.get(name);
    const kind = connectionKind(current.kind)!;
    const { input, values, propertiesKey } = fieldFlags(kind, argv, {
      "password-stdin": { type: "boolean" }, "password-prompt": { type: "boolean" },
      "remove-property": { type: "string", multiple: true }, "clear-secret": { type: "string", multiple: true },
    });
    const clear = (values["clear-secret"] as string[] | undefined) ?? [];
    const unknown = clear.filter((c) => !kind.secrets.includes(c));
    if (unknown.length) throw new CliExit(1, `--clear-secret takes a secret field of a ${kind.kind} connection (${kind.secrets.join(", ")}), not "${unknown.join(", ")}"`);
    const merged: Record<string, unknown> = { ...current.fields, ...input };
    if (propertiesKey) {
      const props: Record<string, string> = { ...(current.fields[propertiesKey] as Record<string, string> | undefined), ...(input[propertiesKey] as Record<string, string> | undefined) };
      for (const k of (values["remove-property"] as string[] | undefined) ?? []) {
        if (!(k in props)) throw new CliExit(1, `connection ${name} has no property "${k}" to remove`);
        delete props[k];
      }
      merged[propertiesKey] = props;
    }
    const saved = kind.secrets.filter((k) => current.secretsSet[k] && !clear.includes(k));
    Object.assign(merged, await secrets(kind.kind, merged, { fromStdin: !!values["password-stdin"], prompt: values["password-prompt"] ? ["password"] : [], saved }));
    const c = connections.update(name, merged, clear);
    process.stdout.write(`connection ${c.name} updated: ${c.summary}\n`);
    return 0;
  } finally {
    close();
  }
}

async function test(env: Env, name: string): Promise<number> {
  const { connections, close } = openConnections(env);
  let resolved;
  try {
    resolved = connections.resolve(name);
  } finally {
    close();
  }
  const err = (l: string) => process.stderr.write(`${l}\n`);
  const conn = await connectRunner(env, cliDataDir(env), err);
  try {
    const r = await serverKind(resolved.kind)!.test(conn.client, resolved.properties);
    process.stdout.write(`${name}: ${r.message}\n`);
    return 0;
  } catch (e) {
    if (e instanceof RunnerRejection) throw new CliExit(2, `${name}: ${scrubSecrets(e.message, resolved.secretValues)}`);
    throw e;
  } finally {
    await conn.close();
  }
}

export async function connectionsCommand(env: Env, argv: string[]): Promise<number> {
  const [verb, name, ...rest] = argv;
  try {
    switch (verb) {
      case "add":
        return await add(env, name, rest);
      case "update":
        return await update(env, name, rest);
      case "list": {
        const { connections, close } = openConnections(env);
        try {
          const list = connections.list();
          if (argv.includes("--json")) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          else for (const c of list) process.stdout.write(`${c.name}\t${c.kind}\t${c.summary}\n`);
          return 0;
        } finally {
          close();
        }
      }
      case "test":
        if (!name) throw new CliExit(1, `connections test needs NAME\n${CONNECTIONS_USAGE}`);
        return await test(env, name);
      case "remove": {
        if (!name) throw new CliExit(1, `connections remove needs NAME\n${CONNECTIONS_USAGE}`);
        const { connections, close } = openConnections(env);
        try {
          connections.remove(name);
        } finally {
          close();
        }
        process.stdout.write(`connection ${name} removed\n`);
        return 0;
      }
      default:
        throw new CliExit(1, `unknown connections command "${verb ?? ""}"\n${CONNECTIONS_USAGE}`);
    }
  } catch (e) {
    if (e instanceof ConnectionInvalid || e instanceof NotFoundError) throw new CliExit(1, e.message);
    throw e;
  }
}
