// values: a bounded source of rows typed into the inspector (Flink's TableEnvironment#fromValues).
import { z } from "zod";
import type { GraphError } from "../graph";
import { formatType, type RowType, type as strictType } from "../types";
import { declaredColumns } from "./declared-columns";
import { defineNodeKind } from "./define";
import { sourceRowType, EventTimeSchema, ProcessingTimeSchema, proctimeIr, watermarkIr } from "./event-time";
import { type CellValue, readCell } from "./value-cells";

const ValuesColumn = z.object({
  name: z.string().min(1, "name the column").meta({ title: "Name", description: "Column name; any text, spaces and quotes included." }),
  type: z.string().min(1, "give a Flink type, e.g. BIGINT").default("STRING").meta({
    title: "Type",
    description: "Flink type, e.g. BIGINT, DOUBLE, STRING, DECIMAL(10, 2), DATE, TIMESTAMP(3); add NOT NULL to forbid NULL.",
  }),
});

const ValuesConfig = z.object({
  columns: z.array(ValuesColumn).default([
    { name: "id", type: "BIGINT" },
    { name: "name", type: "STRING" },
  ]).meta({ title: "Columns", description: "The columns, in order." }),
  rows: z.array(z.array(z.string()).meta({ title: "Row", description: "One cell per column, in column order." })).default([
    ["1", "'first'"],
    ["2", "'second'"],
  ]).meta({
    title: "Rows",
    description: "One literal per cell: 42, -1.5, 'text', TRUE, NULL; dates and times as text, e.g. '2024-01-31 12:00:00.000'.",
  }),
  eventTime: EventTimeSchema,
  processingTime: ProcessingTimeSchema,
});
type ValuesConfig = z.infer<typeof ValuesConfig>;

/** The row type and the cells in IR encoding; errors pinned to `columns.<i>.*` and `rows.<r>.<c>`. */
function readValues(nodeId: string, config: ValuesConfig): { rowType: RowType; rows: CellValue[][]; errors: GraphError[] } {
  const { rowType, errors } = declaredColumns(nodeId, config.columns);
  if (config.rows.length === 0) errors.push({ nodeId, field: "rows", message: "add at least one row" });
  if (errors.length) return { rowType, rows: [], errors };
  const rows = config.rows.map((cells, r) => {
    if (cells.length !== rowType.length) {
      errors.push({ nodeId, field: `rows.${r}`, message: `row ${r + 1} has ${cells.length} cells for ${rowType.length} columns` });
    }
    return rowType.map((col, c) => {
      const read = readCell(cells[c] ?? "", col.type);
      if (read.ok) return read.value;
      if (c < cells.length) errors.push({ nodeId, field: `rows.${r}.${c}`, message: `${col.name}: ${read.message}` });
      return null;
    });
  });
  return { rowType, rows, errors };
}

export const valuesKind = defineNodeKind<ValuesConfig>({
  kind: "values",
  version: 1,
  title: "Values",
  category: "source",
  description: "A fixed list of rows typed in by hand; the source ends after the last row.",
  ports: { inputs: [], outputs: ["out"] },
  config: ValuesConfig,
  defaults: ValuesConfig.parse({}),
  inferRowType: ({ nodeId, config }) => sourceRowType(nodeId, config.eventTime, readValues(nodeId, config), config.processingTime),
  // the source ends after its last row
  source: { unbounded: () => null },
  toIr({ nodeId, config }) {
    const { rows } = readValues(nodeId, config);
    const columns = config.columns.map((c) => ({ name: c.name, type: formatType(strictType(c.type)) }));
    return [{ op: "fromValues", table: nodeId, columns, rows, ...watermarkIr(config.eventTime), ...proctimeIr(config.processingTime) }];
  },
});
