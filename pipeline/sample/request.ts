// What a source kind samples to propose its columns (the Files source: a file under the data root; a Kafka source
// later: messages of a topic), and what the server answers. One shape for every source, so one UI piece shows it.
import { z } from "zod";

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
]);
export type SampleRequest = z.infer<typeof SampleRequestSchema>;

export type ProposedColumn = { name: string; type: string };

export type ColumnProposal = {
  columns: ProposedColumn[];
  /** the sampled values, row by row in column order, as text (null: empty or missing) */
  rows: (string | null)[][];
  /** what was read, for the user: e.g. `orders/a.csv, first 20 lines` */
  source: string;
};
