// kafka-sink: writes its input's rows as messages to a Kafka topic (Flink's kafka connector) through a named
// connection: key and value formats, partitioner, delivery guarantee. Inserts only, unless the value format is a
// changelog (debezium-json, canal-json), which writes each insert, update and delete as a change message.
import { z } from "zod";
import { defineNodeKind } from "./define";
import {
  CHANGELOG_FORMATS, checkCommon, ConnectionSchema, FieldDelimiterSchema, formatOptions, KeyFieldsSchema, KeyFormatSchema, rawProblem, TopicSchema,
  topicProblem, ValueIncludesKeySchema,
} from "./kafka-common";
import { deliveryErrors, deliveryOptions, DeliverySchema } from "./kafka-sink-common";
import { updatingInputError } from "../changelog";

const KafkaSinkConfig = z.object({
  connection: ConnectionSchema,
  topic: TopicSchema,
  valueFormat: z.enum(["json", "csv", "avro", "raw", "debezium-json", "canal-json"]).default("json").meta({
    title: "Value format",
    description: "json, csv, avro (the Avro schema follows the columns), raw (one STRING column), or a changelog: " +
      "debezium-json / canal-json write inserts, updates and deletes as change messages (an updating input is taken).",
  }),
  fieldDelimiter: FieldDelimiterSchema,
  keyFormat: KeyFormatSchema,
  keyFields: KeyFieldsSchema,
  valueIncludesKey: ValueIncludesKeySchema,
  partitioner: z.enum(["default", "fixed", "round-robin"]).default("default").meta({
    title: "Partitioner",
    description: "default: by the key's hash (Kafka's sticky partitioner without a key); fixed: each Flink subtask writes one partition; round-robin: spread evenly (without a key).",
  }),
  delivery: DeliverySchema,
});
type KafkaSinkConfig = z.infer<typeof KafkaSinkConfig>;

export const kafkaSinkKind = defineNodeKind<KafkaSinkConfig>({
  kind: "kafka-sink",
  version: 1,
  title: "Kafka (sink)",
  category: "sink",
  description: "Writes each row as a message to a Kafka topic; an updating input needs a changelog value format (debezium-json, canal-json) or the upsert-Kafka sink.",
  ports: { inputs: ["in"], outputs: [] },
  config: KafkaSinkConfig,
  defaults: KafkaSinkConfig.parse({}),
  connection: { kind: "kafka" },
  inferRowType({ nodeId, config, inputs, changelogInputs, settings }) {
    const errors = checkCommon(nodeId, config, inputs.in);
    const topic = topicProblem(config.topic);
    if (topic) errors.push({ nodeId, field: "topic", message: topic });
    const raw = config.valueFormat === "raw" && inputs.in ? rawProblem(inputs.in, config) : null;
    if (raw) errors.push({ nodeId, field: "valueFormat", message: raw });
    errors.push(...deliveryErrors(nodeId, config.delivery, settings));
    // Flink's debezium-json and canal-json encoders take every row kind (an update is a delete and an insert message)
    if (!CHANGELOG_FORMATS.includes(config.valueFormat)) {
      errors.push(...updatingInputError(nodeId, "a Kafka sink", changelogInputs?.in,
        "write it with an upsert-Kafka sink keyed by its key, or choose the debezium-json or canal-json value format"));
    }
    return { errors };
  },
  toIr({ nodeId, config: c, inputs }) {
    const options: Record<string, string> = {
      topic: c.topic, ...formatOptions(c.valueFormat, c, { sink: true }), ...deliveryOptions(c.delivery, nodeId),
    };
    if (c.partitioner !== "default") options["sink.partitioner"] = c.partitioner;
    return [{ op: "insertInto", sink: nodeId, input: inputs.in!, descriptor: { connector: "kafka", connection: c.connection, options } }];
  },
});
