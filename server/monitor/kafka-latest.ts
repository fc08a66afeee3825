// The latest offsets of the topics a job's Kafka sources read, asked of the broker through the runner at most every
// few seconds per (connection, topics) and kept between asks, so a monitor tick never waits on Kafka.
import type { PipelineGraph } from "@/pipeline/graph";
import { getNodeKind } from "@/pipeline/kinds";
import { partitionKey, type LatestOffsets } from "./kafka-figures";

export type KafkaSelection = { connection: string } & ({ topics: string[] } | { pattern: string });
export type FetchLatest = (s: KafkaSelection) => Promise<{ topic: string; partition: number; latest: number }[]>;

/** What a source node reads from Kafka, from its kind's sample request (the one place that says so), if it does. */
export function kafkaSelectionOf(node: PipelineGraph["nodes"][number]): KafkaSelection | undefined {
  const sample = getNodeKind(node.kind)?.source?.sample;
  if (!sample) return undefined;
  const kind = getNodeKind(node.kind)!;
  let req;
  try {
    req = sample.request({ ...(kind.defaults as object), ...(node.config as object) });
  } catch {
    return undefined;
  }
  if (req.from !== "kafka") return undefined;
  return req.pattern !== undefined ? { connection: req.connection, pattern: req.pattern } : { connection: req.connection, topics: req.topics ?? [] };
}

/** Whether a source node skips bad messages and whether they can be counted (its kind says: one fact, one home). */
export function skipsBadOf(node: PipelineGraph["nodes"][number]): "counted" | "uncounted" | null {
  const kind = getNodeKind(node.kind);
  return kind?.source?.skipsBad?.({ ...(kind.defaults as object), ...(node.config as object) }) ?? null;
}

export class KafkaLatest {
  private readonly cache = new Map<string, { at: number; offsets?: LatestOffsets; pending: boolean }>();

  constructor(private readonly fetch: FetchLatest, private readonly everyMs = 3_000, private readonly now = Date.now) {}

  /** The offsets last read for `s` (undefined before the first answer); asks again in the background when stale. */
  get(s: KafkaSelection): LatestOffsets | undefined {
    const key = JSON.stringify(s);
    const e = this.cache.get(key) ?? { at: 0, pending: false };
    this.cache.set(key, e);
    if (!e.pending && this.now() - e.at >= this.everyMs) {
      e.pending = true;
      this.fetch(s).then((parts) => {
        e.offsets = new Map(parts.map((p) => [partitionKey(p.topic, p.partition), { topic: p.topic, latest: p.latest }]));
      }, () => {
        // a broker that does not answer: keep the last figures; the page falls back to Flink's pendingRecords
      }).finally(() => {
        e.pending = false;
        e.at = this.now();
      });
    }
    return e.offsets;
  }

  /** Forgets selections no watched job reads any more. */
  retain(keep: KafkaSelection[]): void {
    const keys = new Set(keep.map((s) => JSON.stringify(s)));
    for (const k of this.cache.keys()) if (!keys.has(k)) this.cache.delete(k);
  }
}
