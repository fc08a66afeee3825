// Propose columns from sampled Kafka messages: JSON (nested, nullable, numbers by their text), CSV by position, raw,
// Debezium and Canal change events, and messages that do not fit, on messages as real producers write them.
import { describe, expect, it } from "vitest";
import { parseType } from "../types";
import { canalColumnType } from "./canal-types";
import { parseJson } from "./json-text";
import { proposeFromMessages, type SampledMessage } from "./kafka-propose";

let offset = 0;
const msg = (value: string | null, extra: Partial<SampledMessage> = {}): SampledMessage =>
  ({ topic: "clicks", partition: 0, offset: offset++, timestamp: 1_700_000_000_000, key: null, value: value === null ? null : { text: value }, ...extra });

describe("JSON values", () => {
  const clicks = [
    '{"user_id":42,"session":"s-1","url":"/cart","at":"2024-03-01 10:00:00.125","price":19.9,"tags":["new","mobile"],"device":{"os":"ios","version":17},"experiments":{"checkout-v2":"b","search-rank":"a"},"referrer":null}',
    '{"user_id":7,"session":"s-2","url":"/","at":"2024-03-01 10:00:01","price":5,"tags":[],"device":{"os":"android","version":14,"model":"Pixel 8"},"experiments":{"hero-video":"a"},"referrer":"https://example.com/?q=a"}',
    '{"user_id":9007199254740993,"session":"s-3","url":"/p/1","at":"2024-03-01 10:00:02","price":0.5,"tags":["sale"],"device":{"os":"ios","version":16},"experiments":{"new-nav":"b"}}',
    '{"user_id":3,"session":"s-4","url":"/p/2","at":"2024-03-01 10:00:03","price":12,"tags":["a"],"device":null,"experiments":{"colors":"c"}}',
  ];

  it("proposes a column per key with nested ROW / ARRAY / MAP types, all nullable", () => {
    const p = proposeFromMessages("json", clicks.map((c) => msg(c)));
    expect(p.columns).toEqual([
      { name: "user_id", type: "BIGINT" },
      { name: "session", type: "STRING" },
      { name: "url", type: "STRING" },
      { name: "at", type: "TIMESTAMP(3)" },
      { name: "price", type: "DOUBLE" },
      { name: "tags", type: "ARRAY<STRING>" },
      { name: "device", type: "ROW<`os` STRING, `version` BIGINT, `model` STRING>" },
      { name: "experiments", type: "MAP<STRING, STRING>" }, // keys that each appear in few messages are data
      { name: "referrer", type: "STRING" },
    ]);
    for (const c of p.columns) expect(parseType(c.type).ok, c.type).toBe(true);
    expect(p.rows[0]).toEqual(["42", "s-1", "/cart", "2024-03-01 10:00:00.125", "19.9", '["new","mobile"]', '{"os":"ios","version":17}',
      '{"checkout-v2":"b","search-rank":"a"}', null]);
    expect(p.rows[2]![0]).toBe("9007199254740993"); // digits beyond 2^53 are kept as written
    expect(p.skipped).toBe(0);
  });

  it("types numbers by how they are written: 1.0 is a DOUBLE, integers past BIGINT a DECIMAL(38, 0)", () => {
    const p = proposeFromMessages("json", [msg('{"a":1.0,"b":1,"c":1e3,"d":92233720368547758070}'), msg('{"a":2,"b":-5,"c":2,"d":1}')]);
    expect(p.columns.map((c) => c.type)).toEqual(["DOUBLE", "BIGINT", "DOUBLE", "DECIMAL(38, 0)"]);
  });

  it("values that disagree, or were only ever null, are STRING; keys made of digits are a MAP", () => {
    const p = proposeFromMessages("json", [
      msg('{"id":"A-1","v":1,"n":null,"by_year":{"2023":1.5,"2024":2}}'),
      msg('{"id":2,"v":"x","n":null,"by_year":{"2025":3}}'),
    ]);
    expect(p.columns).toEqual([{ name: "id", type: "STRING" }, { name: "v", type: "STRING" }, { name: "n", type: "STRING" },
      { name: "by_year", type: "MAP<STRING, DOUBLE>" }]);
  });

  it("dates and ISO-8601 texts: DATE, and STRING for a T-separated time (Flink's json reads the SQL form by default)", () => {
    const p = proposeFromMessages("json", [msg('{"d":"2024-02-29","t":"2024-02-29T10:00:00Z"}')]);
    expect(p.columns).toEqual([{ name: "d", type: "DATE" }, { name: "t", type: "STRING" }]);
  });

  it("skips and counts tombstones, binary values and text that is no JSON object, naming the first", () => {
    offset = 10;
    const p = proposeFromMessages("json", [msg(null), msg('{"ok":true}'), { ...msg(""), value: { base64: "/wA=" } }, msg("[1,2]"), msg("{\"a\":")]);
    expect(p.columns).toEqual([{ name: "ok", type: "BOOLEAN" }]);
    expect(p.skipped).toBe(4);
    expect(p.firstSkipped).toBe("clicks partition 0 offset 10: no value (a tombstone)");
  });
});

