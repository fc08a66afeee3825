// Catalogue rows: time functions (CURRENT_TIMESTAMP, DATE_FORMAT, TO_TIMESTAMP(_LTZ), EXTRACT, TIMESTAMPDIFF, CONVERT_TZ)
// and interval literals (INTERVAL '5' MINUTE: the Table API's lit(5).minutes(), one row per unit).
import { type DataType, type } from "../../types";
import { INTERVAL_UNITS, type IntervalUnit, MAX_MILLIS, MAX_MONTHS } from "../interval-text";
import type { Arg, FunctionDef, RuleResult } from "./define";
import { TIME_UNITS } from "./math";
import { anyNullable, error, fixed, p, typeName } from "./rules";

/** What Flink types every interval literal as, whatever its qualifier (FlinkTypeFactory folds them so). */
export const MONTHS_TYPE: DataType = type("INTERVAL MONTH NOT NULL");
export const MILLIS_TYPE: DataType = type("INTERVAL SECOND(3) NOT NULL");

/** lit(n).minutes(): n must be a whole-number literal (the Table API folds it into an interval literal) within Flink SQL's fields. */
const intervalOf = (u: IntervalUnit) => (args: Arg[]): RuleResult => {
  const v = args[0]!.value;
  if (typeof v !== "string" || !/^-?\d+$/.test(v)) return error(`an interval of ${u.word.toLowerCase()}s needs a whole-number literal, as in INTERVAL '5' ${u.word === "MILLISECOND" ? "SECOND" : u.word}`, 0);
  const n = BigInt(v) < 0n ? -BigInt(v) : BigInt(v);
  const [size, max, what] = u.months !== undefined ? [BigInt(u.months), MAX_MONTHS, "10000 years"] : [BigInt(u.millis!), MAX_MILLIS, "1000 days"];
  if (n * size > max) return error(`INTERVAL '${v}' ${u.word} is longer than Flink SQL's intervals go (less than ${what})`, 0);
  return u.months !== undefined ? MONTHS_TYPE : MILLIS_TYPE;
};

const INTERVALS: FunctionDef[] = INTERVAL_UNITS.map((u) => ({
  name: `INTERVAL ${u.word}`, ir: u.ir, builtin: null, category: "temporal", java: "method",
  params: [p("n", "integer")], returns: intervalOf(u), form: { kind: "interval" },
  signature: u.word === "MILLISECOND" ? "INTERVAL '1.5' SECOND → INTERVAL SECOND(3)" : `INTERVAL 'n' ${u.word} → ${u.months !== undefined ? "INTERVAL MONTH" : "INTERVAL SECOND(3)"}`,
  description: u.word === "MILLISECOND" ? "an interval of seconds with milliseconds, for adding to a timestamp" : `an interval of ${u.word.toLowerCase()}s, for adding to a DATE or TIMESTAMP`,
  examples: [["=5"], ["=-2"]],
}));

const S = "STRING NOT NULL";
const TS = "TIMESTAMP(3) NOT NULL";

const extract = (args: Arg[]): RuleResult => {
  const t = args[0]!.type;
  if (!["DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ"].includes(t.root)) return error(`EXTRACT needs a DATE, TIME or TIMESTAMP, got ${typeName(t)}`, 0);
  return { root: "BIGINT", nullable: anyNullable(args) };
};

const now = (name: string, ir: string, builtin: string, type: string, description: string): FunctionDef => ({
  name, ir, builtin, category: "temporal", java: "static", volatile: true, params: [], returns: fixed(type, "never"),
  form: { kind: "bare" }, signature: `${name} → ${type.replace(" NOT NULL", "")}`, description, examples: [[]],
});

export const TEMPORAL: FunctionDef[] = [
  ...INTERVALS,
  { ...now("CURRENT_TIMESTAMP", "currentTimestamp", "currentTimestamp", "TIMESTAMP_LTZ(3) NOT NULL", "the current time (per record in streaming, once per query in batch)"), aliases: ["NOW"] },
  now("CURRENT_DATE", "currentDate", "currentDate", "DATE NOT NULL", "today's date in the session time zone"),
  now("LOCALTIMESTAMP", "localTimestamp", "localTimestamp", "TIMESTAMP(3) NOT NULL", "the current wall-clock time in the session time zone"),
  {
    name: "DATE_FORMAT", ir: "dateFormat", builtin: "dateFormat", category: "temporal", java: "static",
    params: [p("time", "any"), p("format", "string")], returns: fixed("STRING"),
    signature: "DATE_FORMAT(time, format) → STRING", description: "a TIMESTAMP (or timestamp text) formatted with a Java DateTimeFormatter pattern such as 'yyyy-MM-dd HH:mm'",
    examples: [[TS, S], ["TIMESTAMP_LTZ(3) NOT NULL", S], [S, S]],
  },
  {
    name: "TO_TIMESTAMP", ir: "toTimestamp", builtin: "toTimestamp", category: "temporal", java: "static",
    params: [p("s", "string"), p("format", "string", { optional: true })], returns: fixed("TIMESTAMP(3)"),
    signature: "TO_TIMESTAMP(s[, format]) → TIMESTAMP(3)", description: "text read as a TIMESTAMP (default format 'yyyy-MM-dd HH:mm:ss'); NULL when it does not parse",
    examples: [[S], [S, S]],
  },
  {
    name: "TO_TIMESTAMP_LTZ", ir: "toTimestampLtz", builtin: "TO_TIMESTAMP_LTZ", category: "temporal", java: "static",
    params: [p("epoch", "numeric"), p("precision", "integer")], returns: fixed("TIMESTAMP_LTZ(3)", "always"),
    signature: "TO_TIMESTAMP_LTZ(epoch, precision) → TIMESTAMP_LTZ(3)", description: "epoch seconds (precision 0) or milliseconds (3) as an instant",
    examples: [["BIGINT NOT NULL", "=3"], ["INT NOT NULL", "=0"]],
  },
  {
    name: "EXTRACT", ir: "extract", builtin: "extract", category: "temporal", java: "method",
    params: [p("time", "any"), p("unit", "unit", { units: TIME_UNITS })], returns: extract, form: { kind: "extract" },
    signature: "EXTRACT(unit FROM time) → BIGINT", description: "one field (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND) of a DATE, TIME or TIMESTAMP",
    examples: [[TS, "DAY"], ["DATE NOT NULL", "YEAR"]],
  },
  {
    name: "TIMESTAMPDIFF", ir: "timestampDiff", builtin: "timestampDiff", category: "temporal", java: "static",
    params: [p("unit", "unit", { units: TIME_UNITS, javaEnum: "TimePointUnit" }), p("from", "temporal"), p("to", "temporal")], returns: fixed("INT"),
    signature: "TIMESTAMPDIFF(unit, from, to) → INT", description: "whole units from `from` to `to` (negative when to is earlier)",
    examples: [["DAY", TS, TS], ["HOUR", TS, "TIMESTAMP(3)"]],
  },
  {
    name: "CONVERT_TZ", ir: "convertTz", builtin: "convertTz", category: "temporal", java: "static",
    params: [p("s", "string"), p("from", "string"), p("to", "string")], returns: fixed("STRING", "always"),
    signature: "CONVERT_TZ(s, fromZone, toZone) → STRING", description: "timestamp text 'yyyy-MM-dd HH:mm:ss' moved from one time zone to another",
    examples: [[S, S, S]],
  },
];
