// Which types Flink lets you compare and CAST between, and how types are named in error messages.
import { type DataType, formatType, isNested, isNumeric, isString, sameType } from "../types";

type Family = "num" | "str" | "bool" | "date" | "time" | "ts" | "nested" | "ym" | "dt";

function family(t: DataType): Family {
  if (isNumeric(t)) return "num";
  if (isString(t)) return "str";
  if (isNested(t)) return "nested";
  switch (t.root) {
    case "BOOLEAN": return "bool";
    case "DATE": return "date";
    case "TIME": return "time";
    case "INTERVAL_YEAR_MONTH": return "ym";
    case "INTERVAL_DAY_TIME": return "dt";
    default: return "ts";
  }
}

/** A type as users read it in messages: without the NOT NULL suffix, which rarely matters there. */
export const typeName = (t: DataType) => formatType({ ...t, nullable: true });

export function comparable(a: DataType, b: DataType): boolean {
  const fa = family(a);
  const fb = family(b);
  if (fa === "nested" || fb === "nested") return sameType(a, b, true); // ROW / ARRAY / MAP: only equal structures
  if (fa === fb) return true;
  return (fa === "date" && fb === "ts") || (fa === "ts" && fb === "date");
}

/** A subset of Flink's LogicalTypeCasts that never fails at planning time. */
export function castable(from: DataType, to: DataType): boolean {
  const f = family(from);
  const t = family(to);
  if (f === "nested" || t === "nested") return sameType(from, to, true) || t === "str"; // Flink casts them to STRING
  // intervals become text (CAST(INTERVAL '14' MONTH AS STRING) is +1-02) but Flink reads no interval from text
  if (f === "ym" || f === "dt" || t === "ym" || t === "dt") return f === t || t === "str";
  if (f === t || f === "str" || t === "str") return true;
  if ((f === "num" && t === "bool") || (f === "bool" && t === "num")) return true;
  if ((f === "date" && t === "ts") || (f === "ts" && (t === "date" || t === "time"))) return true;
  return false;
}

/** Edit distance, for "did you mean" suggestions on unknown columns. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest column name, if it is close enough to be a likely typo. */
export function closest(name: string, names: string[]): string | undefined {
  const ci = names.find((n) => n.toLowerCase() === name.toLowerCase());
  if (ci) return ci;
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(name.toLowerCase(), n.toLowerCase());
    if (d < bestD) { best = n; bestD = d; }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