describe("CSV, raw", () => {
  it("CSV: one row per message, columns by position, quoted fields and a trailing newline", () => {
    const p = proposeFromMessages("csv", [msg('1001,"Stone, Carla",12.50,2024-03-01 10:00:00\n'), msg("1002,Bo,7,2024-03-01 10:01:00")]);
    expect(p.columns).toEqual([{ name: "col_1", type: "BIGINT" }, { name: "col_2", type: "STRING" }, { name: "col_3", type: "DOUBLE" },
      { name: "col_4", type: "TIMESTAMP(3)" }]);
    expect(p.rows[0]).toEqual(["1001", "Stone, Carla", "12.50", "2024-03-01 10:00:00"]);
    expect(proposeFromMessages("csv", [msg("a;b;c")], ";").columns.length).toBe(3);
  });

  it("raw: STRING when every value is text, BYTES when one is not UTF-8", () => {
    expect(proposeFromMessages("raw", [msg("hello"), msg("Zoë")]).columns).toEqual([{ name: "value", type: "STRING" }]);
    const bin = proposeFromMessages("raw", [msg("hello"), { ...msg(""), value: { base64: "wygBAg==" } }]);
    expect(bin.columns).toEqual([{ name: "value", type: "BYTES" }]);
    expect(bin.rows).toEqual([["hello"], ["base64:wygBAg=="]]);
    expect(parseType("BYTES").ok).toBe(true);
  });
});

describe("changelog formats", () => {
  it("debezium-json: the columns of the before / after row image, with or without the schema envelope", () => {
    const create = '{"before":null,"after":{"id":1,"customer":"Carla","total":"12.50","status":"NEW"},"source":{"db":"shop","table":"orders"},"op":"c","ts_ms":1709287200000}';
    const update = '{"before":{"id":1,"customer":"Carla","total":"12.50","status":"NEW"},"after":{"id":1,"customer":"Carla","total":"12.50","status":"PAID","paid_at":"2024-03-01 10:05:00"},"op":"u","ts_ms":1709287500000}';
    const del = '{"schema":{"type":"struct"},"payload":{"before":{"id":2,"customer":"Bo","total":"3.00","status":"NEW"},"after":null,"op":"d"}}';
    const p = proposeFromMessages("debezium-json", [msg(create), msg(update), msg(del), msg(null), msg('{"id":1}')]);
    expect(p.columns).toEqual([{ name: "id", type: "BIGINT" }, { name: "customer", type: "STRING" }, { name: "total", type: "STRING" },
      { name: "status", type: "STRING" }, { name: "paid_at", type: "TIMESTAMP(3)" }]);
    expect(p.skipped).toBe(2); // the tombstone Debezium writes after a delete, and a message that is no change event
  });

  it("canal-json: the data rows, typed from mysqlType when given, else from the text Canal writes", () => {
    const insert = JSON.stringify({ data: [{ id: "1", name: "scooter", weight: "5.18", price: "199.90", created: "2024-03-01 10:00:00", active: "1" }],
      database: "inventory", table: "products", isDdl: false, type: "INSERT", pkNames: ["id"], old: null,
      mysqlType: { id: "int(11) unsigned", name: "varchar(255)", weight: "float", price: "decimal(10,2)", created: "datetime", active: "tinyint(1)" } });
    const noTypes = JSON.stringify({ data: [{ sku: "17", note: "x" }, { sku: "18", note: null }], type: "INSERT" });
    const p = proposeFromMessages("canal-json", [msg(insert), msg(noTypes)]);
    expect(p.columns).toEqual([
      { name: "id", type: "BIGINT" }, { name: "name", type: "STRING" }, { name: "weight", type: "FLOAT" }, { name: "price", type: "DECIMAL(10, 2)" },
      { name: "created", type: "TIMESTAMP(0)" }, { name: "active", type: "TINYINT" }, { name: "sku", type: "BIGINT" }, { name: "note", type: "STRING" },
    ]);
    expect(canalColumnType("bigint(20) unsigned")).toBe("DECIMAL(20, 0)");
    expect(canalColumnType("geometry")).toBeUndefined();
  });
});

describe("parseJson", () => {
  it("keeps number text and refuses what JSON refuses", () => {
    expect(JSON.stringify(parseJson('{"a":[1.0,"x",null,true]}'))).toBe('{"a":[{"text":"1.0"},"x",null,true]}');
    expect(() => parseJson('{"a":1} x')).toThrow(/unexpected text after the JSON value at position 9/);
    expect(() => parseJson("{'a':1}")).toThrow(/expected a property name/);
    expect(() => parseJson("01")).toThrow(SyntaxError);
  });
});
