// The Kafka source's start and stop positions and its metadata columns, as config fields and as Flink's options.
import { z } from "zod";
import type { GraphError } from "../graph";
import type { MetadataColumnIr } from "../ir/schemas";

const Offsets = z.array(z.object({
  partition: z.number().int().min(0).meta({ title: "Partition" }),
  offset: z.number().int().min(0).meta({ title: "Offset" }),
})).default([]);

export const PositionFields = {
  startFrom: z.enum(["earliest", "latest", "group-offsets", "timestamp", "specific-offsets"]).default("earliest").meta({
    title: "Start from",
    description: "earliest: the oldest message kept; latest: only new ones; group-offsets: where the consumer group committed " +
      "(earliest when it has none); timestamp: the first message at or after a time; specific-offsets: given offsets per partition.",
  }),
  groupId: z.string().default("").meta({
    title: "Consumer group", description: "The consumer group id (properties.group.id): needed to start from its committed offsets; offsets are committed at checkpoints.",
  }),
  startTimestampMs: z.number().int().min(0).optional().meta({ title: "Start timestamp (ms)", description: "Epoch milliseconds (Start from: timestamp)." }),
  startOffsets: Offsets.meta({ title: "Start offsets", description: "Offset per partition (Start from: specific-offsets; one topic)." }),
  stopAt: z.enum(["never", "latest", "timestamp", "specific-offsets"]).default("never").meta({
    title: "Stop at (bounded)",
    description: "never: read forever (unbounded); latest: the newest offsets when the job starts; timestamp; specific-offsets. " +
      "A stop position makes the source bounded, for backfills (and ranking nodes accept it).",
  }),
  stopTimestampMs: z.number().int().min(0).optional().meta({ title: "Stop timestamp (ms)", description: "Epoch milliseconds (Stop at: timestamp)." }),
  stopOffsets: Offsets.meta({ title: "Stop offsets", description: "Offset per partition (Stop at: specific-offsets; one topic)." }),
};
const PositionObject = z.object(PositionFields);
type Position = z.infer<typeof PositionObject> & { subscribe: string };

/** Flink's syntax for offsets per partition: partition:0,offset:42;partition:1,offset:300 */
const offsetsOption = (o: { partition: number; offset: number }[]) => o.map((x) => `partition:${x.partition},offset:${x.offset}`).join(";");

export function kafkaPosition(c: Position): Record<string, string> {
  const o: Record<string, string> = {};
  if (c.groupId.trim() !== "") o["properties.group.id"] = c.groupId;
  o["scan.startup.mode"] = { earliest: "earliest-offset", latest: "latest-offset", "group-offsets": "group-offsets",
    timestamp: "timestamp", "specific-offsets": "specific-offsets" }[c.startFrom];
  // Flink's group-offsets start fails for a partition the group never committed unless told where to begin
  if (c.startFrom === "group-offsets") o["properties.auto.offset.reset"] = "earliest";
  if (c.startFrom === "timestamp") o["scan.startup.timestamp-millis"] = String(c.startTimestampMs);
  if (c.startFrom === "specific-offsets") o["scan.startup.specific-offsets"] = offsetsOption(c.startOffsets);
  if (c.stopAt !== "never") {
    o["scan.bounded.mode"] = { latest: "latest-offset", timestamp: "timestamp", "specific-offsets": "specific-offsets" }[c.stopAt];
    if (c.stopAt === "timestamp") o["scan.bounded.timestamp-millis"] = String(c.stopTimestampMs);
    if (c.stopAt === "specific-offsets") o["scan.bounded.specific-offsets"] = offsetsOption(c.stopOffsets);
  }
  return o;
}

export function positionErrors(nodeId: string, c: Position): GraphError[] {
  const errors: GraphError[] = [];
  const at = (field: string, message: string) => errors.push({ nodeId, field, message });
  if (c.startFrom === "group-offsets" && c.groupId.trim() === "") at("groupId", "starting from committed offsets needs a consumer group");
  if (c.startFrom === "timestamp" && c.startTimestampMs === undefined) at("startTimestampMs", "give the start time in epoch milliseconds");
  if (c.stopAt === "timestamp" && c.stopTimestampMs === undefined) at("stopTimestampMs", "give the stop time in epoch milliseconds");
  for (const [mode, field, list] of [[c.startFrom, "startOffsets", c.startOffsets], [c.stopAt, "stopOffsets", c.stopOffsets]] as const) {
    if (mode !== "specific-offsets") continue;
    if (c.subscribe !== "topic") at(field, "offsets per partition need a single topic (Read: topic)");
    if (list.length === 0) at(field, "give an offset for at least one partition");
    if (new Set(list.map((x) => x.partition)).size !== list.length) at(field, "each partition once");
  }
  if (c.startFrom === "timestamp" && c.stopAt === "timestamp" && (c.stopTimestampMs ?? 0) < (c.startTimestampMs ?? 0)) {
    at("stopTimestampMs", "the stop time is before the start time");
  }
  return errors;
}

/**
 * Kafka record metadata a source may add as read-only columns: Flink's metadata key, our column name and its type
 * (headers as MAP<STRING, STRING>: Flink casts the header bytes, read as UTF-8).
 */
export const KAFKA_METADATA = [
  { key: "topic", name: "kafka_topic", type: "STRING NOT NULL" },
  { key: "partition", name: "kafka_partition", type: "INT NOT NULL" },
  { key: "offset", name: "kafka_offset", type: "BIGINT NOT NULL" },
  { key: "timestamp", name: "kafka_timestamp", type: "TIMESTAMP_LTZ(3) NOT NULL" },
  { key: "headers", name: "kafka_headers", type: "MAP<STRING, STRING> NOT NULL" },
] as const;

const flag = (key: string, name: string) => z.boolean().default(false).meta({ title: key, description: `Add the column ${name}.` });
export const MetadataSchema = z.object(Object.fromEntries(KAFKA_METADATA.map((m) => [m.key, flag(m.key, m.name)])) as
  Record<(typeof KAFKA_METADATA)[number]["key"], ReturnType<typeof flag>>).default({
  topic: false, partition: false, offset: false, timestamp: false, headers: false,
}).meta({
  title: "Metadata columns",
  description: "Columns from each record's metadata, after the message's own. kafka_timestamp (TIMESTAMP_LTZ(3)) may be the event-time column.",
});

export function metadataColumns(m: Record<string, boolean>): MetadataColumnIr[] {
  return KAFKA_METADATA.filter((x) => m[x.key]).map((x) => ({ name: x.name, type: x.type, key: x.key }));
}
