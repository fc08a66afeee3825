// The Kafka source's Propose columns request and apply, and its preview cap (latest N per partition, no group, bounded).
import { describe, expect, it } from "vitest";
import { SampleRequestSchema } from "../sample/request";
import { kafkaSourceKind } from "./kafka-source.node.ts";

const config = (over: Record<string, unknown> = {}) => kafkaSourceKind.config.parse({ connection: "local", topic: "clicks", ...over });

describe("kafka-source sample facet", () => {
  it("asks for the latest 100 messages per partition of its topic, topics or pattern, in its value format", () => {
    const sample = kafkaSourceKind.source!.sample!;
    expect(sample.request(config())).toEqual({ from: "kafka", connection: "local", topics: ["clicks"], valueFormat: "json", fieldDelimiter: ",", maxPerPartition: 100 });
    expect(sample.request(config({ subscribe: "topics", topics: ["a", "b"], valueFormat: "csv", fieldDelimiter: ";" })))
      .toMatchObject({ topics: ["a", "b"], valueFormat: "csv", fieldDelimiter: ";" });
    expect(sample.request(config({ subscribe: "pattern", pattern: "orders-.*" }))).toMatchObject({ pattern: "orders-.*" });
    expect(SampleRequestSchema.safeParse(sample.request(config())).success).toBe(true);
    const avro = SampleRequestSchema.safeParse(sample.request(config({ valueFormat: "avro" })));
    expect(avro.success ? "" : avro.error.issues[0]!.message).toMatch(/for avro the columns come from its schema/);
  });

  it("applies the accepted columns and keeps the rest of the config", () => {
    const next = kafkaSourceKind.source!.sample!.apply(config({ groupId: "g" }), [{ name: "user_id", type: "BIGINT" }, { name: "tags", type: "ARRAY<STRING>" }]);
    expect(next.columns).toEqual([{ name: "user_id", type: "BIGINT" }, { name: "tags", type: "ARRAY<STRING>" }]);
    expect(next.groupId).toBe("g");
  });
});

describe("kafka-source preview cap", () => {
  const descriptorOf = (over: Record<string, unknown>) => {
    const [s] = kafkaSourceKind.toIr({ nodeId: "src", config: config(over), inputs: {}, inputTypes: {} });
    return (s as { descriptor: Parameters<NonNullable<typeof kafkaSourceKind.source>["previewCap"] & object>[0] }).descriptor;
  };

  it("reads the latest N per partition (the runner resolves where), bounded, with no group and no committed-offset start", () => {
    const d = descriptorOf({ groupId: "orders-app", startFrom: "group-offsets" });
    expect(d.options["properties.group.id"]).toBe("orders-app");
    const capped = kafkaSourceKind.source!.previewCap!(d, 1000); // a preview's source row cap: 100 per partition at most
    expect(capped.options).toMatchObject({ "streamcanvas.scan.latest-per-partition": "100", "scan.bounded.mode": "latest-offset", topic: "clicks" });
    for (const k of ["properties.group.id", "properties.auto.offset.reset", "scan.startup.mode"]) expect(capped.options[k], k).toBeUndefined();
    expect(capped.connection).toBe("local");
  });

  it("keeps a changelog source unbounded (the preview's row cap and timeout end it)", () => {
    const capped = kafkaSourceKind.source!.previewCap!(descriptorOf({ valueFormat: "debezium-json" }), 50);
    expect(capped.options["scan.bounded.mode"]).toBeUndefined();
    expect(capped.options["streamcanvas.scan.latest-per-partition"]).toBe("50");
  });
});
