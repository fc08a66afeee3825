// TableProgram IR: the JSON contract between the server and jvm-runner. Each statement is one Table API call.
import { z } from "zod";
import { ExprSchema } from "./expr/ast";

export const IR_VERSION = 1;

/** A Flink TableDescriptor: connector, optional schema (column name → Flink type syntax) and string options. */
export const TableDescriptorSchema = z.object({
  connector: z.string(),
  schema: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
  options: z.record(z.string(), z.string()),
});
export type TableDescriptorIr = z.infer<typeof TableDescriptorSchema>;

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
  /** statementSet.add(input.insertInto(descriptor)); `sink` is the sink node id */
  z.object({ op: z.literal("insertInto"), sink: z.string(), input: z.string(), descriptor: TableDescriptorSchema }),
  /** rows of input are returned to StreamCanvas; the runner keeps the last maxRows */
  z.object({ op: z.literal("collect"), sink: z.string(), input: z.string(), maxRows: z.number().int().min(1).max(10000) }),
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
