// Consumer lag per Kafka source partition from Flink's KafkaSourceReader gauges and the broker's latest offsets, the
// pendingRecords fallback, and a sink writer's records sent.
import { describe, expect, it } from "vitest";
import { isKafkaMetric, kafkaSourceFigures, partitionKey, recordsSent, skippedMessages } from "./kafka-figures";
import type { VertexMetrics } from "./node-figures";

const op = "Source__clicks[1]";
const vm = (max: Record<string, number>, values: Record<string, number> = max): VertexMetrics => ({ values, max, min: max, rates: {}, ops: [op] });
// Flink's metric ids spell a topic's dots as _
const gauge = (topic: string, p: number, g: string) => `${op}.KafkaSourceReader.topic.${topic.replace(/\./g, "_")}.partition.${p}.${g}`;

describe("kafkaSourceFigures", () => {
  const metrics = new Map([["v1", vm({
    [gauge("clicks.v2", 0, "currentOffset")]: 149, [gauge("clicks.v2", 0, "committedOffset")]: 120,
    [gauge("clicks.v2", 1, "currentOffset")]: -1, [gauge("clicks.v2", 1, "committedOffset")]: -1,
    [`${op}.pendingRecords`]: 7, "Other[2].KafkaSourceReader.topic.x.partition.0.currentOffset": 5,
  })]]);
  const copies = [{ vertex: "v1", metricPrefix: op }];

  it("records behind per partition = latest − last offset read − 1 (all of it when nothing is read yet), summed", () => {
    const latest = new Map([[partitionKey("clicks.v2", 0), { topic: "clicks.v2", latest: 200 }], [partitionKey("clicks.v2", 1), { topic: "clicks.v2", latest: 12 }]]);
    expect(kafkaSourceFigures(copies, metrics, latest)).toEqual({
      lag: 62, lagFrom: "offsets",
      partitions: [
        { topic: "clicks.v2", partition: 0, currentOffset: 149, committedOffset: 120, latest: 200, lag: 50 },
        { topic: "clicks.v2", partition: 1, currentOffset: null, committedOffset: null, latest: 12, lag: 12 },
      ],
    });
  });

  it("falls back to Flink's pendingRecords while the latest offsets are unknown; nothing for a non-Kafka operator", () => {
    const f = kafkaSourceFigures(copies, metrics, undefined)!;
    expect([f.lag, f.lagFrom, f.partitions.map((p) => p.lag)]).toEqual([7, "pendingRecords", [null, null]]);
    expect(kafkaSourceFigures([{ vertex: "v1", metricPrefix: "Source__gen[1]" }], metrics, undefined)).toBeUndefined();
  });

  it("asks for the Kafka gauges and a sink's numRecordsSend, summed over the sink's copies", () => {
    expect(isKafkaMetric(gauge("t", 3, "committedOffset"))).toBe(true);
    expect(isKafkaMetric(`${op}.numRecordsIn`)).toBe(false);
    const sink = "out[3]__Writer";
    const m = new Map([["a", vm({ [`${sink}.numRecordsSend`]: 10 })], ["b", vm({ [`${sink}.numRecordsSend`]: 5 })]]);
    expect(recordsSent([{ vertex: "a", metricPrefix: sink }, { vertex: "b", metricPrefix: sink }], m)).toBe(15);
    expect(recordsSent([{ vertex: "a", metricPrefix: "x" }], m)).toBeNull();
  });

  it("skipped bad messages = the source operator's messages read − rows emitted, summed over its copies", () => {
    const m = new Map([
      ["a", vm({}, { [`${op}.numRecordsIn`]: 12, [`${op}.numRecordsOut`]: 9 })],
      ["b", vm({}, { [`${op}.numRecordsIn`]: 5, [`${op}.numRecordsOut`]: 4 })],
    ]);
    expect(skippedMessages([{ vertex: "a", metricPrefix: op }, { vertex: "b", metricPrefix: op }], m)).toBe(4);
    expect(skippedMessages([{ vertex: "c", metricPrefix: op }], m)).toBeNull();
  });
});
