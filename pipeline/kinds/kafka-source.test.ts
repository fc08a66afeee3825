// kafka-source: config errors pinned to their fields, Flink's option keys, metadata columns, event time and boundedness.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { validateGraph } from "../validate";
import { unboundedSources } from "../bounded";
import { kafkaSourceKind } from "./kafka-source.node.ts";

const source = (config: Record<string, unknown>) => ({
  id: "k", kind: "kafka-source",
  config: { connection: "c", topic: "orders", columns: [{ name: "id", type: "BIGINT" }, { name: "name", type: "STRING" }], ...config },
});
const pipeline = (config: Record<string, unknown>) => graph([source(config), { id: "out", kind: "print", config: {} }], ["k->out"]);
const errorsOf = (config: Record<string, unknown>) => validateGraph(pipeline(config)).errors;
const descriptorOf = (config: Record<string, unknown>) => {
  const r = compile(pipeline(config));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const from = r.program.statements[0]!;
  if (from.op !== "from") throw new Error("no from");
  return from.descriptor;
};

describe("kafka source", () => {
  it("names the connection in the descriptor, never a broker address, and reads from the earliest offset by default", () => {
    expect(descriptorOf({})).toEqual({
      connector: "kafka", connection: "c", schema: [{ name: "id", type: "BIGINT" }, { name: "name", type: "STRING" }],
      options: { topic: "orders", "value.format": "json", "scan.startup.mode": "earliest-offset" },
    });
  });
  it.each([
    [{ connection: "" }, "connection", "choose a Kafka connection"],
    [{ topic: "" }, "topic", "give a topic"],
    [{ topic: "a b" }, "topic", "not a Kafka topic name"],
    [{ subscribe: "topics", topics: [] }, "topics", "add at least one topic"],
    [{ subscribe: "pattern" }, "pattern", "give a topic pattern"],
    [{ keyFormat: "json" }, "keyFields", "at least one key field"],
    [{ keyFields: ["id"] }, "keyFields", "need a key format"],
    [{ keyFormat: "json", keyFields: ["nope"] }, "keyFields.0", 'unknown column "nope"'],
    [{ valueFormat: "raw" }, "columns", "exactly one STRING column"],
    [{ valueFormat: "avro", badMessages: "skip" }, "badMessages", "cannot skip"],
    [{ valueFormat: "avro", avroSchema: '{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["string", "null"]}]}' }, "avroSchema", "null first"],
    [{ startFrom: "group-offsets" }, "groupId", "needs a consumer group"],
    [{ startFrom: "timestamp" }, "startTimestampMs", "epoch milliseconds"],
    [{ stopAt: "specific-offsets", subscribe: "pattern", pattern: "o.*" }, "stopOffsets", "single topic"],
    [{ eventTime: { column: "id", watermarkDelay: 0 } }, "eventTime.column", "TIMESTAMP(3) or TIMESTAMP_LTZ(3)"],
    [{ columns: [{ name: "kafka_offset", type: "BIGINT" }], metadata: { offset: true } }, "metadata.offset", "already a column"],
  ])("%j is an error on %s", (config, field, message) => {
    expect(errorsOf(config)).toContainEqual({ nodeId: "k", field, message: expect.stringContaining(message) });
  });
  it("sets Flink's key, position, bounded, skip and idle options", () => {
    const d = descriptorOf({
      subscribe: "topics", topics: ["a", "b"], keyFormat: "csv", keyFields: ["id"], valueIncludesKey: false, fieldDelimiter: ";",
      startFrom: "group-offsets", groupId: "g", stopAt: "timestamp", stopTimestampMs: 1700000000000, badMessages: "skip", idleTimeoutSeconds: 5,
    });
    expect(d.options).toEqual({
      topic: "a;b", "value.format": "json", "value.json.ignore-parse-errors": "true", "value.json.decode.json-parser.enabled": "false", "key.format": "csv", "key.fields": "id",
      "value.fields-include": "EXCEPT_KEY", "key.csv.field-delimiter": ";", "properties.group.id": "g",
      "properties.auto.offset.reset": "earliest", "scan.startup.mode": "group-offsets", "scan.bounded.mode": "timestamp",
      "scan.bounded.timestamp-millis": "1700000000000", "scan.watermark.idle-timeout": "5 s",
    });
    expect(descriptorOf({ startFrom: "specific-offsets", startOffsets: [{ partition: 0, offset: 42 }, { partition: 1, offset: 7 }] }).options)
      .toMatchObject({ "scan.startup.mode": "specific-offsets", "scan.startup.specific-offsets": "partition:0,offset:42;partition:1,offset:7" });
  });
  it("adds ticked metadata columns after its own, and the record timestamp may be the event time", () => {
    const config = { metadata: { partition: true, timestamp: true }, eventTime: { column: "kafka_timestamp", watermarkDelay: 1000 } };
    expect(errorsOf(config)).toEqual([]);
    const types = validateGraph(pipeline(config)).rowTypes.k!;
    expect(types.map((c) => [c.name, c.timeAttribute ?? ""])).toEqual([["id", ""], ["name", ""], ["kafka_partition", ""], ["kafka_timestamp", "rowtime"]]);
    const d = descriptorOf(config);
    expect(d.metadata).toEqual([
      { name: "kafka_partition", type: "INT NOT NULL", key: "partition" }, { name: "kafka_timestamp", type: "TIMESTAMP_LTZ(3) NOT NULL", key: "timestamp" },
    ]);
    expect(d.watermark).toEqual({ column: "kafka_timestamp", delayMs: 1000 });
  });
  it("is unbounded unless it has a stop position", () => {
    expect(unboundedSources(pipeline({}))).toEqual(['kafka source "k" reads its topic forever; set a stop position (bounded mode)']);
    expect(unboundedSources(pipeline({ stopAt: "latest" }))).toEqual([]);
  });
  it("says whether it skips bad messages and whether the job page can count them", () => {
    const skipsBad = (c: Record<string, unknown>) => kafkaSourceKind.source!.skipsBad!({ ...kafkaSourceKind.defaults, ...c });
    expect([skipsBad({}), skipsBad({ badMessages: "skip" }), skipsBad({ badMessages: "skip", valueFormat: "csv" }),
      skipsBad({ badMessages: "skip", valueFormat: "debezium-json" })]).toEqual([null, "counted", "counted", "uncounted"]);
  });
});
