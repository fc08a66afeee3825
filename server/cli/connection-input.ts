// A connection's fields from the command line, shared by `connections add` and `update`: one flag per non-secret field
// of the kind (schema-driven), `--property KEY=VALUE` for extra client properties, and the secrets never from argv
// (ps shows it): from STREAMCANVAS_CONNECTION_<FIELD>, the password from stdin (--password-stdin), or a hidden prompt.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { connectionKind, type ConnectionKind } from "@/pipeline/connections";
import { formFields } from "@/pipeline/connections/form-fields";
import { serverKind } from "@/server/connections/kinds";

export class CliExit extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const envName = (k: string) => `STREAMCANVAS_CONNECTION_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

type Flag = { type: "string" | "boolean"; multiple?: boolean };

/**
 * The kind's fields given in `argv` (only those given), the extra client properties given as `--property`, and the
 * values of `extra` flags (the verb's own: --password-stdin, --remove-property …).
 */
export function fieldFlags(kind: ConnectionKind, argv: string[], extra: Record<string, Flag>) {
  const fields = formFields(kind).filter((f) => f.widget.type !== "secret");
  const options = Object.fromEntries([
    ...Object.entries(extra),
    ...fields.map((f) => [f.widget.type === "properties" ? "property" : kebab(f.key), { type: "string" as const, multiple: f.widget.type === "properties" }]),
  ]);
  const values = parseArgs({ args: argv, options, allowPositionals: false }).values as Record<string, string | boolean | string[] | undefined>;
  const input: Record<string, unknown> = {};
  let propertiesKey: string | undefined;
  for (const f of fields) {
    if (f.widget.type === "properties") propertiesKey = f.key;
    const v = values[f.widget.type === "properties" ? "property" : kebab(f.key)];
    if (v === undefined) continue;
    if (f.widget.type !== "properties") input[f.key] = v;
    else input[f.key] = Object.fromEntries((v as string[]).map((kv) => {
      const eq = kv.indexOf("=");
      if (eq <= 0) throw new CliExit(1, `--property takes KEY=VALUE, not "${kv}"`);
      return [kv.slice(0, eq), kv.slice(eq + 1)];
    }));
  }
  return { input, values, propertiesKey };
}

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

/**
 * The secret fields given: each from its env var or (the password) stdin, `prompt`ed ones from a hidden prompt; then a
 * hidden prompt for those the other fields need that are neither given nor `saved` (the kind's check names them).
 */
export async function secrets(kind: string, input: Record<string, unknown>, o: { fromStdin: boolean; prompt?: string[]; saved?: string[] }): Promise<Record<string, string>> {
  const keys = connectionKind(kind)!.secrets;
  const out: Record<string, string> = {};
  for (const key of keys) {
    if (process.env[envName(key)]) out[key] = process.env[envName(key)]!;
    else if (key === "password" && o.fromStdin) out[key] = await readStdinLine();
  }
  const saved = Object.fromEntries((o.saved ?? []).map((k) => [k, "(saved)"]));
  const needed = serverKind(kind)!.check({ ...connectionKind(kind)!.defaults, ...input, ...saved, ...out } as never).map((p) => p.field);
  for (const key of keys.filter((k) => !out[k] && (o.prompt?.includes(k) || (needed.includes(k) && !saved[k])))) {
    if (!process.stdin.isTTY) throw new CliExit(1, `${key} needed: set ${envName(key)}${key === "password" ? ", or pass --password-stdin" : ""} (never as an argument)`);
    out[key] = await promptHidden(`${key}: `);
  }
  return out;
}
