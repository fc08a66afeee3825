// Cells of a values source: literal text read by the expression language's literal rules, then fitted to the column's type.
import { typeName } from "../expr/compat";
import { parseExpr } from "../expr/parse";
import { type DataType, isNested, isNumeric, isString } from "../types";

/** The IR encoding of a cell (pipeline/ir/ops/from-values.ts): exact decimal text, ISO-8601 text, a boolean or null. */
export type CellValue = string | boolean | null;
export type CellResult = { ok: true; value: CellValue } | { ok: false; message: string };

const INTEGER_RANGE: Partial<Record<DataType["root"], [bigint, bigint]>> = {
  TINYINT: [-128n, 127n], SMALLINT: [-32768n, 32767n], INT: [-(2n ** 31n), 2n ** 31n - 1n], BIGINT: [-(2n ** 63n), 2n ** 63n - 1n],
};
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const HINT = "write a number, 'text' in single quotes, TRUE, FALSE or NULL";

/** Reads one cell's text as a literal of column type `t`. */
export function readCell(text: string, t: DataType): CellResult {
  const p = parseExpr(text);
  if (!p.ok) return { ok: false, message: p.error.message };
  const e = p.expr;
  if (e.kind !== "lit") return { ok: false, message: `a cell holds a literal, not an expression: ${HINT}` };
  if (e.value === null) return t.nullable ? { ok: true, value: null } : { ok: false, message: `NULL in a column of type ${typeName(t)} NOT NULL` };
  const litRoot = e.type.split(/[ (]/)[0];
  const fail = (message: string): CellResult => ({ ok: false, message });
  if (isNested(t)) return fail(`a cell of type ${typeName(t)} can only be NULL here; read nested values from a JSON-lines Files source`);
  if (t.root === "BOOLEAN") return typeof e.value === "boolean" ? { ok: true, value: e.value } : fail("expected TRUE or FALSE");
  if (isNumeric(t)) {
    if (typeof e.value !== "string" || litRoot === "STRING") return fail(`expected a number for ${typeName(t)}`);
    return numberCell(e.value, litRoot === "DOUBLE", t);
  }
  if (typeof e.value !== "string" || litRoot !== "STRING") {
    return fail(`expected ${isString(t) ? "text" : "a date or time"} in single quotes for ${typeName(t)}, e.g. ${example(t)}`);
  }
  if (isString(t)) {
    const max = t.root === "STRING" ? Infinity : t.length ?? 1;
    return [...e.value].length > max ? fail(`text longer than ${typeName(t)} allows (${max})`) : { ok: true, value: e.value };
  }
  return timeCell(e.value, t);
}

function example(t: DataType): string {
  switch (t.root) {
    case "DATE": return "'2024-01-31'";
    case "TIME": return "'12:30:00'";
    case "TIMESTAMP": case "TIMESTAMP_LTZ": return "'2024-01-31 12:30:00.000'";
    default: return "'text'";
  }
}

function numberCell(value: string, scientific: boolean, t: DataType): CellResult {
  const range = INTEGER_RANGE[t.root];
  if (range) {
    if (scientific || value.includes(".")) return { ok: false, message: `${typeName(t)} takes a whole number, got ${value}` };
    const v = BigInt(value);
    if (v < range[0] || v > range[1]) return { ok: false, message: `${value} is out of range for ${typeName(t)} (${range[0]}..${range[1]})` };
    return { ok: true, value };
  }
  if (t.root === "DECIMAL") {
    if (scientific) return { ok: false, message: `write ${typeName(t)} values without an exponent, got ${value}` };
    const [int, frac = ""] = value.replace(/^-/, "").split(".") as [string, string?];
    const scale = t.scale ?? 0;
    const intDigits = int.replace(/^0+/, "").length;
    if (frac.replace(/0+$/, "").length > scale) return { ok: false, message: `${value} has more than ${scale} decimal places for ${typeName(t)}` };
    if (intDigits > (t.precision ?? 10) - scale) return { ok: false, message: `${value} does not fit ${typeName(t)}` };
    return { ok: true, value };
  }
  return { ok: true, value }; // FLOAT, DOUBLE: any number
}

/** DATE 'yyyy-mm-dd', TIME 'hh:mm:ss[.f]', TIMESTAMP 'yyyy-mm-dd hh:mm:ss[.f]' (or with T) → ISO text, as jvm-runner reads it. */
function timeCell(text: string, t: DataType): CellResult {
  const bad: CellResult = { ok: false, message: `cannot read '${text}' as ${typeName(t)}; e.g. ${example(t)}` };
  const precision = t.precision ?? 0;
  const time = (s: string): string | undefined => {
    const m = TIME_RE.exec(s);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) return undefined;
    if ((m[4] ?? "").replace(/0+$/, "").length > precision) return undefined;
    return s;
  };
  const date = (s: string): string | undefined => {
    const m = DATE_RE.exec(s);
    if (!m) return undefined;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? s : undefined;
  };
  if (t.root === "DATE") return date(text) ? { ok: true, value: text } : bad;
  if (t.root === "TIME") return time(text) ? { ok: true, value: text } : bad;
  const [d, tm, extra] = text.split(/[ T]/);
  if (extra !== undefined || !d || !tm || !date(d) || !time(tm)) return bad;
  return { ok: true, value: `${d}T${tm}${t.root === "TIMESTAMP_LTZ" ? "Z" : ""}` };
}
