// datagen: Flink's DataGen connector as a source; random or sequence values per column, optionally bounded.
import { z } from "zod";
import type { GraphError } from "../graph";
import { type DataType, type RowType, formatType, isNumeric, isString, parseType, type as strictType } from "../types";
import { defineNodeKind } from "./define";
import { sourceRowType, EventTimeSchema, ProcessingTimeSchema, proctimeIr, watermarkIr } from "./event-time";

const num = (title: string, description: string) => z.number().optional().meta({ title, description });

const DatagenColumn = z.object({
  name: z.string().min(1, "name the column").meta({ title: "Name", description: "Column name; any text, spaces and quotes included." }),
  type: z.string().min(1, "give a Flink type, e.g. BIGINT").default("BIGINT").meta({ title: "Type", description: "Flink type, e.g. BIGINT, DOUBLE, STRING, DECIMAL(10, 2), TIMESTAMP(3)." }),
  kind: z.enum(["random", "sequence"]).default("random").meta({
    title: "Generator",
    description: "random: values drawn from min..max (or of the given length); sequence: start, start+1, …, end, then the source ends.",
  }),
  min: num("Min", "Smallest random value (numeric columns)."),
  max: num("Max", "Largest random value (numeric columns)."),
  length: z.number().int().min(1).optional().meta({ title: "Length", description: "Length of random strings." }),
  start: num("Start", "First value of a sequence (required for sequence)."),
  end: num("End", "Last value of a sequence (required for sequence)."),
});
type DatagenColumn = z.infer<typeof DatagenColumn>;

const DatagenConfig = z.object({
  columns: z.array(DatagenColumn).default([
    { name: "id", type: "BIGINT", kind: "random", min: 1, max: 1000 },
    { name: "value", type: "DOUBLE", kind: "random", min: 0, max: 100 },
  ]).meta({ title: "Columns", description: "The generated columns, in order." }),
  rowsPerSecond: z.number().int().min(1).default(5).meta({ title: "Rows per second", description: "Generation rate (rows-per-second)." }),
  numberOfRows: z.number().int().min(1).optional().meta({
    title: "Number of rows",
    description: "Stop after this many rows (a bounded run that FINISHES). Leave empty to run until stopped.",
  }),
  eventTime: EventTimeSchema,
  processingTime: ProcessingTimeSchema,
});
type DatagenConfig = z.infer<typeof DatagenConfig>;

/** Flink's SequenceGenerator queues a sequence's values on the heap up front (and in checkpoints): past this they
 * would starve the shared runner's heap, so validation refuses them (README, "Node kinds"). */
export const MAX_SEQUENCE_VALUES = 1_000_000;

