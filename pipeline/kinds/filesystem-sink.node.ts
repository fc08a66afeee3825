// filesystem sink: writes CSV or JSON-lines part files into a folder under the data root, rolled by Flink's
// rolling policy (file size, rollover interval, inactivity interval).
import { z } from "zod";
import type { GraphError } from "../graph";
import { formatType, isInterval, isString, type RowType } from "../types";
import { checkDataPath, DataPathSchema, FileFormatSchema } from "./data-path";
import { defineNodeKind } from "./define";
import { updatingInputError } from "../changelog";
import { formatOptions } from "./filesystem-source.node.ts";

const seconds = (title: string, description: string) => z.number().int().min(1).optional().meta({ title, description });

const FileSinkConfig = z.object({
  path: DataPathSchema("The output folder, relative to the data root; Flink writes part-… files into it."),
  format: FileFormatSchema,
  fieldDelimiter: z.string().default(",").meta({ title: "Field delimiter (CSV)", description: "One character, e.g. , or ; or a tab." }),
  fileSizeMb: z.number().min(0.001).optional().meta({
    title: "Roll at size (MB)", description: "Start a new part file once the current one reaches this size (sink.rolling-policy.file-size; Flink's default 128 MB).",
  }),
  rolloverIntervalSeconds: seconds("Roll after (s)", "Start a new part file once the current one has been open this long (sink.rolling-policy.rollover-interval; default 30 min)."),
  inactivityIntervalSeconds: seconds("Roll when idle (s)", "Start a new part file once the current one has had no rows this long (sink.rolling-policy.inactivity-interval; default 30 min)."),
});
type FileSinkConfig = z.infer<typeof FileSinkConfig>;

/** Columns Flink's file formats cannot write (probed on Flink 2.3): CSV takes no INTERVAL or MULTISET, JSON no MULTISET of non-strings. */
function unwritable(nodeId: string, format: string, input: RowType): GraphError[] {
  return input.flatMap((c) => {
    const t = c.type;
    const bad = format === "csv" ? isInterval(t) || t.root === "MULTISET" : t.root === "MULTISET" && !isString(t.element!);
    const fix = isInterval(t) ? "write CAST(… AS STRING) in a select first, or use JSON lines" : format === "csv" ? "use JSON lines" : "COLLECT a string column instead";
    return bad ? [{ nodeId, field: "format", message: `${format === "csv" ? "CSV" : "JSON"} files cannot hold column "${c.name}" of type ${formatType({ ...t, nullable: true })}; ${fix}` }] : [];
  });
}

export const filesystemSinkKind = defineNodeKind<FileSinkConfig>({
  kind: "filesystem-sink",
  version: 1,
  title: "Files (sink)",
  category: "sink",
  description:
    "Writes CSV or JSON-lines part files into a folder under the data root. A bounded run's files are final when it finishes; " +
    "an unbounded run's are committed at each checkpoint (until then they are hidden .part-…inprogress files).",
  ports: { inputs: ["in"], outputs: [] },
  config: FileSinkConfig,
  defaults: FileSinkConfig.parse({}),
  inferRowType({ nodeId, config, inputs, changelogInputs }) {
    const errors = [...checkDataPath(nodeId, config.path), ...unwritable(nodeId, config.format, inputs.in ?? [])];
    errors.push(...updatingInputError(nodeId, "a files sink", changelogInputs?.in, "Flink's file sink cannot take back a row it wrote"));
    if (config.format === "csv" && [...config.fieldDelimiter].length !== 1) {
      errors.push({ nodeId, field: "fieldDelimiter", message: "the field delimiter is one character" });
    }
    return { errors };
  },
  toIr({ nodeId, config, inputs }) {
    const options: Record<string, string> = { path: config.path, ...formatOptions(config.format, config, true) };
    if (config.fileSizeMb !== undefined) options["sink.rolling-policy.file-size"] = `${Math.round(config.fileSizeMb * 1024 * 1024)}b`;
    if (config.rolloverIntervalSeconds !== undefined) options["sink.rolling-policy.rollover-interval"] = `${config.rolloverIntervalSeconds} s`;
    if (config.inactivityIntervalSeconds !== undefined) options["sink.rolling-policy.inactivity-interval"] = `${config.inactivityIntervalSeconds} s`;
    // no schema: the files take the input's columns, as the runner derives them
    return [{ op: "insertInto", sink: nodeId, input: inputs.in!, descriptor: { connector: "filesystem", options } }];
  },
});
