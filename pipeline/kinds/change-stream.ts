// The postgres-changes kind's names and value conversions, shared with the server's connector registration: one Debezium
// connector per table of a PostgreSQL connection (so every pipeline reading that table shares its replication slot), its
// topic, and how Debezium's JSON values (time.precision.mode=isostring) become the table's Flink types.
import type { Expr } from "../expr/ast";
import { formatType, type DataType } from "../types";

/** Schema and table names a change stream takes: they become part of a Kafka topic and Debezium's table regex. */
export const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export type ChangeStreamNames = { connector: string; topicPrefix: string; topic: string; slot: string };

/** FNV-1a, 32 bits, as 8 hex digits: a short stable suffix for PostgreSQL object names (63 bytes at most). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** Debezium names its topic `<topic.prefix>.<schema>.<table>`; the slot and publication are `sc_<hash of that>`. */
export function changeStreamNames(database: string, schema: string, table: string): ChangeStreamNames {
  const topicPrefix = `streamcanvas.${database}`;
  const topic = `${topicPrefix}.${schema}.${table}`;
  return { connector: topic, topicPrefix, topic, slot: `sc_${fnv1a(topic)}` };
}

/**
 * Debezium's isostring values of DATE, TIME and TIMESTAMP carry a trailing `Z` (and TIMESTAMP a `T`), which Flink's JSON
 * reader does not parse for these types: such columns are read as STRING and cast. TIMESTAMP WITH TIME ZONE arrives as
 * `…T…Z`, which Flink's ISO-8601 timestamp format reads as TIMESTAMP_LTZ directly; every other type is read as is.
 */
export function readAsString(t: DataType): boolean {
  return t.root === "DATE" || t.root === "TIME" || t.root === "TIMESTAMP";
}

const str = (value: string): Expr => ({ kind: "lit", value, type: "STRING NOT NULL" });

/** The cast from the STRING read back to the column's type: `2024-01-02T03:04:05.678Z` → `2024-01-02 03:04:05.678`. */
export function castFromIsoString(column: string, t: DataType): Expr {
  let e: Expr = { kind: "call", fn: "replace", args: [{ kind: "col", name: column }, str("Z"), str("")] };
  if (t.root === "TIMESTAMP") e = { kind: "call", fn: "replace", args: [e, str("T"), str(" ")] };
  return { kind: "cast", expr: e, type: formatType(t) };
}
