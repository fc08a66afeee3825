// Schemas the IR statements share (descriptors, windows, aggregates, joins, UDFs); each op is in ops/<op>.ts.
import { z } from "zod";
import { ExprSchema } from "../expr/ast";
import { AGGREGATE_NAMES } from "../expr/functions/aggregates";

/**
 * Aggregate functions of the groupBy and window statements; Java: count() / count().distinct() / sum() / avg() / min() /
 * max() / firstValue() / lastValue(); SQL: COUNT, COUNT(DISTINCT …), SUM, AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE.
 */
export const AGGREGATE_FUNCTIONS = AGGREGATE_NAMES;
export type AggregateFunction = string;

/** One output column of an aggregation: `fn` over `column`, named `as`. */
export const AggregateSchema = z.object({ fn: z.enum(AGGREGATE_FUNCTIONS), column: z.string(), as: z.string() });

const ms = z.number().int().min(1);
/**
 * The window table-valued function a window statement aggregates over (Flink offers them only in SQL): TUMBLE(size),
 * HOP(slide, size), SESSION(gap; partitioned by the keys), CUMULATE(step, size). Durations in milliseconds.
 */
export const WindowSpecSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("tumble"), timeColumn: z.string(), sizeMs: ms }),
  z.object({ type: z.literal("hop"), timeColumn: z.string(), sizeMs: ms, slideMs: ms }),
  z.object({ type: z.literal("session"), timeColumn: z.string(), gapMs: ms }),
  z.object({ type: z.literal("cumulate"), timeColumn: z.string(), stepMs: ms, sizeMs: ms }),
]);
export type WindowSpec = z.infer<typeof WindowSpecSchema>;

/** A processing-time attribute: Schema.newBuilder().columnByExpression(column, "PROCTIME()"), TIMESTAMP_LTZ(3). */
export const ProctimeSchema = z.object({ column: z.string() });
/** The type of a processing-time attribute (PROCTIME()). */
export const PROCTIME_TYPE = { root: "TIMESTAMP_LTZ", precision: 3, nullable: false } as const;

/**
 * An event-time watermark on a TIMESTAMP(3) column, bounded out-of-orderness:
 * Schema.newBuilder().watermark(column, $(column).minus(lit(delayMs).millis())).
 */
export const WatermarkSchema = z.object({ column: z.string(), delayMs: z.number().int().min(0) });

/**
 * A read-only column filled from the connector's metadata (a Kafka record's topic, partition, offset, timestamp,
 * headers): Schema.newBuilder().columnByMetadata(name, type, key, true), appended after the schema's columns.
 */
export const MetadataColumnSchema = z.object({ name: z.string(), type: z.string(), key: z.string() });
export type MetadataColumnIr = z.infer<typeof MetadataColumnSchema>;

/**
 * A Flink TableDescriptor: connector, optional schema (column name → Flink type syntax), metadata columns, watermark and
 * string options. `connection` names a stored connection (a Kafka cluster): the runner merges the options it provides
 * (pipeline/ir/connectors.ts) just before building the descriptor, so the IR never holds a secret.
 */
export const TableDescriptorSchema = z.object({
  connector: z.string(),
  connection: z.string().min(1).optional(),
  schema: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
  metadata: z.array(MetadataColumnSchema).min(1).optional(),
  watermark: WatermarkSchema.optional(),
  /** a processing-time column appended after the schema's columns */
  proctime: ProctimeSchema.optional(),
  /** PRIMARY KEY (…) NOT ENFORCED: the key an upsert sink writes by (Schema.Builder.primaryKey) */
  primaryKey: z.array(z.string()).min(1).optional(),
  options: z.record(z.string(), z.string()),
});
export type TableDescriptorIr = z.infer<typeof TableDescriptorSchema>;

/** Join types: Table.join / leftOuterJoin / rightOuterJoin / fullOuterJoin. */
export const JOIN_TYPES = ["inner", "left", "right", "full"] as const;
export type JoinType = (typeof JOIN_TYPES)[number];
/** Right columns renamed before a join (right.renameColumns($(from).as(to)…)) so no name is on both sides. */
export const RightRenames = z.array(z.object({ from: z.string(), to: z.string() }));
/** Equal key pairs: $(left).isEqual($(right)) and …; `right` is the right column's name after the renames. */
export const JoinKeys = z.array(z.object({ left: z.string(), right: z.string() })).min(1);
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const SortKey = z.object({ column: z.string(), direction: z.enum(SORT_DIRECTIONS) });
/** A TypeScript UDF in a statement: its name (the node id), code, and the typed columns it reads and returns. */
export const UdfSchema = z.object({
  name: z.string(), code: z.string(),
  inputColumns: z.array(z.object({ name: z.string(), type: z.string() })).min(1),
  outputColumns: z.array(z.object({ name: z.string(), type: z.string() })).min(1),
});
export type UdfIr = z.infer<typeof UdfSchema>;

/** Named expressions of select and addColumns: expr.as(name). */
export const FieldsSchema = z.array(z.object({ expr: ExprSchema, as: z.string() })).min(1);
/** Typed columns (name → Flink type syntax). */
export const ColumnsSchema = z.array(z.object({ name: z.string(), type: z.string() }));
