// Proposes a Kafka source's value columns from sampled messages, per value format: json → a column per key (nested
// ROW / ARRAY / MAP), csv → a column per position, raw → one STRING or BYTES column, debezium-json / canal-json → the
// columns of the row image. Messages that do not fit the format are skipped and counted, naming the first one.
import { formatType } from "../data-type";
import { parseCsv } from "./csv-lines";
import { canalColumnType } from "./canal-types";
import { emptySeen, see, typeOf, type Seen } from "./json-types";
import { JsonNumber, jsonText, parseJson, type JsonValue } from "./json-text";
import { proposeColumns } from "./propose";
import type { ProposedColumn } from "./request";

/** A key, value or header value as the runner's /kafka/sample answers it. */
export type SampledBytes = { text: string; truncated?: boolean } | { base64: string; truncated?: boolean };
export type SampledMessage = { topic: string; partition: number; offset: number; timestamp: number; key: SampledBytes | null; value: SampledBytes | null };

export const PROPOSED_FORMATS = ["json", "csv", "raw", "debezium-json", "canal-json"] as const;
export type ProposedFormat = (typeof PROPOSED_FORMATS)[number];

export type MessageProposal = {
  columns: ProposedColumn[];
  rows: (string | null)[][];
  /** messages that did not fit the format (tombstones with no value included), with the first one's place and why */
  skipped: number;
  firstSkipped?: string;
};

type Obj = { [key: string]: JsonValue };
const isObject = (v: JsonValue): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof JsonNumber);
const where = (m: SampledMessage) => `${m.topic} partition ${m.partition} offset ${m.offset}`;

export function proposeFromMessages(format: ProposedFormat, messages: SampledMessage[], fieldDelimiter = ","): MessageProposal {
  let skipped = 0;
  let firstSkipped: string | undefined;
  const skip = (m: SampledMessage, why: string) => {
    skipped++;
    firstSkipped ??= `${where(m)}: ${why}`;
  };
  const texts: { m: SampledMessage; text: string }[] = [];
  const binary: SampledMessage[] = [];
  for (const m of messages) {
    if (!m.value) skip(m, "no value (a tombstone)");
    else if (m.value.truncated) skip(m, "larger than the sample reads (64 KiB)");
    else if ("text" in m.value) texts.push({ m, text: m.value.text });
    else if (format === "raw") binary.push(m);
    else skip(m, "not UTF-8 text");
  }
  const done = (columns: ProposedColumn[], rows: (string | null)[][]) => ({ columns, rows, skipped, firstSkipped });

  if (format === "raw") {
    const type = binary.length > 0 ? "BYTES" : "STRING";
    const rows = messages.filter((m) => m.value).map((m) => [m.value && "text" in m.value ? m.value.text : `base64:${m.value!.base64}`]);
    return done([{ name: "value", type }], rows);
  }
  if (format === "csv") {
    const rows = texts.map(({ text }) => parseCsv(text.replace(/\r?\n$/, ""), fieldDelimiter, 1, true)[0] ?? []);
    return done(proposeColumns(null, rows), rows);
  }
  const images: Obj[] = [];
  const canalTypes: Record<string, string> = {};
  for (const { m, text } of texts) {
    let v: JsonValue;
    try {
      v = parseJson(text);
    } catch (e) {
      skip(m, `not JSON (${(e as Error).message})`);
      continue;
    }
    if (!isObject(v)) { skip(m, "not a JSON object"); continue; }
    const got = format === "json" ? [v] : format === "debezium-json" ? debeziumImages(v) : canalImages(v, canalTypes);
    if (typeof got === "string") skip(m, got);
    else images.push(...got);
  }
  return { ...fromObjects(images, format === "canal-json" ? canalTypes : undefined), skipped, firstSkipped };
}

/** Debezium's envelope {before, after, op, …}, or wrapped as {schema, payload} when the converter includes schemas. */
function debeziumImages(v: Obj): Obj[] | string {
  const env = "payload" in v && "schema" in v && isObject(v.payload ?? null) ? (v.payload as Obj) : v;
  if (!("before" in env) && !("after" in env)) return "not a Debezium change event (no before / after)";
  return [env.before ?? null, env.after ?? null].filter((x): x is Obj => x !== null && isObject(x));
}

/** Canal's {data: [rows], old, type, mysqlType, …}; mysqlType, when given, names each column's database type. */
function canalImages(v: Obj, types: Record<string, string>): Obj[] | string {
  if (!Array.isArray(v.data)) return "not a Canal change event (no data list)";
  if (isObject(v.mysqlType ?? null)) {
    for (const [k, t] of Object.entries(v.mysqlType as Obj)) if (typeof t === "string" && !(k in types)) types[k] = t;
  }
  return v.data.filter((x): x is Obj => x !== null && isObject(x));
}

function fromObjects(objects: Obj[], canalTypes?: Record<string, string>): { columns: ProposedColumn[]; rows: (string | null)[][] } {
  const seen = new Map<string, Seen>();
  for (const o of objects) {
    for (const [k, v] of Object.entries(o)) {
      if (!seen.has(k)) seen.set(k, emptySeen());
      see(seen.get(k)!, v);
    }
  }
  const keys = [...seen.keys()];
  const rows = objects.map((o) => keys.map((k) => (o[k] === undefined ? null : jsonText(o[k]!))));
  const columns = keys.map((name, i) => {
    const fromDb = canalTypes?.[name] === undefined ? undefined : canalColumnType(canalTypes[name]!);
    // Canal writes every value as text: a column without a database type is typed from that text, as a CSV one is
    const type = fromDb ?? (canalTypes ? canalTextType(seen.get(name)!, rows.map((r) => r[i] ?? null)) : formatType(typeOf(seen.get(name)!)));
    return { name, type };
  });
  return { columns, rows };
}

function canalTextType(s: Seen, values: (string | null)[]): string {
  if (s.text > 0 && s.int + s.float + s.bigInt + s.bool + s.arrays + s.objects === 0) return proposeColumns(null, values.map((v) => [v]))[0]?.type ?? "STRING";
  return formatType(typeOf(s));
}
