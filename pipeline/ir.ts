// TableProgram IR: the JSON contract between the server and jvm-runner. Each statement is one Table API call.
import { z } from "zod";
import { ExprSchema } from "./expr/ast";

export const IR_VERSION = 1;

/**
 * Aggregate functions of the groupBy and window statements; Java: count() / count().distinct() / sum() / avg() / min() /
 * max() / firstValue() / lastValue(); SQL: COUNT, COUNT(DISTINCT …), SUM, AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE.
 */
export const AGGREGATE_FUNCTIONS = ["count", "count_distinct", "sum", "avg", "min", "max", "first_value", "last_value"] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

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

/**
 * An event-time watermark on a TIMESTAMP(3) column, bounded out-of-orderness:
 * Schema.newBuilder().watermark(column, $(column).minus(lit(delayMs).millis())).
 */
export const WatermarkSchema = z.object({ column: z.string(), delayMs: z.number().int().min(0) });

/** A Flink TableDescriptor: connector, optional schema (column name → Flink type syntax), watermark and string options. */
export const TableDescriptorSchema = z.object({
  connector: z.string(),
  schema: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
  watermark: WatermarkSchema.optional(),
  /** a processing-time column appended after the schema's columns */
  proctime: ProctimeSchema.optional(),
  options: z.record(z.string(), z.string()),
});
export type TableDescriptorIr = z.infer<typeof TableDescriptorSchema>;

/** Join types: Table.join / leftOuterJoin / rightOuterJoin / fullOuterJoin. */
export const JOIN_TYPES = ["inner", "left", "right", "full"] as const;
export type JoinType = (typeof JOIN_TYPES)[number];
/** Right columns renamed before a join (right.renameColumns($(from).as(to)…)) so no name is on both sides. */
const RightRenames = z.array(z.object({ from: z.string(), to: z.string() }));
/** Equal key pairs: $(left).isEqual($(right)) and …; `right` is the right column's name after the renames. */
const JoinKeys = z.array(z.object({ left: z.string(), right: z.string() })).min(1);
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
const SortKey = z.object({ column: z.string(), direction: z.enum(SORT_DIRECTIONS) });
/** A TypeScript UDF in a statement: its name (the node id), code, and the typed columns it reads and returns. */
export const UdfSchema = z.object({
  name: z.string(), code: z.string(),
  inputColumns: z.array(z.object({ name: z.string(), type: z.string() })).min(1),
  outputColumns: z.array(z.object({ name: z.string(), type: z.string() })).min(1),
});
export type UdfIr = z.infer<typeof UdfSchema>;

