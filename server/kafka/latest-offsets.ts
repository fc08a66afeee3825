// The monitor's source of the latest offsets of a Kafka source's topics: the runner asks the broker through the node's
// named connection (secrets joined in here, on the server, and never returned).
import type { FetchLatest } from "@/server/monitor/kafka-latest";
import type { RunnerClient } from "@/server/runner/client";

type Deps = {
  runner: () => Promise<Pick<RunnerClient, "kafkaOffsets">>;
  resolve: (name: string) => { properties: Record<string, string> };
};

export function latestOffsetsVia(d: Deps): FetchLatest {
  return async (s) => {
    const { properties } = d.resolve(s.connection);
    const selection = "pattern" in s ? { pattern: s.pattern } : { topics: s.topics };
    return (await (await d.runner()).kafkaOffsets({ properties, ...selection })).partitions;
  };
}
