// The runner's Kafka look-ups the server uses for sampling (jvm-runner/API.md, POST /kafka/sample and /kafka/offsets):
// answers checked with zod, the request's secret values kept out of any error this raises.
import { z } from "zod";

const BytesSchema = z.union([
  z.object({ text: z.string(), truncated: z.boolean().optional() }),
  z.object({ base64: z.string(), truncated: z.boolean().optional() }),
]).nullable();

export const KafkaSampleSchema = z.object({
  messages: z.array(z.object({
    topic: z.string(), partition: z.number(), offset: z.number(), timestamp: z.number(), timestampType: z.string(),
    key: BytesSchema, value: BytesSchema, headers: z.array(z.object({ key: z.string(), value: BytesSchema })),
  })),
  partitions: z.array(z.object({ topic: z.string(), partition: z.number(), earliest: z.number(), latest: z.number(), from: z.number(), read: z.number() })),
  complete: z.boolean(),
});
export type KafkaSample = z.infer<typeof KafkaSampleSchema>;

export const KafkaOffsetsSchema = z.object({
  partitions: z.array(z.object({ topic: z.string(), partition: z.number(), earliest: z.number(), latest: z.number() })),
});
export type KafkaOffsets = z.infer<typeof KafkaOffsetsSchema>;

export type TopicSelection = { topics: string[] } | { pattern: string };
export type KafkaSampleBody = { properties: Record<string, string>; maxPerPartition?: number; max?: number; timeoutMs?: number } & TopicSelection;
