// filesystem source: CSV or JSON-lines files (a file, or every file of a folder) under the data root; bounded, or
// monitoring the folder for new files (Flink's filesystem connector, source.monitor-interval).
import { z } from "zod";
import type { GraphError } from "../graph";
import { formatType, isNested, type RowType, type as strictType } from "../types";
import { checkDataPath, DataPathSchema, type FileFormat, FileFormatSchema } from "./data-path";
import { declaredColumns } from "./declared-columns";
import { defineNodeKind } from "./define";
import { EventTimeSchema, ProcessingTimeSchema, proctimeIr, sourceRowType, watermarkIr } from "./event-time";

const FileColumn = z.object({
  name: z.string().min(1, "name the column").meta({ title: "Name", description: "Column name; for JSON the object key. Any text, spaces and quotes included." }),
  type: z.string().min(1, "give a Flink type, e.g. BIGINT").default("STRING").meta({
    title: "Type", description: "Flink type, e.g. BIGINT, DOUBLE, STRING, DECIMAL(10, 2), DATE, TIMESTAMP(3); for JSON also nested ROW<`a` INT, `b` STRING>, ARRAY<BIGINT>, MAP<STRING, DOUBLE>.",
  }),
});

const FileSourceConfig = z.object({
  path: DataPathSchema("A file or a folder (every file in it is read), relative to the data root."),
  format: FileFormatSchema,
  columns: z.array(FileColumn).default([
    { name: "id", type: "BIGINT" },
    { name: "name", type: "STRING" },
  ]).meta({ title: "Columns", description: "The columns of each line, in file order (CSV) or by key (JSON)." }),
  fieldDelimiter: z.string().default(",").meta({ title: "Field delimiter (CSV)", description: "One character, e.g. , or ; or a tab." }),
  header: z.boolean().default(false).meta({
    title: "First line is a header (CSV)",
    description: "Skip the first line of every file: it names the columns, it is no row. Propose columns reads the names from it.",
  }),
  skipComments: z.boolean().default(false).meta({ title: "Skip # lines (CSV)", description: "Lines starting with # are comments (csv.allow-comments)." }),
  ignoreParseErrors: z.boolean().default(false).meta({
    title: "Ignore parse errors",
    description: "A field that does not parse becomes NULL (and a broken line a row of NULLs) instead of failing the job; filter them out downstream.",
  }),
  monitorIntervalSeconds: z.number().int().min(1).optional().meta({
    title: "Watch for new files (s)",
    description: "Check the folder for new files this often and never finish (unbounded). Leave empty to read what is there and finish.",
  }),
  eventTime: EventTimeSchema,
  processingTime: ProcessingTimeSchema,
});
type FileSourceConfig = z.infer<typeof FileSourceConfig>;

function columnTypes(nodeId: string, config: FileSourceConfig): { rowType: RowType; errors: GraphError[] } {
  const declared = declaredColumns(nodeId, config.columns);
  const rowType = declared.rowType;
  const errors: GraphError[] = [...checkDataPath(nodeId, config.path), ...declared.errors];
  if (config.format === "csv" && [...config.fieldDelimiter].length !== 1) {
    errors.push({ nodeId, field: "fieldDelimiter", message: "the field delimiter is one character" });
  }
  config.columns.forEach((c, i) => {
    const t = rowType.find((r) => r.name === c.name)?.type;
    if (config.format === "csv" && t && isNested(t)) {
      errors.push({ nodeId, field: `columns.${i}.type`, message: `column "${c.name}": CSV files hold no nested ${t.root} values; use the JSON format` });
    }
  });
  return { rowType, errors };
}

/**
 * Flink's exact option keys for the format; the server replaces `path` with the checked absolute path. A JSON sink
 * writes decimals as plain numbers (Flink's default turns 100.00 into 1E+2). Flink's CSV file writer has no such switch
 * (it ignores csv.write-bigdecimal-in-scientific-notation and strips trailing zeros): cast to STRING to keep 100.00.
 */
export function formatOptions(
  format: FileFormat, config: { fieldDelimiter?: string; skipComments?: boolean; ignoreParseErrors?: boolean; header?: boolean },
  sink = false,
) {
  // Flink's csv format has no header option (Flink 2.3's CsvFormatOptions); the runner's csv-with-header is Flink's
  // CSV reader skipping each file's first line, with the same options under its own prefix
  const id = format === "csv" && config.header && !sink ? CSV_WITH_HEADER : format;
  const o: Record<string, string> = { format: id };
  if (sink && format === "json") o["json.encode.decimal-as-plain-number"] = "true";
  if (format === "csv") {
    if (config.fieldDelimiter !== undefined && config.fieldDelimiter !== ",") o[`${id}.field-delimiter`] = config.fieldDelimiter;
    if (config.skipComments) o[`${id}.allow-comments`] = "true";
  }
  if (config.ignoreParseErrors) o[`${id}.ignore-parse-errors`] = "true";
  return o;
}

/** jvm-runner's CsvWithHeaderFormatFactory.IDENTIFIER */
export const CSV_WITH_HEADER = "csv-with-header";

export const filesystemSourceKind = defineNodeKind<FileSourceConfig>({
  kind: "filesystem-source",
  version: 1,
  title: "Files",
  category: "source",
  description: "Reads CSV or JSON-lines files under the data root; bounded, or watching a folder.",
  ports: { inputs: [], outputs: ["out"] },
  config: FileSourceConfig,
  defaults: FileSourceConfig.parse({}),
  inferRowType: ({ nodeId, config }) => sourceRowType(nodeId, config.eventTime, columnTypes(nodeId, config), config.processingTime),
  source: {
    // bounded unless it keeps watching the folder for new files
    unbounded: (config, nodeId) => (config.monitorIntervalSeconds === undefined ? null
      : `filesystem source "${nodeId}" watches its folder for new files; clear the monitor interval`),
    // Propose columns: the first lines of the chosen file (the first file of a folder), read by the server
    sample: {
      request: (c) => ({ from: "data-file", path: c.path, format: c.format, fieldDelimiter: c.fieldDelimiter, header: c.header }),
      apply: (c, columns) => ({ ...c, columns }),
    },
  },
  toIr({ nodeId, config }) {
    const schema = config.columns.map((c) => ({ name: c.name, type: formatType(strictType(c.type)) }));
    const options: Record<string, string> = { path: config.path, ...formatOptions(config.format, config) };
    if (config.monitorIntervalSeconds !== undefined) options["source.monitor-interval"] = `${config.monitorIntervalSeconds} s`;
    return [{ op: "from", table: nodeId, descriptor: {
      connector: "filesystem", schema, ...watermarkIr(config.eventTime), ...proctimeIr(config.processingTime), options,
    } }];
  },
});
