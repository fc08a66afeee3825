// A connection kind's fields as the form renders them, read from its zod schema (JSON Schema, io "input"): title,
// hint, widget (select / text / secret / key=value lines) and default. Pure.
import { z } from "zod";
import type { ConnectionKind } from "./define";

export type FormField = {
  key: string; title: string; hint?: string; default: unknown;
  widget: { type: "select"; options: string[] } | { type: "text" } | { type: "secret" } | { type: "properties" };
};

type Js = { type?: string; enum?: string[]; title?: string; description?: string; default?: unknown; properties?: Record<string, Js> };

const cache = new Map<string, FormField[]>();

export function formFields(kind: ConnectionKind): FormField[] {
  const hit = cache.get(kind.kind);
  if (hit) return hit;
  const schema = z.toJSONSchema(kind.fields as z.ZodType, { io: "input", unrepresentable: "any" }) as Js;
  const fields = Object.entries(schema.properties ?? {}).map(([key, s]): FormField => ({
    key, title: s.title ?? key, hint: s.description, default: s.default ?? (kind.defaults as Record<string, unknown>)[key],
    widget: (kind.secrets as readonly string[]).includes(key) ? { type: "secret" }
      : s.enum ? { type: "select", options: s.enum }
      : s.type === "object" ? { type: "properties" }
      : { type: "text" },
  }));
  cache.set(kind.kind, fields);
  return fields;
}

/** key = value lines ⇄ a properties object (blank lines and # comments skipped; text after the first = is the value). */
export function parseProperties(text: string): { value: Record<string, string>; error?: string } {
  const value: Record<string, string> = {};
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) return { value, error: `line ${i + 1}: write key = value` };
    value[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { value };
}

export const printProperties = (p: unknown) =>
  Object.entries((p ?? {}) as Record<string, string>).map(([k, v]) => `${k} = ${v}`).join("\n");
