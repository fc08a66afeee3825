// Kafka source and sink figures from Flink's connector metrics (flink-connector-kafka's KafkaSourceReaderMetrics):
// per partition `<op>.KafkaSourceReader.topic.<t>.partition.<p>.currentOffset` (the last offset read) and
// `.committedOffset`, the reader's `<op>.pendingRecords` (Kafka's records-lag summed), and a sink writer's
// `<op>.numRecordsSend`. Records behind per partition = the partition's latest offset (asked of the broker through the
// runner) − currentOffset − 1; the total falls back to pendingRecords while the latest offsets are unknown.
import type { KafkaFigures } from "./types";
import type { VertexMetrics } from "./node-figures";

const PARTITION = /\.KafkaSourceReader\.topic\.(.+)\.partition\.(\d+)\.(currentOffset|committedOffset)$/;

/** A Kafka source reader's per-partition gauge: registered once the reader is given its partitions. */
export const isKafkaPartitionMetric = (id: string) => PARTITION.test(id);

/** Whether the poller should ask for this metric id: a Kafka partition gauge, a source's backlog, a sink's sends. */
export const isKafkaMetric = (id: string) => PARTITION.test(id) || id.endsWith(".pendingRecords") || id.endsWith(".numRecordsSend");

/** Latest offsets by partitionKey, with each topic's real name (metric ids spell it with _ for . , : and space). */
export type LatestOffsets = Map<string, { topic: string; latest: number }>;
/** The key a topic partition has in both metric ids and LatestOffsets. */
export const partitionKey = (topic: string, partition: number) => `${topic.replace(/[ .:,]/g, "_")}/${partition}`;

/** A Kafka source node's figures from its operator's copies (vertex, metric prefix); undefined when it reports none. */
export function kafkaSourceFigures(copies: { vertex: string; metricPrefix: string }[], metrics: Map<string, VertexMetrics>,
  latest: LatestOffsets | undefined): KafkaFigures | undefined {
  const parts = new Map<string, { topic: string; partition: number; currentOffset: number | null; committedOffset: number | null }>();
  let pending: number | null = null;
  for (const c of copies) {
    const m = metrics.get(c.vertex);
    if (!m) continue;
    for (const [id, max] of Object.entries(m.max)) {
      if (!id.startsWith(`${c.metricPrefix}.`) || max === undefined || !Number.isFinite(max)) continue;
      if (id === `${c.metricPrefix}.pendingRecords`) {
        pending = (pending ?? 0) + (m.values[id] ?? 0);
        continue;
      }
      const p = PARTITION.exec(id);
      if (!p) continue;
      const key = partitionKey(p[1]!, Number(p[2]));
      const f = parts.get(key) ?? { topic: p[1]!, partition: Number(p[2]), currentOffset: null, committedOffset: null };
      // a partition is read by one subtask: the others do not report it, and -1 means nothing read or committed yet
      const v = max >= 0 ? max : null;
      if (p[3] === "currentOffset") f.currentOffset = v;
      else f.committedOffset = v;
      parts.set(key, f);
    }
  }
  if (parts.size === 0 && pending === null) return undefined;
  const partitions = [...parts.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition).map((p) => {
    const known = latest?.get(partitionKey(p.topic, p.partition));
    const end = known?.latest ?? null;
    const lag = end === null ? null : Math.max(0, end - (p.currentOffset === null ? 0 : p.currentOffset + 1));
    return { ...p, topic: known?.topic ?? p.topic, latest: end, lag };
  });
  const known = partitions.length > 0 && partitions.every((p) => p.lag !== null);
  return { lag: known ? partitions.reduce((a, p) => a + p.lag!, 0) : pending, lagFrom: known ? "offsets" : pending === null ? null : "pendingRecords", partitions };
}

/** Messages a source read that gave no row: Flink's SourceReaderBase counts each Kafka record it takes as the source
 *  operator's numRecordsIn before the format reads it, and a row the format emits counts as numRecordsOut, so with
 *  ignore-parse-errors (one row per good message) the difference is the bad messages skipped; null before any figure. */
export function skippedMessages(copies: { vertex: string; metricPrefix: string }[], metrics: Map<string, VertexMetrics>): number | null {
  let read: number | null = null;
  let emitted = 0;
  for (const c of copies) {
    const m = metrics.get(c.vertex)?.values;
    const i = m?.[`${c.metricPrefix}.numRecordsIn`];
    const o = m?.[`${c.metricPrefix}.numRecordsOut`];
    if (i === undefined || !Number.isFinite(i)) continue;
    read = (read ?? 0) + i;
    emitted += o !== undefined && Number.isFinite(o) ? o : 0;
  }
  // the reader counts a message just before the format emits its row: a read between the two may see one more
  return read === null ? null : Math.max(0, read - emitted);
}

/** Records a sink's writer has sent (Flink's numRecordsSend), summed over its copies; null when it reports none. */
export function recordsSent(copies: { vertex: string; metricPrefix: string }[], metrics: Map<string, VertexMetrics>): number | null {
  const xs = copies.map((c) => metrics.get(c.vertex)?.values[`${c.metricPrefix}.numRecordsSend`]).filter((x): x is number => x !== undefined && Number.isFinite(x));
  return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
}
