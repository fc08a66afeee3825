// TableProgram IR: the JSON contract between the server and jvm-runner. Each statement is one Table API call, declared
// once in ops/<op>.ts; this index assembles the statement schema, the row type rules and both printers from them.
import { z } from "zod";
import { type JavaContext, javaPrinter } from "../codegen/java-kit";
import { CodegenError } from "../codegen/literal";
import { type SqlContext, sqlPrinter } from "../codegen/sql-kit";
import type { RowType } from "../types";
import { type OpDef, opName } from "./define-op";
import { rowTypeContext } from "./row-types";
import { addColumnsOp } from "./ops/add-columns";
import { collectOp } from "./ops/collect";
import { deduplicateOp } from "./ops/deduplicate";
import { distinctOp } from "./ops/distinct";
import { dropColumnsOp } from "./ops/drop-columns";
import { filterOp } from "./ops/filter";
import { fromOp } from "./ops/from";
import { fromValuesOp } from "./ops/from-values";
import { groupByOp } from "./ops/group-by";
import { insertIntoOp } from "./ops/insert-into";
import { intervalJoinOp } from "./ops/interval-join";
import { joinOp } from "./ops/join";
import { limitOp } from "./ops/limit";
import { lookupJoinOp } from "./ops/lookup-join";
import { orderByOp } from "./ops/order-by";
import { renameColumnsOp } from "./ops/rename-columns";
import { selectOp } from "./ops/select";
import { topNOp } from "./ops/top-n";
import { udfAggregateOp } from "./ops/udf-aggregate";
import { udfFilterOp } from "./ops/udf-filter";
import { udfFlatMapOp } from "./ops/udf-flat-map";
import { udfMapOp } from "./ops/udf-map";
import { unionAllOp } from "./ops/union-all";
import { windowOp } from "./ops/window";

export * from "./schemas";
export const IR_VERSION = 1;

/** Every op, in the order the statement schema lists them. */
export const OPS = [
  fromOp, filterOp, selectOp, fromValuesOp, addColumnsOp, renameColumnsOp, dropColumnsOp, unionAllOp, distinctOp,
  groupByOp, windowOp, joinOp, intervalJoinOp, deduplicateOp, topNOp, orderByOp, limitOp, insertIntoOp, collectOp,
  udfMapOp, udfFilterOp, udfFlatMapOp, udfAggregateOp, lookupJoinOp,
] as const;

type Schemas<T extends readonly { schema: unknown }[]> = { -readonly [K in keyof T]: T[K]["schema"] };

/** `table` names the statement's result; `input` names an earlier result. Names are node ids. */
export const StatementSchema = z.discriminatedUnion("op", OPS.map((o) => o.schema) as unknown as Schemas<typeof OPS>);
export type Statement = z.infer<typeof StatementSchema>;

export const TableProgramSchema = z.object({
  irVersion: z.literal(IR_VERSION),
  name: z.string(),
  /** Flink configuration for the job, e.g. {"parallelism.default": "1"} */
  config: z.record(z.string(), z.string()).default({}),
  statements: z.array(StatementSchema).min(1),
});
export type TableProgram = z.infer<typeof TableProgramSchema>;

/** An op's declaration, looked up by its name. */
type AnyOp = OpDef<z.ZodObject<{ op: z.ZodLiteral<string> }>> & { [k: string]: unknown };
const BY_NAME = new Map<string, AnyOp>(OPS.map((o) => [opName(o as unknown as AnyOp), o as unknown as AnyOp]));
function opOf(s: Statement): AnyOp {
  const op = BY_NAME.get(s.op);
  if (!op) throw new CodegenError(`unknown statement op ${JSON.stringify(s.op)}`);
  return op;
}

/** The row type of the table a statement defines, given the tables defined before it (undefined for sinks). */
export function statementRowType(s: Statement, tables: Record<string, RowType>): RowType | undefined {
  return opOf(s).rowType?.(s as never, rowTypeContext(s, tables));
}

/** One statement as Java Table API lines. */
export function javaStatement(s: Statement, ctx: JavaContext): string[] {
  return opOf(s).java(s as never, javaPrinter(s, ctx));
}

/** Whether printing the statement as Java reads the row types of tables. */
export const javaNeedsTypes = (s: Statement): boolean => opOf(s).javaNeedsTypes?.(s as never) ?? false;

/** One statement as Flink SQL lines. */
export function sqlStatement(s: Statement, ctx: SqlContext): string[] {
  return opOf(s).sql(s as never, sqlPrinter(s, ctx));
}