/** `table` names the statement's result; `input` names an earlier result. Names are node ids. */
export const StatementSchema = z.discriminatedUnion("op", [
  /** tEnv.from(TableDescriptor) */
  z.object({ op: z.literal("from"), table: z.string(), descriptor: TableDescriptorSchema }),
  /** input.filter(predicate) */
  z.object({ op: z.literal("filter"), table: z.string(), input: z.string(), predicate: ExprSchema }),
  /** input.select(expr.as(name), …) */
  z.object({
    op: z.literal("select"), table: z.string(), input: z.string(),
    fields: z.array(z.object({ expr: ExprSchema, as: z.string() })).min(1),
  }),
  /**
   * tEnv.fromValues(DataTypes.ROW(columns…), row(cell…)…). A cell is encoded as an expression literal's value for its
   * column's type (numbers as exact decimal strings, times as ISO-8601 text, booleans, null).
   */
  z.object({
    op: z.literal("fromValues"), table: z.string(),
    columns: z.array(z.object({ name: z.string(), type: z.string() })).min(1),
    rows: z.array(z.array(z.union([z.string(), z.boolean(), z.null()]))).min(1),
    /** declared through tEnv.fromDataStream(tEnv.toDataStream(values), Schema with the watermark): VALUES has no schema hook */
    watermark: WatermarkSchema.optional(),
    /** a processing-time column appended after the columns; also declared through fromDataStream's Schema */
    proctime: ProctimeSchema.optional(),
  }),
  /** input.addColumns(expr.as(name), …) */
  z.object({
    op: z.literal("addColumns"), table: z.string(), input: z.string(),
    fields: z.array(z.object({ expr: ExprSchema, as: z.string() })).min(1),
  }),
  /** input.renameColumns($(from).as(to), …) */
  z.object({
    op: z.literal("renameColumns"), table: z.string(), input: z.string(),
    renames: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
  }),
  /** input.dropColumns($(name), …) */
  z.object({ op: z.literal("dropColumns"), table: z.string(), input: z.string(), columns: z.array(z.string()).min(1) }),
  /** input.unionAll(right) */
  z.object({ op: z.literal("unionAll"), table: z.string(), input: z.string(), right: z.string() }),
  /** input.distinct() */
  z.object({ op: z.literal("distinct"), table: z.string(), input: z.string() }),
  /** input.groupBy($(key)…).select($(key)…, $(column).<fn>().as(as)…); no keys = one global group (input.select(…)) */
  z.object({
    op: z.literal("groupBy"), table: z.string(), input: z.string(), keys: z.array(z.string()),
    aggregates: z.array(AggregateSchema).min(1),
  }),
  /**
   * Window aggregation over a window TVF, which the runner writes as SQL over a temporary view of input:
   *   SELECT window_start, window_end, key…, AGG(column) AS as… FROM TABLE(TUMBLE(TABLE view, DESCRIPTOR(timeColumn), …))
   *   GROUP BY window_start, window_end, key…   (SESSION partitions by the keys)
   */
  z.object({
    op: z.literal("window"), table: z.string(), input: z.string(),
    window: WindowSpecSchema,
    keys: z.array(z.string()),
    /** may be empty when there is a udf: a window computes at least one of them */
    aggregates: z.array(AggregateSchema),
    /**
     * An optional TypeScript aggregate (as udfAggregate's, with merge() for hop, session and cumulate): registered under
     * a generated function name, called on its input columns in the same GROUP BY, its output columns appended.
     */
    udf: UdfSchema.optional(),
  }).refine((w) => w.aggregates.length > 0 || w.udf !== undefined, {
    path: ["aggregates"], message: "a window needs at least one aggregate or a udf",
  }),
  /** input.join(right', keys) (or leftOuterJoin / rightOuterJoin / fullOuterJoin), right' = right.renameColumns(rightRenames) */
  z.object({
    op: z.literal("join"), table: z.string(), input: z.string(), right: z.string(),
    joinType: z.enum(JOIN_TYPES), rightRenames: RightRenames, keys: JoinKeys,
  }),
  /**
   * An event-time interval join: input.join(right', keys and $(leftTime) >= $(rightTime) + lowerMs and
   * $(leftTime) <= $(rightTime) + upperMs) — equi-keys plus two range bounds on both sides' rowtime attributes is what
   * Flink's planner runs as an interval join (state kept only for the interval). The output keeps the left time column
   * as its time attribute; the right one is cast to a plain TIMESTAMP(3) (a table with two rowtimes cannot be collected).
   */
  z.object({
    op: z.literal("intervalJoin"), table: z.string(), input: z.string(), right: z.string(),
    joinType: z.enum(JOIN_TYPES), rightRenames: RightRenames, keys: JoinKeys,
    leftTime: z.string(), rightTime: z.string(), lowerMs: z.number().int(), upperMs: z.number().int(),
  }),
  /**
   * First or last row per key, SQL only: SELECT cols FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY keys ORDER BY
   * time ASC|DESC) AS rn FROM view) WHERE rn = 1. No timeColumn = processing time (PROCTIME() added in a subquery).
   */
  z.object({
    op: z.literal("deduplicate"), table: z.string(), input: z.string(), keys: z.array(z.string()).min(1),
    keep: z.enum(["first", "last"]), timeColumn: z.string().optional(),
  }),
  /**
   * The top n rows per partition, SQL only: SELECT cols[, rn AS rankColumn] FROM (SELECT *, ROW_NUMBER() OVER
   * (PARTITION BY partitionBy ORDER BY column dir) AS rn FROM view) WHERE rn <= n. An updating result.
   */
  z.object({
    op: z.literal("topN"), table: z.string(), input: z.string(), partitionBy: z.array(z.string()),
    orderBy: SortKey, n: z.number().int().min(1), rankColumn: z.string().optional(),
  }),
  /** input.orderBy($(column).asc()|desc()…).fetch(fetch); the graph offers it only on bounded inputs */
  z.object({
    op: z.literal("orderBy"), table: z.string(), input: z.string(), orderBy: z.array(SortKey).min(1),
    fetch: z.number().int().min(1),
  }),
  /** statementSet.add(input.insertInto(descriptor)); `sink` is the sink node id */
  z.object({ op: z.literal("insertInto"), sink: z.string(), input: z.string(), descriptor: TableDescriptorSchema }),
  /** rows of input are returned to StreamCanvas; the runner keeps the last maxRows */
  z.object({ op: z.literal("collect"), sink: z.string(), input: z.string(), maxRows: z.number().int().min(1).max(10000) }),
  /**
   * A TypeScript map UDF: input.addColumns(call(tsUdf, row($(inputColumn)…))) then a select in which the output columns
   * replace same-named input columns in place and the others are appended. `code` is the bundled ES module whose
   * `export default function (row)` returns an object of the output columns (value encoding: jvm-runner/udf-worker/README.md).
   * pipeline's compile() leaves the ts-map node's TypeScript source here; the server (server/udf) type-checks it and
   * swaps in the bundle, so the runner only ever receives JavaScript.
   */
  z.object({ op: z.literal("udfMap"), table: z.string(), input: z.string(), udf: UdfSchema }),
  /**
   * A TypeScript filter UDF: the rows for which `export default function (row): boolean` returns true (jvm-runner: an
   * async scalar call, then a filter). The udf has no outputColumns.
   */
  z.object({ op: z.literal("udfFilter"), table: z.string(), input: z.string(), udf: UdfSchema.omit({ outputColumns: true }) }),
  /**
   * A TypeScript flatMap UDF (a table function): `export default function (row)` returns an array or iterable of
   * objects of the output columns; each input row yields those rows, in which the output columns replace same-named
   * input columns in place and the others are appended (jvm-runner: an async scalar call returning the rows, then
   * CROSS JOIN UNNEST).
   */
  z.object({ op: z.literal("udfFlatMap"), table: z.string(), input: z.string(), udf: UdfSchema }),
  /**
   * A TypeScript aggregate UDF per group: input.groupBy($(key)…).select($(key)…, call(tsAggregate, $(inputColumn)…)),
   * giving the keys then the output columns. The module exports `create(): Acc`, `add(acc, row): Acc`, optionally
   * `merge(a, b): Acc`, and `default result(acc)` returning the output columns. No keys = one group.
   */
  z.object({ op: z.literal("udfAggregate"), table: z.string(), input: z.string(), keys: z.array(z.string()), udf: UdfSchema }),
]);
export type Statement = z.infer<typeof StatementSchema>;

export const TableProgramSchema = z.object({
  irVersion: z.literal(IR_VERSION),
  name: z.string(),
  /** Flink configuration for the job, e.g. {"parallelism.default": "1"} */
  config: z.record(z.string(), z.string()).default({}),
  statements: z.array(StatementSchema).min(1),
});
export type TableProgram = z.infer<typeof TableProgramSchema>;
