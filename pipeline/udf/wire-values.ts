// Values of UDF try-it and pinned tests: the runner's JSON encoding (jvm-runner/API.md) ⇄ the UDF worker's wire
// encoding (udf-worker/README.md), text typed by hand, and comparison of an expected value with an actual one.
import { type DataType, parseType } from "../types";

const rootOf = (type: string): DataType["root"] | undefined => {
  const r = parseType(type.replace(/\s*\*ROWTIME\*/, ""));
  return r.ok ? r.type.root : undefined;
};

/** Runner JSON → worker wire: timestamps become epoch milliseconds (TIMESTAMP read as UTC), the rest is the same. */
export function toWire(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  const root = rootOf(type);
  if ((root === "TIMESTAMP" || root === "TIMESTAMP_LTZ") && typeof v === "string") {
    return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
  }
  return v;
}

/** Worker wire → runner JSON, so outputs print like preview rows. */
export function fromWire(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  const root = rootOf(type);
  if ((root === "TIMESTAMP" || root === "TIMESTAMP_LTZ") && typeof v === "number") {
    const iso = new Date(v).toISOString();
    return root === "TIMESTAMP" ? iso.slice(0, -1) : iso;
  }
  return v;
}

/** A value typed into a cell → runner JSON for the column's type; `NULL` (or nothing) is null. */
export function parseCell(type: string, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "" || t.toUpperCase() === "NULL") return { ok: true, value: null };
  switch (rootOf(type)) {
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
  return JSON.stringify(expected) === JSON.stringify(actual);
}
