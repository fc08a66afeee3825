// kafka-source: reads a Kafka topic (a list, or a pattern) through Flink's kafka connector, from a named connection;
// value and key formats, start position, optional bounded mode (for backfills), metadata columns and event time.
import { z } from "zod";
import { formatType, type RowType, type as strictType } from "../types";
import { declaredColumns } from "./declared-columns";
import { avroColumns } from "./avro-schema";
import { defineNodeKind } from "./define";
import { EventTimeSchema, proctimeIr, ProcessingTimeSchema, sourceRowType, watermarkIr } from "./event-time";
import {
  CHANGELOG_FORMATS, checkCommon, ConnectionSchema, FieldDelimiterSchema, formatOptions, KeyFieldsSchema, KeyFormatSchema,
  rawProblem, topicProblem, VALUE_FORMATS, ValueIncludesKeySchema,
} from "./kafka-common";
import { kafkaPreviewCap, kafkaSourceSample } from "./kafka-source-sample";
import { KAFKA_METADATA, kafkaPosition, metadataColumns, MetadataSchema, PositionFields, positionErrors } from "./kafka-source-options";

const Column = z.object({
  name: z.string().min(1, "name the column").meta({ title: "Name", description: "Column name; for JSON the object key." }),
  type: z.string().min(1, "give a Flink type, e.g. BIGINT").default("STRING").meta({
    title: "Type", description: "Flink type, e.g. BIGINT, STRING, DECIMAL(10, 2), TIMESTAMP(3); for JSON also ROW<…>, ARRAY<…>, MAP<…>.",
  }),
});

const KafkaSourceConfig = z.object({
  connection: ConnectionSchema,
  subscribe: z.enum(["topic", "topics", "pattern"]).default("topic").meta({
    title: "Read", description: "topic: one topic; topics: a list of topics; pattern: every topic whose name matches a regular expression.",
  }),
  topic: z.string().default("").meta({ title: "Topic", description: "The topic read (Read: topic).", widget: "kafka-topic" }),
  topics: z.array(z.string()).default([]).meta({ title: "Topics", description: "The topics read (Read: topics)." }),
  pattern: z.string().default("").meta({ title: "Topic pattern", description: "A Java regular expression over topic names (Read: pattern), e.g. orders-.*" }),
  valueFormat: z.enum(VALUE_FORMATS).default("json").meta({
    title: "Value format",
    description: "json, csv, avro (your Avro schema below gives the columns), raw (one STRING column), or a changelog: " +
      "debezium-json / canal-json (inserts, updates and deletes: the output is an updating table).",
  }),
  columns: z.array(Column).default([{ name: "id", type: "BIGINT" }, { name: "name", type: "STRING" }]).meta({
    title: "Columns", description: "The columns of each message (key fields included), by key (JSON) or position (CSV).",
  }),
  avroSchema: z.string().default("").meta({
    title: "Avro schema (avro)",
    description: "The writers' Avro record schema (JSON); its fields become the columns (non-null fields NOT NULL, [\"null\", T] nullable). Empty: the columns above, Flink deriving the schema.",
  }),
  fieldDelimiter: FieldDelimiterSchema,
  keyFormat: KeyFormatSchema,
  keyFields: KeyFieldsSchema,
  valueIncludesKey: ValueIncludesKeySchema,
  ...PositionFields,
  metadata: MetadataSchema,
  eventTime: EventTimeSchema,
  processingTime: ProcessingTimeSchema,
  idleTimeoutSeconds: z.number().int().min(1).optional().meta({
    title: "Idle partition timeout (s)",
    description: "A partition with no messages for this long stops holding the watermark back (scan.watermark.idle-timeout).",
  }),
  badMessages: z.enum(["fail", "skip"]).default("fail").meta({
    title: "Bad messages",
    description: "fail: a message the format cannot read fails the job; skip: it is dropped (the format's ignore-parse-errors; json, csv and the changelog formats).",
  }),
});
export type KafkaSourceConfig = z.infer<typeof KafkaSourceConfig>;

/** The message's columns: the Avro schema's fields when one is given for an avro value, else the declared columns. */
function messageColumns(c: KafkaSourceConfig): { columns: { name: string; type: string }[]; problem?: string } {
  if (c.valueFormat !== "avro" || c.avroSchema.trim() === "") return { columns: c.columns };
  const r = avroColumns(c.avroSchema);
  return r.ok ? { columns: r.columns } : { columns: [], problem: r.message };
}

