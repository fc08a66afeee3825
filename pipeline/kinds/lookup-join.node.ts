// lookup-join: enriches each row of a stream from a PostgreSQL table by key, as of processing time (Flink's JDBC
// lookup, FOR SYSTEM_TIME AS OF): drawn as a join whose right side is the table, with an optional partial cache.
import { z } from "zod";
import { formatType, type RowType, type as strictType } from "../types";
import { declaredColumns } from "./declared-columns";
import { defineNodeKind } from "./define";
import { joinColumns, RightPrefix, RightSuffix } from "./join-columns";
import { PgConnectionSchema, pgColumnErrors, PgSchemaName, pgTableErrors, PgTableName, pgTableName } from "./jdbc-common";

const Column = z.object({
  name: z.string().min(1, "name the column").meta({ title: "Name", description: "A column of the table." }),
  type: z.string().min(1, "give a Flink type, e.g. BIGINT").default("STRING").meta({ title: "Type", description: "Its Flink type, as Flink's PostgreSQL mapper gives it." }),
});

const LookupJoinConfig = z.object({
  connection: PgConnectionSchema,
  schema: PgSchemaName,
  table: PgTableName,
  columns: z.array(Column).default([{ name: "id", type: "BIGINT" }]).meta({
    title: "Table columns", description: "The table's columns added to each row (Propose from the table list); the right side of the join.",
  }),
  keys: z.array(z.object({
    left: z.string().default("").meta({ title: "Stream column", description: "A column of the input stream." }),
    right: z.string().default("").meta({ title: "Table column", description: "The table's column equal to it (ideally its primary key or an indexed column)." }),
  })).default([]).meta({ title: "Keys", description: "A table row matches when every pair is equal." }),
  joinType: z.enum(["inner", "left"]).default("left").meta({
    title: "Join type", description: "left: every stream row, the table's columns NULL where no row matches; inner: only rows with a match.",
  }),
  rightPrefix: RightPrefix,
  rightSuffix: RightSuffix,
  cache: z.enum(["none", "partial"]).default("none").meta({
    title: "Lookup cache", description: "none: every row asks the database; partial: rows looked up are kept for the TTL (lookup.cache PARTIAL).",
  }),
  cacheMaxRows: z.number().int().min(1).default(10000).meta({ title: "Cache size (rows)", description: "The most table rows the cache keeps (lookup.partial-cache.max-rows)." }),
  cacheTtlSeconds: z.number().int().min(1).default(60).meta({
    title: "Cache TTL (s)", description: "How long a cached row is used before it is looked up again (lookup.partial-cache.expire-after-write).",
  }),
  maxRetries: z.number().int().min(0).default(3).meta({ title: "Max retries", description: "Retries of a failed lookup before the job fails (lookup.max-retries)." }),
});
type LookupJoinConfig = z.infer<typeof LookupJoinConfig>;

function shape(nodeId: string, c: LookupJoinConfig, left: RowType) {
  const right = declaredColumns(nodeId, c.columns);
  const joined = joinColumns(nodeId, { ...c }, left, right.rowType);
  const errors = [...pgTableErrors(nodeId, c), ...right.errors, ...pgColumnErrors(nodeId, "columns", c.columns, "column"), ...joined.errors];
  const renamed = right.rowType.map((col) => ({
    name: joined.rightName(col.name), type: c.joinType === "left" ? { ...col.type, nullable: true } : col.type,
  }));
  // the stream's columns pass as they are: a lookup keeps their time attributes
  return { rowType: errors.length ? undefined : [...left, ...renamed], errors, renames: joined.renames };
}

export const lookupJoinKind = defineNodeKind<LookupJoinConfig>({
  kind: "lookup-join",
  version: 1,
  title: "Lookup join (PostgreSQL)",
  category: "transform",
  description: "Enriches each row from a PostgreSQL table by key, as the table is when the row arrives (processing time).",
  ports: { inputs: ["left"], outputs: ["out"] },
  config: LookupJoinConfig,
  defaults: LookupJoinConfig.parse({}),
  connection: { kind: "postgres" },
  inferRowType({ nodeId, config, inputs }) {
    const { rowType, errors } = shape(nodeId, config, inputs.left!);
    return { rowType, errors };
  },
  toIr({ nodeId, config: c, inputs, inputTypes }) {
    const { renames } = shape(nodeId, c, inputTypes.left!);
    const options: Record<string, string> = { "table-name": pgTableName(c.schema, c.table), "lookup.max-retries": String(c.maxRetries) };
    if (c.cache === "partial") {
      options["lookup.cache"] = "PARTIAL";
      options["lookup.partial-cache.max-rows"] = String(c.cacheMaxRows);
      options["lookup.partial-cache.expire-after-write"] = `${c.cacheTtlSeconds} s`;
    }
    const schema = c.columns.map((col) => ({ name: col.name, type: formatType(strictType(col.type)) }));
    return [{
      op: "lookupJoin", table: nodeId, input: inputs.left!, joinType: c.joinType, rightRenames: renames,
      keys: c.keys.map((k) => ({ left: k.left, right: k.right })),
      descriptor: { connector: "jdbc", connection: c.connection, schema, options },
    }];
  },
});
