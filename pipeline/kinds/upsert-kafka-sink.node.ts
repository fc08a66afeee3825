// upsert-kafka-sink: writes an updating (or insert-only) table to a Kafka topic keyed by its primary key (Flink's
// upsert-kafka connector): an insert or update is a message with the row as value, a delete a tombstone (null value).
import { z } from "zod";
import type { GraphError } from "../graph";
import { findColumn } from "./column-ref";
import { defineNodeKind } from "./define";
import { ConnectionSchema, FieldDelimiterSchema, TopicSchema, topicProblem, ValueIncludesKeySchema } from "./kafka-common";

const UpsertKafkaSinkConfig = z.object({
  connection: ConnectionSchema,
  topic: TopicSchema,
  primaryKey: z.array(z.string()).default([]).meta({
    title: "Primary key", description: "The columns each message is keyed by: a later row with the same key replaces the earlier one, a delete writes a tombstone.",
  }),
  keyFormat: z.enum(["json", "csv", "raw"]).default("json").meta({ title: "Key format", description: "How the key columns are written: json, csv, or raw (one STRING column)." }),
  valueFormat: z.enum(["json", "csv", "avro"]).default("json").meta({ title: "Value format", description: "json, csv or avro (the Avro schema follows the columns)." }),
  fieldDelimiter: FieldDelimiterSchema,
  valueIncludesKey: ValueIncludesKeySchema,
});
type UpsertKafkaSinkConfig = z.infer<typeof UpsertKafkaSinkConfig>;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export const upsertKafkaSinkKind = defineNodeKind<UpsertKafkaSinkConfig>({
  kind: "upsert-kafka-sink",
  version: 1,
  title: "Upsert Kafka (sink)",
  category: "sink",
  description: "Writes a table keyed by its primary key to a Kafka topic: updates replace, deletes are tombstones (for group aggregates, changelog sources).",
  ports: { inputs: ["in"], outputs: [] },
  config: UpsertKafkaSinkConfig,
  defaults: UpsertKafkaSinkConfig.parse({}),
  connection: { kind: "kafka" },
  inferRowType({ nodeId, config: c, inputs, changelogInputs }) {
    const errors: GraphError[] = [];
    if (c.connection.trim() === "") errors.push({ nodeId, field: "connection", message: "choose a Kafka connection" });
    const topic = topicProblem(c.topic);
    if (topic) errors.push({ nodeId, field: "topic", message: topic });
    if ([...c.fieldDelimiter].length !== 1) errors.push({ nodeId, field: "fieldDelimiter", message: "the field delimiter is one character" });
    if (c.primaryKey.length === 0) errors.push({ nodeId, field: "primaryKey", message: "an upsert-Kafka sink needs a primary key: the columns each message is keyed by" });
    c.primaryKey.forEach((k, i) => {
      const ref = findColumn(nodeId, `primaryKey.${i}`, k, inputs.in!);
      if (!ref.ok) errors.push(ref.error);
      else if (c.keyFormat === "raw" && (c.primaryKey.length > 1 || ref.column.type.root !== "STRING")) {
        errors.push({ nodeId, field: "keyFormat", message: "a raw key is one STRING column; choose json or csv" });
      }
    });
    const input = changelogInputs?.in;
    if (input?.mode === "updating" && input.key && c.primaryKey.length && !sameSet(input.key, c.primaryKey)) {
      errors.push({
        nodeId, field: "primaryKey",
        message: `node "${input.by}" updates rows by (${input.key.join(", ")}); key this sink by the same columns, or an update would leave the old row's message behind`,
      });
    }
    return { errors };
  },
  toIr({ nodeId, config: c, inputs }) {
    const options: Record<string, string> = { topic: c.topic, "key.format": c.keyFormat, "value.format": c.valueFormat };
    if (!c.valueIncludesKey) options["value.fields-include"] = "EXCEPT_KEY";
    for (const [prefix, format] of [["key.", c.keyFormat], ["value.", c.valueFormat]] as const) {
      if (format === "csv" && c.fieldDelimiter !== ",") options[`${prefix}csv.field-delimiter`] = c.fieldDelimiter;
      if (format === "json") options[`${prefix}json.encode.decimal-as-plain-number`] = "true";
    }
    return [{
      op: "insertInto", sink: nodeId, input: inputs.in!,
      descriptor: { connector: "upsert-kafka", connection: c.connection, primaryKey: [...c.primaryKey], options },
    }];
  },
});
