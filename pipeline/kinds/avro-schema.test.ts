// Avro record schema → Flink columns, as Flink's avro format derives the schema it reads with.
import { describe, expect, it } from "vitest";
import { avroColumns } from "./avro-schema";

const record = (fields: unknown[]) => JSON.stringify({ type: "record", name: "R", fields });

describe("avroColumns", () => {
  it("maps fields to the types whose derived Avro schema is the same, nullability from [null, T] unions", () => {
    expect(avroColumns(record([
      { name: "id", type: "long" }, { name: "name", type: ["null", "string"] }, { name: "ok", type: "boolean" },
      { name: "price", type: { type: "bytes", logicalType: "decimal", precision: 10, scale: 2 } },
      { name: "day", type: { type: "int", logicalType: "date" } }, { name: "at", type: { type: "long", logicalType: "timestamp-millis" } },
      { name: "tags", type: { type: "array", items: "string" } }, { name: "attrs", type: { type: "map", values: ["null", "double"] } },
      { name: "ship", type: ["null", { type: "record", name: "S", fields: [{ name: "city", type: "string" }] }] },
    ]))).toEqual({ ok: true, columns: [
      { name: "id", type: "BIGINT NOT NULL" }, { name: "name", type: "STRING" }, { name: "ok", type: "BOOLEAN NOT NULL" },
      { name: "price", type: "DECIMAL(10, 2) NOT NULL" }, { name: "day", type: "DATE NOT NULL" }, { name: "at", type: "TIMESTAMP(3) NOT NULL" },
      { name: "tags", type: "ARRAY<STRING NOT NULL> NOT NULL" }, { name: "attrs", type: "MAP<STRING NOT NULL, DOUBLE> NOT NULL" },
      { name: "ship", type: "ROW<`city` STRING NOT NULL>" },
    ] });
  });
  it.each([
    ["{", "not JSON"],
    [JSON.stringify({ type: "string" }), "must be a record"],
    [record([{ name: "a", type: ["string", "null"] }]), 'a: write the union as ["null", …]'],
    [record([{ name: "a", type: ["null", "string", "long"] }]), "a: only a union of null and one type"],
    [record([{ name: "e", type: { type: "enum", name: "E", symbols: ["X"] } }]), "e: an enum"],
    [record([{ name: "f", type: { type: "fixed", name: "F", size: 4 } }]), "f: fixed is not supported"],
    [record([{ name: "r", type: { type: "record", name: "In", fields: [{ name: "x", type: "Other" }] } }]), "r.x: type \"Other\""],
  ])("%s is refused: %s", (text, message) => {
    const r = avroColumns(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });
});