const INTEGER_RANGE: Record<string, [number, number]> = {
  TINYINT: [-128, 127], SMALLINT: [-32768, 32767], INT: [-(2 ** 31), 2 ** 31 - 1], BIGINT: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
// Flink's RandomGeneratorVisitor also fills ROW / ARRAY / MAP (3 elements or entries) from their nested types' defaults.
const RANDOM_ROOTS = new Set(["BOOLEAN", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ", "ROW", "ARRAY", "MAP"]);

/** Checks one column's generator settings against its type; errors are pinned to `columns.<i>.<field>`. */
function checkColumn(nodeId: string, i: number, c: DatagenColumn, t: DataType): GraphError[] {
  const errors: GraphError[] = [];
  const at = (field: string, message: string) => errors.push({ nodeId, field: `columns.${i}.${field}`, message });
  const tn = formatType({ ...t, nullable: true });
  const numeric = isNumeric(t);
  const numbers = c.kind === "sequence" ? (["start", "end"] as const) : (["min", "max"] as const);
  if (c.kind === "sequence") {
    if (!numeric && !isString(t)) at("kind", `sequence works for numeric and string columns, not ${tn}`);
    if (c.start === undefined) at("start", "a sequence needs a start");
    if (c.end === undefined) at("end", "a sequence needs an end");
    if (c.start !== undefined && c.end !== undefined && c.start > c.end) at("end", `end (${c.end}) is before start (${c.start})`);
    else if (c.start !== undefined && c.end !== undefined && c.end - c.start + 1 > MAX_SEQUENCE_VALUES) {
      at("end", `a sequence holds at most ${MAX_SEQUENCE_VALUES.toLocaleString("en-US")} values (Flink keeps every value of it in memory until it is ` +
        `emitted); this one has ${(c.end - c.start + 1).toLocaleString("en-US")}. For more rows use random values and set "number of rows"`);
    }
  } else {
    if (!numeric && !isString(t) && !RANDOM_ROOTS.has(t.root)) at("type", `datagen cannot generate ${tn}`);
    if ((c.min !== undefined || c.max !== undefined) && !numeric) at(c.min !== undefined ? "min" : "max", `min/max apply to numeric columns, not ${tn}`);
    if (c.min !== undefined && c.max !== undefined && c.min > c.max) at("max", `max (${c.max}) is below min (${c.min})`);
    if (c.length !== undefined && !isString(t)) at("length", `length applies to string columns, not ${tn}`);
  }
  // Flink reads these options as the column's Java type (a string sequence counts in longs)
  const range = INTEGER_RANGE[t.root] ?? (c.kind === "sequence" && isString(t) ? INTEGER_RANGE.BIGINT : undefined);
  if (range) {
    for (const f of numbers) {
      const v = c[f];
      if (v === undefined) continue;
      if (!Number.isInteger(v)) at(f, `${f} must be a whole number for ${tn}`);
      else if (v < range[0] || v > range[1]) at(f, `${f} must be within ${range[0]}..${range[1]} for ${tn}`);
    }
  }
  return errors;
}

function columnTypes(nodeId: string, config: DatagenConfig): { rowType: RowType; errors: GraphError[] } {
  const errors: GraphError[] = [];
  const rowType: RowType = [];
  const seen = new Set<string>();
  if (config.columns.length === 0) errors.push({ nodeId, field: "columns", message: "add at least one column" });
  config.columns.forEach((c, i) => {
    if (seen.has(c.name)) errors.push({ nodeId, field: `columns.${i}.name`, message: `duplicate column name "${c.name}"` });
    seen.add(c.name);
    const t = parseType(c.type);
    if (!t.ok) { errors.push({ nodeId, field: `columns.${i}.type`, message: t.message }); return; }
    errors.push(...checkColumn(nodeId, i, c, t.type));
    rowType.push({ name: c.name, type: t.type });
  });
  return { rowType, errors };
}

/** A datagen source in a preview emits its capped rows in about this long, whatever its configured rate… */
const PREVIEW_BURST_S = 0.25;
/** …but no faster than this, which a MiniCluster keeps up with. */
const PREVIEW_MAX_RATE = 100_000;

/** Flink's exact DataGen option keys (rows-per-second, number-of-rows, fields.<name>.<option>). */
function options(config: DatagenConfig): Record<string, string> {
  const o: Record<string, string> = { "rows-per-second": String(config.rowsPerSecond) };
  if (config.numberOfRows !== undefined) o["number-of-rows"] = String(config.numberOfRows);
  for (const c of config.columns) {
    o[`fields.${c.name}.kind`] = c.kind;
    const keys = c.kind === "sequence" ? (["start", "end"] as const) : (["min", "max", "length"] as const);
    for (const k of keys) if (c[k] !== undefined) o[`fields.${c.name}.${k}`] = String(c[k]);
  }
  return o;
}

export const datagenKind = defineNodeKind<DatagenConfig>({
  kind: "datagen",
  version: 1,
  title: "Datagen",
  category: "source",
  description: "Generates rows: random values or sequences, at a fixed rate.",
  ports: { inputs: [], outputs: ["out"] },
  config: DatagenConfig,
  defaults: DatagenConfig.parse({}),
  inferRowType: ({ nodeId, config }) => sourceRowType(nodeId, config.eventTime, columnTypes(nodeId, config), config.processingTime),
  source: {
    // as Flink's DataGenTableSource plans it (bounded iff number-of-rows is set): a sequence column ends the job when
    // it runs out, yet the planner still treats the source as unbounded (no order by on it)
    unbounded: (config, nodeId) => (config.numberOfRows === undefined ? `datagen "${nodeId}" is unbounded; set number-of-rows` : null),
    previewCap: (d, rows) => {
      const o = { ...d.options };
      const n = Math.min(Number(o["number-of-rows"] ?? Infinity), rows);
      o["number-of-rows"] = String(n);
      o["rows-per-second"] = String(Math.max(Number(o["rows-per-second"] ?? 1), Math.min(PREVIEW_MAX_RATE, Math.ceil(n / PREVIEW_BURST_S))));
      return { ...d, options: o };
    },
  },
  toIr({ nodeId, config }) {
    const schema = config.columns.map((c) => ({ name: c.name, type: formatType(strictType(c.type)) }));
    return [{ op: "from", table: nodeId, descriptor: {
      connector: "datagen", schema, ...watermarkIr(config.eventTime), ...proctimeIr(config.processingTime), options: options(config),
    } }];
  },
});
