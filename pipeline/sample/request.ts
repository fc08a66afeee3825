// What a source kind samples to propose its columns (the Files source: a file under the data root; a Kafka source:
// the latest messages of its topics), and what the server answers. One shape for every source, so one UI piece shows it.
import { z } from "zod";
import { PROPOSED_FORMATS } from "./kafka-propose";

export const SampleRequestSchema = z.discriminatedUnion("from", [
  z.object({
    from: z.literal("data-file"),
    /** relative to the data root; a folder means its first file (by name) */
    path: z.string().min(1, "give a path relative to the data root"),
    format: z.enum(["csv", "json"]),
    fieldDelimiter: z.string().default(","),
    /** the first line holds column names */
    header: z.boolean().default(false),
  }),
  z.object({
    from: z.literal("kafka"),
    /** a named connection (a Kafka cluster); the server joins its properties in */
    connection: z.string().min(1, "pick a connection"),
    /** topic names, or `pattern` (a regular expression over whole topic names) */
    topics: z.array(z.string().min(1)).optional(),
    pattern: z.string().min(1).optional(),
    valueFormat: z.enum(PROPOSED_FORMATS, { error: "Propose columns reads json, csv, raw, debezium-json and canal-json values; for avro the columns come from its schema" }),
    fieldDelimiter: z.string().default(","),
    /** the latest N messages of each partition */
    maxPerPartition: z.number().int().min(1).max(1000).default(100),
  }).refine((r) => (r.topics?.length ?? 0) > 0 !== (r.pattern !== undefined), { message: "give a topic (or a list of them) or a topic pattern", path: ["topic"] }),
  z.object({
    /** a PostgreSQL table's columns as the connection's table listing types them (Flink's PostgreSQL mapper) */
    from: z.literal("postgres-table"),
    connection: z.string().min(1, "pick a PostgreSQL connection"),
    schema: z.string().min(1, "give the table's schema"),
    table: z.string().min(1, "choose a table"),
  }),
]);
export type SampleRequest = z.infer<typeof SampleRequestSchema>;

/** `key`: the column's position in the table's primary key (a PostgreSQL table's listing), if it is part of it */
export type ProposedColumn = { name: string; type: string; key?: number };

export type ColumnProposal = {
  columns: ProposedColumn[];
  /** the sampled values, row by row in column order, as text (null: empty or missing) */
  rows: (string | null)[][];
  /** what was read, for the user: e.g. `orders/a.csv, first 20 lines` */
  source: string;
};
