// jdbc-source: reads a PostgreSQL table, or the rows of a query the user writes, once (Flink's jdbc connector, a
// bounded scan) through a named connection; optionally split into partitions by a numeric column's range.
import { z } from "zod";
import { formatType, isNumeric, type as strictType } from "../types";
import { PREVIEW_SCAN_LIMIT } from "../ir/connectors";
import { findColumn } from "./column-ref";
import { declaredColumns } from "./declared-columns";
import { defineNodeKind } from "./define";
import { EventTimeSchema, sourceRowType, watermarkIr } from "./event-time";
import { PgConnectionSchema, pgColumnErrors, PgSchemaName, pgTableErrors, PgTableName, pgTableName } from "./jdbc-common";

const Column = z.object({
  name: z.string().min(1, "name the column").meta({ title: "Name", description: "The column's name in the table or query." }),
  type: z.string().min(1, "give a Flink type, e.g. BIGINT").default("STRING").meta({
    title: "Type", description: "Flink type as Flink's PostgreSQL mapper gives it, e.g. BIGINT, STRING, DECIMAL(10, 2), TIMESTAMP(6).",
  }),
});

const JdbcSourceConfig = z.object({
  connection: PgConnectionSchema,
  read: z.enum(["table", "query"]).default("table").meta({
    title: "Read", description: "table: every row of a table; query: the rows of a SELECT you write (run by PostgreSQL as written).",
  }),
  schema: PgSchemaName,
  table: PgTableName,
  query: z.string().default("").meta({
    title: "Query", description: "A SELECT run by PostgreSQL (Read: query); its result columns are the columns below, by name.",
  }),
  columns: z.array(Column).default([{ name: "id", type: "BIGINT" }]).meta({
    title: "Columns", description: "The columns read, with their Flink types (Propose columns fills them from the table).",
  }),
  partitionColumn: z.string().default("").meta({
    title: "Partition column", description: "Split the scan into ranges of this numeric, date or timestamp column (scan.partition.column); empty: one scan.",
  }),
  lowerBound: z.number().int().optional().meta({ title: "Partition lower bound", description: "The smallest value of the first range (scan.partition.lower-bound)." }),
  upperBound: z.number().int().optional().meta({ title: "Partition upper bound", description: "The largest value of the last range (scan.partition.upper-bound)." }),
  partitions: z.number().int().min(1).optional().meta({ title: "Partitions", description: "How many ranges (scan.partition.num)." }),
  fetchSize: z.number().int().min(0).default(0).meta({ title: "Fetch size", description: "Rows fetched per round trip (scan.fetch-size); 0: the driver's default." }),
  eventTime: EventTimeSchema,
});
type JdbcSourceConfig = z.infer<typeof JdbcSourceConfig>;

function ownColumns(nodeId: string, c: JdbcSourceConfig) {
  const declared = declaredColumns(nodeId, c.columns);
  const errors = [...declared.errors, ...pgColumnErrors(nodeId, "columns", c.columns, "column")];
  if (c.connection.trim() === "") errors.push({ nodeId, field: "connection", message: "choose a PostgreSQL connection" });
  if (c.read === "table") errors.push(...pgTableErrors(nodeId, c).filter((e) => e.field !== "connection"));
  if (c.read === "query" && c.query.trim() === "") errors.push({ nodeId, field: "query", message: "write the SELECT to read" });
  if (c.partitionColumn !== "") {
    const ref = findColumn(nodeId, "partitionColumn", c.partitionColumn, declared.rowType);
    if (!ref.ok) errors.push(ref.error);
    else if (!isNumeric(ref.column.type) && !["DATE", "TIMESTAMP"].includes(ref.column.type.root)) {
      errors.push({ nodeId, field: "partitionColumn", message: `a partition column is numeric, a date or a timestamp; "${c.partitionColumn}" is not` });
    }
    for (const f of ["lowerBound", "upperBound", "partitions"] as const) {
      if (c[f] === undefined) errors.push({ nodeId, field: f, message: "a partitioned scan needs both bounds and the number of partitions" });
    }
    if (c.lowerBound !== undefined && c.upperBound !== undefined && c.lowerBound > c.upperBound) {
      errors.push({ nodeId, field: "upperBound", message: "the upper bound is below the lower bound" });
    }
  }
  return { rowType: declared.rowType, errors };
}

/** Flink's table-name: the quoted table, or the user's query as a derived table (PostgreSQL runs it as written). */
function tableName(c: JdbcSourceConfig): string {
  if (c.read === "table") return pgTableName(c.schema, c.table);
  // own lines, so a trailing `-- comment` in the query cannot swallow the closing parenthesis
  return `(\n${c.query.replace(/[;\s]+$/, "").trim()}\n) AS streamcanvas_query`;
}

export const jdbcSourceKind = defineNodeKind<JdbcSourceConfig>({
  kind: "jdbc-source",
  version: 1,
  title: "PostgreSQL",
  category: "source",
  description: "Reads a PostgreSQL table, or a query's rows, once (bounded); optionally in parallel ranges of a column.",
  ports: { inputs: [], outputs: ["out"] },
  config: JdbcSourceConfig,
  defaults: JdbcSourceConfig.parse({}),
  connection: { kind: "postgres" },
  inferRowType: ({ nodeId, config }) => sourceRowType(nodeId, config.eventTime, ownColumns(nodeId, config)),
  source: {
    unbounded: () => null,
    // a preview reads LIMIT 100 (the runner pushes a limit into Flink's jdbc scan), never the whole table
    previewCap: (d) => ({ ...d, options: { ...d.options, [PREVIEW_SCAN_LIMIT]: "100" } }),
  },
  toIr({ nodeId, config: c }) {
    const options: Record<string, string> = { "table-name": tableName(c) };
    if (c.partitionColumn !== "") {
      options["scan.partition.column"] = c.partitionColumn;
      options["scan.partition.lower-bound"] = String(c.lowerBound);
      options["scan.partition.upper-bound"] = String(c.upperBound);
      options["scan.partition.num"] = String(c.partitions);
    }
    if (c.fetchSize > 0) options["scan.fetch-size"] = String(c.fetchSize);
    const schema = c.columns.map((col) => ({ name: col.name, type: formatType(strictType(col.type)) }));
    return [{ op: "from", table: nodeId, descriptor: { connector: "jdbc", connection: c.connection, schema, ...watermarkIr(c.eventTime), options } }];
  },
});
