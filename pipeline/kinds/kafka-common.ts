// Shared by the Kafka node kinds: the connection and topic fields, the key / value formats and their Flink options
// (Flink's kafka connector takes `key.format` / `value.format` and each format's options under the same prefix).
import { z } from "zod";
import type { GraphError } from "../graph";
import type { RowType } from "../types";
import { findColumn } from "./column-ref";

export const ConnectionSchema = z.string().default("").meta({
  title: "Connection", description: "The Kafka cluster: a named connection (Connections page or `streamcanvas connections add`).",
  widget: "connection", connectionKind: "kafka",
});

export const TopicSchema = z.string().default("").meta({ title: "Topic", description: "The Kafka topic's name.", widget: "kafka-topic" });

/** Value formats Flink reads and writes; debezium-json and canal-json carry a changelog (inserts, updates, deletes). */
export const VALUE_FORMATS = ["json", "csv", "avro", "raw", "debezium-json", "canal-json"] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];
/** Changelog formats: the rows they read form an updating table (Flink's ChangelogMode.all()). */
export const CHANGELOG_FORMATS: readonly ValueFormat[] = ["debezium-json", "canal-json"];
/** Formats whose reader has ignore-parse-errors (the others fail on a message they cannot read). */
const SKIPPABLE: readonly string[] = ["json", "csv", "debezium-json", "canal-json"];

/** Formats whose writer is Flink's JSON encoder (with its encode.decimal-as-plain-number option). */
const JSON_ENCODERS: readonly string[] = ["json", "debezium-json", "canal-json"];

export const KEY_FORMATS = ["none", "json", "csv", "raw"] as const;
export const KeyFormatSchema = z.enum(KEY_FORMATS).default("none").meta({
  title: "Key format",
  description: "How the message key is read or written: none (no key), json, csv, or raw (one STRING column as UTF-8 bytes).",
});
export const KeyFieldsSchema = z.array(z.string()).default([]).meta({
  title: "Key fields", description: "The columns held in the message key (with a key format), in key order.",
});
export const ValueIncludesKeySchema = z.boolean().default(true).meta({
  title: "Value holds the key fields too",
  description: "On: the message value holds every column, key fields included (value.fields-include ALL; a source then reads " +
    "the key fields from the value too, as Flink does); off: the key fields live only in the key (EXCEPT_KEY).",
});
export const FieldDelimiterSchema = z.string().default(",").meta({ title: "Field delimiter (CSV)", description: "One character, e.g. , or ; or a tab." });

type FormatConfig = { keyFormat: (typeof KEY_FORMATS)[number]; keyFields: string[]; fieldDelimiter: string; valueIncludesKey: boolean };

/** The key and value format options of a descriptor; `skipBad` sets the value format's ignore-parse-errors. */
export function formatOptions(value: string, c: FormatConfig, opts: { skipBad?: boolean; sink?: boolean } = {}): Record<string, string> {
  const o: Record<string, string> = { "value.format": value };
  const each = (prefix: "key." | "value.", format: string) => {
    if (format === "csv" && c.fieldDelimiter !== ",") o[`${prefix}csv.field-delimiter`] = c.fieldDelimiter;
    // Flink's JSON writer turns 100.00 into 1E+2 unless told otherwise
    if (JSON_ENCODERS.includes(format) && opts.sink) o[`${prefix}${format}.encode.decimal-as-plain-number`] = "true";
  };
  each("value.", value);
  if (opts.skipBad && SKIPPABLE.includes(value)) o[`value.${value}.ignore-parse-errors`] = "true";
  // Flink's default JSON reader (the streaming JsonParser) passes a broken object on as a row of NULLs instead of
  // skipping it; the tree reader skips every message it cannot read (a field of the wrong type is NULL in both), so the
  // messages skipped are the messages read − rows emitted the job page shows
  if (opts.skipBad && value === "json") o["value.json.decode.json-parser.enabled"] = "false";
  if (c.keyFormat !== "none") {
    o["key.format"] = c.keyFormat;
    o["key.fields"] = c.keyFields.join(";");
    if (!c.valueIncludesKey) o["value.fields-include"] = "EXCEPT_KEY";
    each("key.", c.keyFormat);
  }
  return o;
}

/** Errors of the connection, topic, delimiter and key fields (each pinned to its field). */
export function checkCommon(nodeId: string, c: FormatConfig & { connection: string }, rowType: RowType | undefined): GraphError[] {
  const errors: GraphError[] = [];
  if (c.connection.trim() === "") errors.push({ nodeId, field: "connection", message: "choose a Kafka connection" });
  if ([...c.fieldDelimiter].length !== 1) errors.push({ nodeId, field: "fieldDelimiter", message: "the field delimiter is one character" });
  if (c.keyFormat === "none") {
    if (c.keyFields.length) errors.push({ nodeId, field: "keyFields", message: "key fields need a key format; choose one, or clear the key fields" });
    return errors;
  }
  if (c.keyFields.length === 0) errors.push({ nodeId, field: "keyFields", message: `the ${c.keyFormat} key needs at least one key field` });
  if (c.keyFormat === "raw" && c.keyFields.length > 1) errors.push({ nodeId, field: "keyFields", message: "a raw key holds one column" });
  if (rowType) {
    c.keyFields.forEach((k, i) => {
      const ref = findColumn(nodeId, `keyFields.${i}`, k, rowType);
      if (!ref.ok) errors.push(ref.error);
      else if (c.keyFormat === "raw" && ref.column.type.root !== "STRING") {
        errors.push({ nodeId, field: `keyFields.${i}`, message: `a raw key is one STRING column; "${k}" is ${ref.column.type.root}` });
      }
    });
  }
  return errors;
}

/** A topic name as Kafka allows it: 1–249 of [a-zA-Z0-9._-]. */
export function topicProblem(topic: string): string | null {
  if (topic.trim() === "") return "give a topic";
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(topic)) return `"${topic}" is not a Kafka topic name (letters, digits, . _ - only, at most 249)`;
  return null;
}

/** The raw format reads or writes one column (STRING here: the bytes as UTF-8). */
export function rawProblem(columns: RowType, c: { keyFormat: string; keyFields: string[]; valueIncludesKey: boolean }): string | null {
  const value = c.keyFormat !== "none" && !c.valueIncludesKey ? columns.filter((x) => !c.keyFields.includes(x.name)) : columns;
  if (value.length !== 1 || value[0]!.type.root !== "STRING") {
    return "the raw format holds exactly one STRING column (turn off \"value holds the key fields\" to keep key columns out of it)";
  }
  return null;
}
