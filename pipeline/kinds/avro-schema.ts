// An Avro record schema the user gives, as Flink columns: Flink's avro format reads with the schema it derives from
// the columns (AvroSchemaConverter), so each field maps to the type whose derived schema is binary-identical to the
// user's (non-null fields NOT NULL, ["null", T] unions nullable); what it cannot derive is an error naming the field.
import { formatType, type DataType } from "../types";

type Avro = string | { type: unknown; [k: string]: unknown } | unknown[];
export type AvroColumns = { ok: true; columns: { name: string; type: string }[] } | { ok: false; message: string };

class AvroError extends Error {}
const fail = (at: string, message: string): never => { throw new AvroError(`${at}: ${message}`); };

const PRIMITIVE: Record<string, DataType["root"]> = {
  boolean: "BOOLEAN", int: "INT", long: "BIGINT", float: "FLOAT", double: "DOUBLE", string: "STRING", bytes: "BYTES",
};

function toType(s: Avro, at: string, nullable: boolean): DataType {
  if (Array.isArray(s)) {
    if (s.length === 2 && s[0] === "null") return toType(s[1] as Avro, at, true);
    if (s.length === 2 && s[1] === "null") fail(at, 'write the union as ["null", …] (null first), as Flink\'s avro format does');
    return fail(at, "only a union of null and one type is supported");
  }
  if (typeof s === "string") {
    const root = PRIMITIVE[s];
    if (!root) return fail(at, s === "null" ? "a field that is always null" : `type "${s}" is not supported (named types cannot be referenced)`);
    return { root, nullable };
  }
  if (typeof s !== "object" || s === null) return fail(at, "not an Avro schema");
  const logical = s.logicalType;
  if (logical === "decimal" && s.type === "bytes") return { root: "DECIMAL", precision: Number(s.precision), scale: Number(s.scale ?? 0), nullable };
  if (logical === "date" && s.type === "int") return { root: "DATE", nullable };
  if (logical === "time-millis" && s.type === "int") return { root: "TIME", precision: 3, nullable };
  if (logical === "timestamp-millis" && s.type === "long") return { root: "TIMESTAMP", precision: 3, nullable };
  if (logical === "timestamp-micros" && s.type === "long") return { root: "TIMESTAMP", precision: 6, nullable };
  switch (s.type) {
    case "record": return { root: "ROW", fields: fields(s.fields, at), nullable };
    case "array": return { root: "ARRAY", element: toType(s.items as Avro, `${at}[]`, false), nullable };
    case "map": return { root: "MAP", key: { root: "STRING", nullable: false }, value: toType(s.values as Avro, `${at}{}`, false), nullable };
    case "enum": return fail(at, "an enum is written as its index, which Flink's avro format reads only as a STRING it wrote itself; use string");
    case "fixed": return fail(at, "fixed is not supported; use bytes");
    default: return toType(s.type as Avro, at, nullable);
  }
}

function fields(list: unknown, at: string): { name: string; type: DataType }[] {
  if (!Array.isArray(list) || list.length === 0) fail(at, "a record needs fields");
  return (list as { name?: unknown; type?: unknown }[]).map((f, i) => {
    if (typeof f?.name !== "string") fail(`${at}.fields[${i}]`, "a field needs a name");
    return { name: f.name as string, type: toType(f.type as Avro, `${at === "schema" ? "" : `${at}.`}${f.name}`, false) };
  });
}

/** The columns of an Avro record schema (JSON text), or what is wrong with it. */
export function avroColumns(text: string): AvroColumns {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not JSON: ${(e as Error).message}` };
  }
  try {
    if (typeof schema !== "object" || schema === null || (schema as { type?: unknown }).type !== "record") {
      return { ok: false, message: 'the schema must be a record: {"type": "record", "name": …, "fields": […]}' };
    }
    const cols = fields((schema as { fields: unknown }).fields, "schema");
    return { ok: true, columns: cols.map((c) => ({ name: c.name, type: formatType(c.type) })) };
  } catch (e) {
    if (e instanceof AvroError) return { ok: false, message: e.message };
    throw e;
  }
}
