// `streamcanvas connections add|list|test|remove`: the server's named connections from the command line, in the same
// store and sealed with the same key. Secrets never come from argv (ps shows it): from STREAMCANVAS_CONNECTION_<FIELD>
// (e.g. STREAMCANVAS_CONNECTION_PASSWORD), from stdin with --password-stdin, or from a hidden prompt in a terminal.
import readline from "node:readline";
import { parseArgs } from "node:util";
import type { Env } from "@/env";
import { connectionKind, connectionKindIds } from "@/pipeline/connections";
import { serverKind } from "@/server/connections/kinds";
import { scrubSecrets } from "@/server/connections/scrub";
import { ConnectionInvalid, NotFoundError, RunnerRejection } from "@/server/errors";
import { cliDataDir, openConnections } from "./cli-connections";
import { connectRunner } from "./connect";
import { formFields } from "@/pipeline/connections/form-fields";

export const CONNECTIONS_USAGE = `  streamcanvas connections add NAME --kind kafka --bootstrap-servers HOST:PORT[,…] [--security-protocol P]
      [--sasl-mechanism M] [--username U] [--truststore-path FILE] [--connect-url URL] [--property KEY=VALUE …] [--password-stdin]
      secrets (password, truststore password) never on the command line: STREAMCANVAS_CONNECTION_PASSWORD /
      STREAMCANVAS_CONNECTION_TRUSTSTORE_PASSWORD, or --password-stdin (the password on stdin), or a hidden prompt
  streamcanvas connections list [--json]
  streamcanvas connections test NAME          connects for real: exit 0 with what it found, 2 with what failed
  streamcanvas connections remove NAME`;

export class CliExit extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const envName = (k: string) => `STREAMCANVAS_CONNECTION_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput(s: string): void };
    out._writeToOutput = (s: string) => void (s.startsWith(question) && process.stderr.write(question));
    rl.question(question, (answer) => (rl.close(), process.stderr.write("\n"), resolve(answer)));
  });
}

async function readStdinLine(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? "";
}

async function add(env: Env, name: string | undefined, argv: string[]): Promise<number> {
  const kindId = argv[argv.indexOf("--kind") + 1] ?? "";
  const kind = argv.includes("--kind") ? connectionKind(kindId) : undefined;
  if (!name || !kind) throw new CliExit(1, `connections add needs NAME and --kind (${connectionKindIds().join(", ")})\n${CONNECTIONS_USAGE}`);
  const fields = formFields(kind).filter((f) => f.widget.type !== "secret");
  const options = Object.fromEntries([
    ["kind", { type: "string" as const }], ["password-stdin", { type: "boolean" as const }],
    ...fields.map((f) => [f.widget.type === "properties" ? "property" : kebab(f.key), { type: "string" as const, multiple: f.widget.type === "properties" }]),
  ]);
  const values = parseArgs({ args: argv, options, allowPositionals: false }).values as Record<string, string | boolean | string[] | undefined>;
  const input: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.widget.type === "properties" ? "property" : kebab(f.key)];
    if (v === undefined) continue;
    if (f.widget.type !== "properties") input[f.key] = v;
    else input[f.key] = Object.fromEntries((v as string[]).map((kv) => {
      const eq = kv.indexOf("=");
      if (eq <= 0) throw new CliExit(1, `--property takes KEY=VALUE, not "${kv}"`);
      return [kv.slice(0, eq), kv.slice(eq + 1)];
    }));
  }
  Object.assign(input, await secrets(kind.secrets, input, !!values["password-stdin"], kind.kind));
  const { connections, close } = openConnections(env);
  try {
    const c = connections.create(name, kind.kind, input);
    process.stdout.write(`connection ${c.name} added: ${c.summary} (secrets sealed in ${cliDataDir(env)})\n`);
    return 0;
  } finally {
    close();
  }
}

/** The secret fields this connection needs, each from its env var, stdin (the password) or a hidden prompt. */
async function secrets(keys: readonly string[], input: Record<string, unknown>, fromStdin: boolean, kind: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const server = serverKind(kind)!;
  for (const key of keys) {
    if (process.env[envName(key)]) out[key] = process.env[envName(key)]!;
    else if (key === "password" && fromStdin) out[key] = await readStdinLine();
  }
  // ask only for the secrets the other fields need (the kind's check names them)
  const needed = server.check({ ...connectionKind(kind)!.defaults, ...input, ...out } as never).map((p) => p.field).filter((f) => keys.includes(f) && !out[f]);
  for (const key of needed) {
    if (!process.stdin.isTTY) throw new CliExit(1, `${key} needed: set ${envName(key)}${key === "password" ? ", or pass --password-stdin" : ""} (never as an argument)`);
    out[key] = await promptHidden(`${key}: `);
  }
  return out;
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
