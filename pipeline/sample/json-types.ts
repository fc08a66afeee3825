// Proposes a Flink type for the JSON values seen at one place of many messages: BOOLEAN, BIGINT / DECIMAL / DOUBLE,
// DATE / TIMESTAMP(3) (in the text form Flink's json format reads by default) or STRING, and nested ROW / ARRAY / MAP.
// Every proposed type is nullable: a field missing from or null in the sample may be so later, and Flink's json format
// fails a row whose NOT NULL field is missing. Values that disagree (a number here, text there) give STRING, which
// Flink's json format fills with any value's JSON text.
import { type DataType } from "../data-type";
import { JsonNumber, type JsonValue } from "./json-text";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SQL_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,9})?$/;
const MAX_BIGINT = 2n ** 63n;

/** What one place of the messages held, merged over every message. */
export type Seen = {
  bool: number; int: number; bigInt: number; float: number; texts: string[]; text: number;
  array?: Seen; arrays: number;
  object?: Map<string, { present: number; seen: Seen }>; objects: number;
};

export const emptySeen = (): Seen => ({ bool: 0, int: 0, bigInt: 0, float: 0, texts: [], text: 0, arrays: 0, objects: 0 });

export function see(s: Seen, v: JsonValue): void {
  if (v === null) return;
  if (typeof v === "boolean") s.bool++;
  else if (v instanceof JsonNumber) {
    if (!v.integral) s.float++;
    else if (BigInt(v.text) >= MAX_BIGINT || BigInt(v.text) < -MAX_BIGINT) s.bigInt++;
    else s.int++;
  } else if (typeof v === "string") {
    s.text++;
    if (s.texts.length < 200) s.texts.push(v);
  } else if (Array.isArray(v)) {
    s.arrays++;
    s.array ??= emptySeen();
    for (const e of v) see(s.array, e);
  } else {
    s.objects++;
    s.object ??= new Map();
    for (const [k, x] of Object.entries(v)) {
      let f = s.object.get(k);
      if (!f) s.object.set(k, (f = { present: 0, seen: emptySeen() }));
      f.present++;
      see(f.seen, x);
    }
  }
}

const scalar = (root: DataType["root"], extra: Partial<DataType> = {}): DataType => ({ root, nullable: true, ...extra });

export function typeOf(s: Seen): DataType {
  const numbers = s.int + s.bigInt + s.float;
  const kinds = [s.bool, numbers, s.text, s.arrays, s.objects].filter((n) => n > 0).length;
  if (kinds !== 1) return scalar("STRING"); // nothing seen (only nulls), or values that disagree
  if (s.bool) return scalar("BOOLEAN");
  if (numbers) return s.float ? scalar("DOUBLE") : s.bigInt ? scalar("DECIMAL", { precision: 38, scale: 0 }) : scalar("BIGINT");
  if (s.text) {
    if (s.texts.every((t) => DATE.test(t))) return scalar("DATE");
    if (s.texts.every((t) => SQL_TIMESTAMP.test(t))) return scalar("TIMESTAMP", { precision: 3 });
    return scalar("STRING");
  }
  if (s.arrays) return scalar("ARRAY", { element: typeOf(s.array ?? emptySeen()) });
  return objectType(s);
}

/**
 * ROW of the keys in first-seen order, or MAP<STRING, V> when the keys look like data rather than field names: all
 * digits (ids, years), or many keys that each appear in at most half of the objects.
 */
function objectType(s: Seen): DataType {
  const keys = [...(s.object ?? new Map()).entries()];
  const sparse = s.objects >= 4 && keys.length >= 4 && keys.every(([, f]) => f.present * 2 <= s.objects);
  const numeric = keys.length > 0 && keys.every(([k]) => /^\d+$/.test(k));
  if (sparse || numeric) {
    const all = emptySeen();
    for (const [, f] of keys) merge(all, f.seen);
    return scalar("MAP", { key: scalar("STRING"), value: typeOf(all) });
  }
  return scalar("ROW", { fields: keys.map(([name, f]) => ({ name, type: typeOf(f.seen) })) });
}

function merge(into: Seen, s: Seen): void {
  into.bool += s.bool; into.int += s.int; into.bigInt += s.bigInt; into.float += s.float; into.text += s.text;
  into.texts.push(...s.texts.slice(0, Math.max(0, 200 - into.texts.length)));
  if (s.array) merge((into.array ??= emptySeen()), s.array);
  into.arrays += s.arrays;
  if (s.object) {
    into.object ??= new Map();
    for (const [k, f] of s.object) {
      const g = into.object.get(k) ?? { present: 0, seen: emptySeen() };
      g.present += f.present;
      merge(g.seen, f.seen);
      into.object.set(k, g);
    }
  }
  into.objects += s.objects;
}
