// The Kafka source's sample and preview facets: Propose columns reads the latest messages of its topics through its
// connection; a preview or Try it reads a bounded slice, the latest N messages per partition, with no consumer group
// (so nothing is committed) and writing nothing.
import { PREVIEW_LATEST_PER_PARTITION } from "../ir/connectors";
import type { TableDescriptorIr } from "../ir";
import type { ProposedFormat } from "../sample/kafka-propose";
import type { ProposedColumn, SampleRequest } from "../sample/request";
import { CHANGELOG_FORMATS, type ValueFormat } from "./kafka-common";

type Config = {
  connection: string; subscribe: "topic" | "topics" | "pattern"; topic: string; topics: string[]; pattern: string;
  valueFormat: ValueFormat; fieldDelimiter: string; columns: { name: string; type: string }[];
};

/** Messages per partition Propose columns reads, and a preview or Try it at most (the newest). */
export const SAMPLE_PER_PARTITION = 100;

export const kafkaSourceSample = {
  request: (c: Config): SampleRequest => ({
    from: "kafka", connection: c.connection,
    ...(c.subscribe === "pattern" ? { pattern: c.pattern } : { topics: c.subscribe === "topic" ? [c.topic] : c.topics }),
    // avro is refused by the request's schema with the reason (its columns come from the schema the user gives)
    valueFormat: c.valueFormat as ProposedFormat,
    fieldDelimiter: c.fieldDelimiter, maxPerPartition: SAMPLE_PER_PARTITION,
  }),
  apply: <C extends Config>(c: C, columns: ProposedColumn[]): C => ({ ...c, columns: columns.map(({ name, type }) => ({ name, type })) }),
};

/**
 * The latest 100 messages of each partition (fewer if the preview asks for fewer source rows): the runner replaces the start position with where they begin; bounded
 * at the latest offsets when the job starts (a changelog format stays unbounded, as Flink plans it; the preview's row
 * cap and timeout end it). Without a consumer group Flink's source commits no offsets.
 */
export function kafkaPreviewCap(d: TableDescriptorIr, rows: number): TableDescriptorIr {
  const options: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.options)) {
    if (k.startsWith("scan.startup.") || k.startsWith("scan.bounded.") || k === "properties.group.id" || k === "properties.auto.offset.reset") continue;
    options[k] = v;
  }
  options[PREVIEW_LATEST_PER_PARTITION] = String(Math.min(rows, SAMPLE_PER_PARTITION));
  const changelog = (CHANGELOG_FORMATS as readonly string[]).includes(options["value.format"] ?? "");
  if (!changelog) options["scan.bounded.mode"] = "latest-offset";
  return { ...d, options };
}

