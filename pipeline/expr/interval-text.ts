// Interval literals as text: INTERVAL '1-2' YEAR TO MONTH read into one unit's count (the IR call lit(14).months()),
// and a count printed back, for the expression language and (within Flink SQL's field precisions) for Flink SQL.
import type { Expr } from "./ast";

/** An interval unit: its word in INTERVAL … / TIMESTAMPADD, the IR function (the ApiExpression method), its size. */
export type IntervalUnit = { word: string; ir: string; months?: number; millis?: number };

export const INTERVAL_UNITS: readonly IntervalUnit[] = [
  { word: "YEAR", ir: "years", months: 12 }, { word: "QUARTER", ir: "quarters", months: 3 }, { word: "MONTH", ir: "months", months: 1 },
  { word: "WEEK", ir: "weeks", millis: 604_800_000 }, { word: "DAY", ir: "days", millis: 86_400_000 },
  { word: "HOUR", ir: "hours", millis: 3_600_000 }, { word: "MINUTE", ir: "minutes", millis: 60_000 },
  { word: "SECOND", ir: "seconds", millis: 1000 }, { word: "MILLISECOND", ir: "millis", millis: 1 },
];
export const UNIT_BY_WORD: ReadonlyMap<string, IntervalUnit> = new Map(INTERVAL_UNITS.map((u) => [u.word, u]));
export const UNIT_BY_IR: ReadonlyMap<string, IntervalUnit> = new Map(INTERVAL_UNITS.map((u) => [u.ir, u]));

/** Flink SQL's widest leading fields: YEAR(4) and DAY(3) (Flink refuses DAY(4) and HOUR(4)); the checker keeps counts inside them. */
export const MAX_MONTHS = 10_000n * 12n - 1n;
export const MAX_MILLIS = 1000n * 86_400_000n - 1n;

/** The qualifiers a literal may have, each with its text's pattern and how the fields make a count of its last unit. */
const QUALIFIERS: Record<string, { re: RegExp; unit: string; fields: bigint[] }> = {
  "YEAR TO MONTH": { re: /^(\d+)-(\d+)$/, unit: "MONTH", fields: [12n, 1n] },
  "DAY TO HOUR": { re: /^(\d+) (\d+)$/, unit: "HOUR", fields: [24n, 1n] },
  "DAY TO MINUTE": { re: /^(\d+) (\d+):(\d+)$/, unit: "MINUTE", fields: [1440n, 60n, 1n] },
  "DAY TO SECOND": { re: /^(\d+) (\d+):(\d+):(\d+)(?:\.(\d{1,3}))?$/, unit: "SECOND", fields: [86400n, 3600n, 60n, 1n] },
  "HOUR TO MINUTE": { re: /^(\d+):(\d+)$/, unit: "MINUTE", fields: [60n, 1n] },
  "HOUR TO SECOND": { re: /^(\d+):(\d+):(\d+)(?:\.(\d{1,3}))?$/, unit: "SECOND", fields: [3600n, 60n, 1n] },
  "MINUTE TO SECOND": { re: /^(\d+):(\d+)(?:\.(\d{1,3}))?$/, unit: "SECOND", fields: [60n, 1n] },
};
/** The most a non-leading field may hold (HOUR 23, MINUTE and SECOND 59, MONTH 11). */
const FIELD_MAX: Record<string, bigint> = { "12": 11n, "24": 23n, "60": 59n };

export type IntervalValue = { ir: string; count: string };

/** The count of an interval call's argument: a whole-number literal's text, else undefined (printers and checker agree on it). */
export const countOf = (e: Expr | undefined): string | undefined =>
  e?.kind === "lit" && typeof e.value === "string" && /^-?\d+$/.test(e.value) ? e.value : undefined;

/**
 * The count and IR function of `INTERVAL '<text>' <from> [TO <to>]`: one unit keeps its unit (INTERVAL '5' MINUTE is
 * minutes(5)); a range counts its last unit (INTERVAL '10:30' HOUR TO MINUTE is minutes(630)); seconds with a fraction
 * count milliseconds. Returns a message when the text does not fit the qualifier.
 */
