// Values of UDF try-it and pinned tests: the runner's JSON encoding (jvm-runner/API.md) ⇄ the UDF worker's wire
// encoding (udf-worker/README.md), text typed by hand, and comparison of an expected value with an actual one.
import { type DataType, parseType } from "../types";

const typeOf = (type: string): DataType | undefined => {
  const r = parseType(type.replace(/\s*\*(ROWTIME|PROCTIME)\*/, ""));
  return r.ok ? asMap(r.type) : undefined;
};

/** A MULTISET travels as a MAP of element → count (runner JSON and worker wire alike), nested ones too. */
function asMap(t: DataType): DataType {
  if (t.root === "MULTISET") return { root: "MAP", nullable: t.nullable, key: asMap(t.element!), value: { root: "INT", nullable: false } };
  if (t.root === "ROW") return { ...t, fields: t.fields!.map((f) => ({ ...f, type: asMap(f.type) })) };
  if (t.root === "ARRAY") return { ...t, element: asMap(t.element!) };
  if (t.root === "MAP") return { ...t, key: asMap(t.key!), value: asMap(t.value!) };
  return t;
}
const rootOf = (type: string): DataType["root"] | undefined => typeOf(type)?.root;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Runner JSON → worker wire: timestamps become epoch milliseconds (TIMESTAMP read as UTC); nested, a ROW's object
 * becomes the array of its fields and a MAP given as an object its [key, value] pairs; the rest is the same.
 */
export function toWire(type: string, v: unknown): unknown {
  const t = typeOf(type);
  return t ? wireOf(t, v) : v ?? null;
}

function wireOf(t: DataType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if ((t.root === "TIMESTAMP" || t.root === "TIMESTAMP_LTZ") && typeof v === "string") {
    return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
  }
  if (t.root === "ROW" && isObject(v)) return t.fields!.map((f) => wireOf(f.type, v[f.name]));
  if (t.root === "ARRAY" && Array.isArray(v)) return v.map((e) => wireOf(t.element!, e));
  if (t.root === "MAP") {
    const pairs = isObject(v) ? Object.entries(v) : Array.isArray(v) ? (v as [unknown, unknown][]) : [];
    return pairs.map(([k, x]) => [wireOf(t.key!, k), wireOf(t.value!, x)]);
  }
  return v;
}

/** Worker wire → runner JSON, so outputs print like preview rows (a ROW as an object, a MAP as pairs). */
export function fromWire(type: string, v: unknown): unknown {
  const t = typeOf(type);
  return t ? jsonOf(t, v) : v ?? null;
}

function jsonOf(t: DataType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if ((t.root === "TIMESTAMP" || t.root === "TIMESTAMP_LTZ") && typeof v === "number") {
    const iso = new Date(v).toISOString();
    return t.root === "TIMESTAMP" ? iso.slice(0, -1) : iso;
  }
  if (t.root === "ROW" && Array.isArray(v)) return Object.fromEntries(t.fields!.map((f, i) => [f.name, jsonOf(f.type, v[i])]));
  if (t.root === "ARRAY" && Array.isArray(v)) return v.map((e) => jsonOf(t.element!, e));
  if (t.root === "MAP" && Array.isArray(v)) return (v as [unknown, unknown][]).map(([k, x]) => [jsonOf(t.key!, k), jsonOf(t.value!, x)]);
  return v;
}

/** A value typed into a cell → runner JSON for the column's type; `NULL` (or nothing) is null. */
export function parseCell(type: string, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "" || t.toUpperCase() === "NULL") return { ok: true, value: null };
  switch (rootOf(type)) {
    case "ROW": case "ARRAY": case "MAP": {
      // typed as JSON: a ROW as an object, an ARRAY as an array, a MAP as an object or [key, value] pairs
      try {
        return { ok: true, value: JSON.parse(t) as unknown };
      } catch {
        return { ok: false, message: `write ${rootOf(type)} values as JSON, e.g. ${rootOf(type) === "ROW" ? '{"a": 1}' : rootOf(type) === "ARRAY" ? "[1, 2]" : '{"k": 1}'}` };
      }
    }
    case "BOOLEAN":
      if (/^(true|false)$/i.test(t)) return { ok: true, value: t.toLowerCase() === "true" };
      return { ok: false, message: `"${t}" is not TRUE or FALSE` };
    case "TINYINT": case "SMALLINT": case "INT": case "FLOAT": case "DOUBLE":
      return Number.isFinite(Number(t)) ? { ok: true, value: Number(t) } : { ok: false, message: `"${t}" is not a number` };
    case "BIGINT":
      return /^-?\d+$/.test(t) ? { ok: true, value: t } : { ok: false, message: `"${t}" is not a whole number` };
    case "DECIMAL":
      return /^-?\d+(\.\d+)?$/.test(t) ? { ok: true, value: t } : { ok: false, message: `"${t}" is not a decimal number` };
    case "TIMESTAMP": case "TIMESTAMP_LTZ":
      return Number.isNaN(Date.parse(t)) ? { ok: false, message: `"${t}" is not a timestamp like 2024-01-31T12:00:00` } : { ok: true, value: t };
    default:
      return { ok: true, value: t };
  }
}

/** Equality for pinned outputs: numbers by value (DECIMAL "1.50" = 1.5), timestamps by instant, the rest exactly. */
export function sameValue(type: string, expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null || expected === undefined || actual === undefined) return (expected ?? null) === (actual ?? null);
  const root = rootOf(type);
  if (root === "TIMESTAMP" || root === "TIMESTAMP_LTZ") return toWire(type, expected) === toWire(type, actual);
  if (root && ["TINYINT", "SMALLINT", "INT", "FLOAT", "DOUBLE", "DECIMAL"].includes(root)) return Number(expected) === Number(actual);
  if (root === "BIGINT") return String(expected) === String(actual);
  if (root === "ROW" || root === "ARRAY" || root === "MAP") return JSON.stringify(toWire(type, expected)) === JSON.stringify(toWire(type, actual));
  return JSON.stringify(expected) === JSON.stringify(actual);
}