function ownColumns(nodeId: string, c: KafkaSourceConfig): { rowType: RowType; errors: ReturnType<typeof checkCommon> } {
  const message = messageColumns(c);
  if (message.problem) return { rowType: [], errors: [{ nodeId, field: "avroSchema", message: message.problem }] };
  const declared = declaredColumns(nodeId, message.columns);
  const errors = [...checkCommon(nodeId, c, declared.rowType), ...declared.errors, ...positionErrors(nodeId, c)];
  const at = (field: string, message: string | null) => { if (message) errors.push({ nodeId, field, message }); };
  if (c.subscribe === "topic") at("topic", topicProblem(c.topic));
  if (c.subscribe === "topics") {
    if (c.topics.length === 0) at("topics", "add at least one topic");
    c.topics.forEach((t, i) => at(`topics.${i}`, topicProblem(t)));
  }
  if (c.subscribe === "pattern") at("pattern", c.pattern.trim() === "" ? "give a topic pattern, e.g. orders-.*" : null);
  if (c.valueFormat === "raw") at("columns", rawProblem(declared.rowType, c));
  if (c.valueFormat === "avro" && c.avroSchema.trim() !== "" && c.keyFormat !== "none" && !c.valueIncludesKey) {
    at("valueIncludesKey", "the Avro schema describes the whole value: keep \"value holds the key fields too\" on");
  }
  if (c.badMessages === "skip" && (c.valueFormat === "avro" || c.valueFormat === "raw")) {
    at("badMessages", `the ${c.valueFormat} format cannot skip bad messages; choose fail`);
  }
  const meta = metadataColumns(c.metadata);
  meta.forEach((m) => {
    if (declared.rowType.some((col) => col.name === m.name)) at(`metadata.${m.key}`, `"${m.name}" is already a column; rename that column`);
  });
  return { rowType: [...declared.rowType, ...meta.map((m) => ({ name: m.name, type: strictType(m.type) }))], errors };
}

export const kafkaSourceKind = defineNodeKind<KafkaSourceConfig>({
  kind: "kafka-source",
  version: 1,
  title: "Kafka",
  category: "source",
  description: "Reads a Kafka topic (or a list or pattern) from a named connection; unbounded, or up to a stop position.",
  ports: { inputs: [], outputs: ["out"] },
  config: KafkaSourceConfig,
  defaults: KafkaSourceConfig.parse({}),
  connection: { kind: "kafka" },
  inferRowType: ({ nodeId, config }) => {
    const r = sourceRowType(nodeId, config.eventTime, ownColumns(nodeId, config), config.processingTime, true);
    const cdc = CHANGELOG_FORMATS.includes(config.valueFormat);
    return cdc ? { ...r, changelog: { mode: "updating", by: nodeId, why: `its ${config.valueFormat} messages carry updates and deletes` } } : r;
  },
  source: {
    unbounded: (c, nodeId) => (c.stopAt === "never" ? `kafka source "${nodeId}" reads its topic forever; set a stop position (bounded mode)` : null),
    sample: kafkaSourceSample,
    previewCap: kafkaPreviewCap,
    // a changelog message gives 0, 1 or 2 rows (an update is -U and +U), so messages − rows counts nothing there
    skipsBad: (c) => (c.badMessages !== "skip" ? null : CHANGELOG_FORMATS.includes(c.valueFormat) ? "uncounted" : "counted"),
  },
  toIr({ nodeId, config: c }) {
    const schema = messageColumns(c).columns.map((col) => ({ name: col.name, type: formatType(strictType(col.type)) }));
    const meta = metadataColumns(c.metadata);
    const topic: Record<string, string> = c.subscribe === "pattern" ? { "topic-pattern": c.pattern }
      : { topic: c.subscribe === "topic" ? c.topic : c.topics.join(";") };
    const options: Record<string, string> = {
      ...topic, ...formatOptions(c.valueFormat, c, { skipBad: c.badMessages === "skip" }), ...kafkaPosition(c),
    };
    if (c.idleTimeoutSeconds !== undefined) options["scan.watermark.idle-timeout"] = `${c.idleTimeoutSeconds} s`;
    return [{ op: "from", table: nodeId, descriptor: {
      connector: "kafka", connection: c.connection, schema, ...(meta.length ? { metadata: meta } : {}),
      ...watermarkIr(c.eventTime), ...proctimeIr(c.processingTime), options,
    } }];
  },
});

export { KAFKA_METADATA };
