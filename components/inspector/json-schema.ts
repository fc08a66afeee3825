// The small subset of JSON Schema that z.toJSONSchema emits for node configs, and helpers to read it.
import { z } from "zod";
import type { NodeKind } from "@/pipeline/kinds/define";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  widget?: string;
  [k: string]: unknown;
};

/** Strips `anyOf: [T, null]` (zod's nullable) down to T, remembering that null is allowed. */
export function unwrapNullable(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const nonNull = alts.filter((a) => a.type !== "null");
    if (nonNull.length === 1 && nonNull.length < alts.length) {
      return { schema: { ...nonNull[0], title: s.title ?? nonNull[0]!.title, description: s.description ?? nonNull[0]!.description }, nullable: true };
    }
  }
  return { schema: s, nullable: false };
}

export function typeOf(s: JsonSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== "null");
  if (s.type) return s.type;
  if (s.enum) return "enum";
  return undefined;
}

const EXPR_KEYS = new Set(["predicate", "expr", "expression"]);

/** Expression fields are marked by the kind's schema metadata; a few conventional key names are recognised too. */
export function isExpression(s: JsonSchema, key: string): boolean {
  return s.widget === "expression" || s.format === "expression" || s["x-expression"] === true || EXPR_KEYS.has(key);
}

export function isFlinkType(s: JsonSchema, key: string): boolean {
  return s.widget === "flink-type" || s.format === "flink-type" || key === "type";
}

export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** A fresh value for a schema, used when adding an array item: its default, else an empty value of its type. */
export function emptyValue(s: JsonSchema): unknown {
  const { schema } = unwrapNullable(s);
  if (schema.default !== undefined) return structuredClone(schema.default);
  switch (typeOf(schema)) {
    case "string": return "";
    case "boolean": return false;
    case "array": return [];
    case "enum": return schema.enum?.[0];
    case "object": {
      const o: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(schema.properties ?? {})) {
        // Show defaults in the new item's fields rather than leaving them blank and applied unseen.
        if (unwrapNullable(p).schema.default !== undefined || schema.required?.includes(k)) o[k] = emptyValue(p);
      }
      return o;
    }
    default: return undefined;
  }
}

const schemaCache = new Map<string, JsonSchema>();

/** A kind's config as JSON Schema, computed once per kind version. */
export function configSchema(kind: NodeKind<unknown>): JsonSchema {
  const key = `${kind.kind}@${kind.version}`;
  let s = schemaCache.get(key);
  if (!s) {
    // io "input": fields with defaults are optional, as they are for the user.
    s = z.toJSONSchema(kind.config as z.ZodType, { io: "input", unrepresentable: "any" }) as JsonSchema;
    schemaCache.set(key, s);
  }
  return s;
}

/** The kind's top-level config fields that hold TypeScript UDF code (format "typescript"). */
export function typescriptFields(kind: NodeKind<unknown>): string[] {
  return Object.entries(configSchema(kind).properties ?? {}).filter(([, s]) => s.format === "typescript").map(([k]) => k);
}
