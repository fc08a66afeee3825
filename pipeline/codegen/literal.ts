// Reads IR literals and types strictly, as jvm-runner's ExpressionBuilder does, so printers never splice unchecked text.
import type { Expr } from "../expr/ast";
import { type DataType, formatType, parseType } from "../types";

/** An IR program the printers cannot express faithfully (the runner would reject it too, or the target language cannot say it). */
export class CodegenError extends Error {
  override name = "CodegenError";
}

/** Parses an IR type string with pipeline/types.ts; anything else (e.g. ARRAY, or text that is not a type) is refused. */
export function readType(text: string): DataType {
  const r = parseType(text);
  if (!r.ok) throw new CodegenError(`type ${JSON.stringify(text)} cannot be printed: ${r.message}`);
  return r.type;
}

type Lit = Extract<Expr, { kind: "lit" }>;

/** A literal checked and normalized for printing; `text` never contains anything but digits, sign, dot, exponent, date punctuation. */
export type ReadLiteral =
  | { kind: "null"; type: DataType }
  | { kind: "boolean"; type: DataType; value: boolean }
  | { kind: "integer"; type: DataType; text: string }
  | { kind: "approx"; type: DataType; text: string }
  | { kind: "decimal"; type: DataType; text: string }
  | { kind: "string"; type: DataType; value: string }
  | { kind: "temporal"; type: DataType; text: string };

const INTEGER_BITS: Partial<Record<DataType["root"], bigint>> = { TINYINT: 8n, SMALLINT: 16n, INT: 32n, BIGINT: 64n };
const TEMPORAL: Partial<Record<DataType["root"], RegExp>> = {
  DATE: /^\d{4}-\d{2}-\d{2}$/,
  TIME: /^\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/,
  TIMESTAMP: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/,
  TIMESTAMP_LTZ: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z$/,
};

export function readLiteral(e: Lit): ReadLiteral {
  const type = readType(e.type);
  const bad = (why: string) => new CodegenError(`literal ${JSON.stringify(e.value)} is not a valid ${formatType(type)}: ${why}`);
  if (e.value === null) {
    if (!type.nullable) throw bad("NULL needs a nullable type");
    return { kind: "null", type };
  }
  if (typeof e.value === "boolean" || type.root === "BOOLEAN") {
    if (type.root !== "BOOLEAN") throw bad("a boolean literal needs type BOOLEAN");
    const v = typeof e.value === "boolean" ? e.value : e.value.toLowerCase();
    if (v !== true && v !== false && v !== "true" && v !== "false") throw bad("expected true or false");
    return { kind: "boolean", type, value: v === true || v === "true" };
  }
  const s = e.value;
  const bits = INTEGER_BITS[type.root];
  if (bits !== undefined) {
    if (!/^[+-]?\d+$/.test(s)) throw bad("expected a whole number");
    const v = BigInt(s);
    const max = 2n ** (bits - 1n);
    if (v < -max || v >= max) throw bad("out of range");
    return { kind: "integer", type, text: v.toString() };
  }
  if (type.root === "FLOAT" || type.root === "DOUBLE") return { kind: "approx", type, text: approx(s, type, bad) };
  if (type.root === "DECIMAL") return { kind: "decimal", type, text: decimal(s, type, bad) };
  if (type.root === "CHAR" || type.root === "VARCHAR" || type.root === "STRING") return { kind: "string", type, value: s };
  const re = TEMPORAL[type.root];
  if (re && re.test(s)) return { kind: "temporal", type, text: s };
  throw bad(re ? "expected ISO-8601 text such as 2024-01-31, 12:30:00 or 2024-01-31T12:30:00" : "unsupported literal type");
}

/** Normalizes a FLOAT/DOUBLE literal to `[-]d[.ddd][E[-]n]`; refuses values Java or SQL would read as infinite or zero by underflow. */
function approx(s: string, type: DataType, bad: (why: string) => Error): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw bad("expected a number such as 1.5 or 2e-3");
  const int = m[2]!.replace(/^0+(?=\d)/, "") || "0";
  const text = `${m[1] === "-" ? "-" : ""}${int}${m[3] ? "." + m[3] : ""}${m[4] !== undefined ? "E" + Number(m[4]) : ""}`;
  const n = type.root === "FLOAT" ? Math.fround(Number(text)) : Number(text);
  if (!Number.isFinite(n)) throw bad("out of range");
  if (n === 0 && /[1-9]/.test(int + (m[3] ?? ""))) throw bad("too small: it would round to zero");
  return text;
}

/** The decimal text at exactly the type's scale (BigDecimal#setScale(scale, UNNECESSARY) in the runner). */
function decimal(s: string, type: DataType, bad: (why: string) => Error): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw bad("expected a decimal number such as 12.50");
  const scale = type.scale ?? 0;
  let frac = m[3] ?? "";
  if (frac.length > scale) {
    if (/[^0]/.test(frac.slice(scale))) throw bad(`more than ${scale} decimal places`);
    frac = frac.slice(0, scale);
  }
  frac = frac.padEnd(scale, "0");
  const int = m[2]!.replace(/^0+/, "");
  const digits = (int + frac).replace(/^0+/, "");
  if (Math.max(digits.length, 1) > (type.precision ?? 10)) throw bad("too many digits");
  const sign = m[1] === "-" && digits !== "" ? "-" : "";
  return `${sign}${int || "0"}${scale > 0 ? "." + frac : ""}`;
}
