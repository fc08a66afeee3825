// Exceptions mapped to canvas nodes: a TS UDF's node by its name, else the failing task's vertex.
import { describe, expect, it } from "vitest";
import { exceptionNodes } from "./job-extras";
import type { ExceptionInfo } from "./types";

const placement = {
  gen: { vertices: ["A"], sharedWith: [] }, enrich: { vertices: ["A"], sharedWith: [] },
  agg: { vertices: ["B"], sharedWith: [] }, out: { vertices: ["B"], sharedWith: [] },
};
const vertices = [{ id: "A", name: "Source: gen[1] -> AsyncCalc[2]" }, { id: "B", name: "GroupAggregate[4] -> Sink: Collect: out" }];
const ex = (o: Partial<ExceptionInfo>): ExceptionInfo => ({ time: 1, name: "X", rootCause: "", stack: "", task: null, nodes: [], ...o });

describe("exceptionNodes", () => {
  it("names the TS UDF's own node when the root cause names the UDF", () => {
    expect(exceptionNodes(ex({ rootCause: 'UdfException: UDF "enrich" threw: boom', task: "Source: gen[1] -> AsyncCalc[2] (1/1)#0" }), placement, vertices))
      .toEqual(["enrich"]);
  });
  it("otherwise names the nodes in the failing task's vertex", () => {
    expect(exceptionNodes(ex({ task: "GroupAggregate[4] -> Sink: Collect: out (1/1)#3" }), placement, vertices)).toEqual(["agg", "out"]);
    // Flink 2.3's exception history names a task's attempt this way
    expect(exceptionNodes(ex({ task: "GroupAggregate[4] -> Sink: Collect: out (1/1) - execution #0" }), placement, vertices)).toEqual(["agg", "out"]);
  });
  it("names nothing when the failure has no task and the job more than one vertex", () => {
    expect(exceptionNodes(ex({}), placement, vertices)).toEqual([]);
    expect(exceptionNodes(ex({}), placement, vertices.slice(0, 1))).toEqual(["gen", "enrich"]);
  });
});

describe("exceptionNodes for a connector failure", () => {
  const kafkaPlacement = {
    clicks: { vertices: ["K"], sharedWith: [], operator: { name: "Source: clicks[1]", metricPrefix: "Source__clicks[1]", anchor: { node: "clicks", role: "source" as const } } },
    keep: { vertices: ["K"], sharedWith: [] },
    out: { vertices: ["K"], sharedWith: [], operator: { name: "out[3]: Writer", metricPrefix: "out[3]__Writer", anchor: { node: "out", role: "sink" as const } } },
  };
  const kv = [{ id: "K", name: "Source: clicks[1] -> Calc[2] -> out[3]: Writer" }];
  const task = "Source: clicks[1] -> Calc[2] -> out[3]: Writer (1/1)#2";
  it("a broker gone under the writer belongs to the Kafka sink node, under the reader to the source node", () => {
    const writer = "org.apache.flink.util.FlinkRuntimeException: Failed to send data to Kafka out-topic-0 with FlinkKafkaInternalProducer\n" +
      "\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.throwException(KafkaWriter.java:440)\n" +
      "Caused by: org.apache.kafka.common.errors.TimeoutException: Expiring 3 record(s) for out-topic-0:120000 ms has passed since batch creation";
    expect(exceptionNodes(ex({ task, stack: writer }), kafkaPlacement, kv)).toEqual(["out"]);
    const reader = "java.lang.RuntimeException: One or more fetchers have encountered exception\n" +
      "\tat org.apache.flink.connector.base.source.reader.fetcher.SplitFetcherManager.checkErrors(SplitFetcherManager.java:333)\n" +
      "Caused by: org.apache.kafka.common.errors.TimeoutException: Timeout of 60000ms expired before the position for partition clicks-0 could be determined\n" +
      "\tat org.apache.flink.connector.kafka.source.reader.KafkaPartitionSplitReader.fetch(KafkaPartitionSplitReader.java:126)";
    expect(exceptionNodes(ex({ task, stack: reader }), kafkaPlacement, kv)).toEqual(["clicks"]);
    expect(exceptionNodes(ex({ task, stack: "java.lang.ArithmeticException: / by zero" }), kafkaPlacement, kv)).toEqual(["clicks", "keep", "out"]);
  });
});