export function readInterval(text: string, from: string, to: string | undefined): IntervalValue | string {
  const sign = text.startsWith("-") ? -1n : 1n;
  const body = text.replace(/^[+-]/, "");
  if (to === undefined) {
    const unit = UNIT_BY_WORD.get(from);
    if (!unit || from === "MILLISECOND") return `unknown interval unit ${from}`;
    const m = (from === "SECOND" ? /^(\d+)(?:\.(\d{1,3}))?$/ : /^(\d+)$/).exec(body);
    if (!m) return `'${text}' is not a number of ${from.toLowerCase()}s${from === "SECOND" ? " (at most 3 decimals)" : ""}`;
    if (m[2] === undefined) return { ir: unit.ir, count: (sign * BigInt(m[1]!)).toString() };
    return { ir: "millis", count: (sign * (BigInt(m[1]!) * 1000n + BigInt(m[2].padEnd(3, "0")))).toString() };
  }
  const q = QUALIFIERS[`${from} TO ${to}`];
  if (!q) return `INTERVAL … ${from} TO ${to} is not an interval; use YEAR TO MONTH, DAY TO HOUR|MINUTE|SECOND, HOUR TO MINUTE|SECOND or MINUTE TO SECOND`;
  const m = q.re.exec(body);
  if (!m) return `'${text}' does not fit ${from} TO ${to}`;
  let count = 0n;
  for (const [i, size] of q.fields.entries()) {
    const v = BigInt(m[i + 1]!);
    const max = i === 0 ? undefined : FIELD_MAX[String(q.fields[i - 1]! / size)];
    if (max !== undefined && v > max) return `'${text}': field ${m[i + 1]} is out of range (at most ${max})`;
    count += v * size;
  }
  const fraction = q.unit === "SECOND" ? m[q.fields.length + 1] : undefined;
  if (fraction === undefined) return { ir: UNIT_BY_WORD.get(q.unit)!.ir, count: (sign * count).toString() };
  return { ir: "millis", count: (sign * (count * 1000n + BigInt(fraction.padEnd(3, "0")))).toString() };
}

const pad = (n: bigint) => n.toString().padStart(2, "0");

/** `s.fff` of a count of milliseconds. */
const seconds = (ms: bigint) => `${ms / 1000n}.${(ms % 1000n).toString().padStart(3, "0")}`;

/** The expression language's text for a count of a unit: INTERVAL '5' MINUTE, milliseconds as INTERVAL '1.500' SECOND. */
export function printInterval(ir: string, count: string): string {
  const unit = UNIT_BY_IR.get(ir);
  const n = BigInt(count);
  if (ir === "millis") return `INTERVAL '${n < 0n ? "-" : ""}${seconds(n < 0n ? -n : n)}' SECOND`;
  return `INTERVAL '${n}' ${unit?.word ?? "?"}`;
}

/**
 * Flink SQL's text for a count of a unit, typed as the Table API types it (INTERVAL MONTH / INTERVAL SECOND(3)):
 * the unit itself while the count fits its default two digits, else YEAR(p) TO MONTH or DAY(p) TO SECOND(3).
 * Undefined past Flink SQL's widest fields (the checker refuses those counts).
 */
export function sqlInterval(ir: string, count: string): string | undefined {
  const unit = UNIT_BY_IR.get(ir);
  if (!unit) return undefined;
  const n = BigInt(count);
  const abs = n < 0n ? -n : n;
  const sign = n < 0n ? "-" : "";
  if (abs <= 99n && ir !== "millis") return `INTERVAL '${n}' ${unit.word}`;
  if (unit.months !== undefined) {
    const months = abs * BigInt(unit.months);
    if (months > MAX_MONTHS) return undefined;
    const years = months / 12n;
    return `INTERVAL '${sign}${years}-${months % 12n}' YEAR(${Math.max(2, years.toString().length)}) TO MONTH`;
  }
  const ms = abs * BigInt(unit.millis!);
  if (ms > MAX_MILLIS) return undefined;
  const days = ms / 86_400_000n;
  const rest = ms % 86_400_000n;
  const time = `${pad(rest / 3_600_000n)}:${pad((rest / 60_000n) % 60n)}:${pad((rest / 1000n) % 60n)}.${(rest % 1000n).toString().padStart(3, "0")}`;
  return `INTERVAL '${sign}${days} ${time}' DAY(${Math.max(2, days.toString().length)}) TO SECOND(3)`;
}
