// defineOp: the one shape every IR op module exports (ops/<op>.ts), as defineNodeKind is for node kinds.
import type { z } from "zod";
import type { JavaPrinter } from "../codegen/java-kit";
import type { SqlPrinter } from "../codegen/sql-kit";
import type { Expr } from "../expr/ast";
import type { Column, RowType } from "../types";

/** What an op's row type rule is given: its input's row type, every earlier table's, and checks that name the statement. */
export type RowTypeContext = {
  /** the row type of the statement's `input` ([] when it has none) */
  input: RowType;
  /** row types of the tables defined so far */
  tables: Record<string, RowType>;
  /** the input's column of that name, or a CodegenError naming the statement */
  column: (name: string) => Column;
  /** named expressions typed over the input, or a CodegenError naming the statement and column */
  typed: (fields: { expr: Expr; as: string }[]) => RowType;
  /** throws a CodegenError prefixed with the op and its table */
  fail: (message: string) => never;
};

export type OpDef<Sch extends z.ZodObject<{ op: z.ZodLiteral<string> }> = z.ZodObject<{ op: z.ZodLiteral<string> }>> = {
  /** the statement's JSON shape, `op` a literal: the statement schema is the union of every op's */
  schema: Sch;
  /** the row type of the table the statement defines (sinks define none) */
  rowType?: (s: z.infer<Sch>, ctx: RowTypeContext) => RowType;
  /** the Java Table API lines jvm-runner's translator of the same name mirrors */
  java: (s: z.infer<Sch>, p: JavaPrinter) => string[];
  /** whether the Java print reads row types (computing them can fail where printing alone does not) */
  javaNeedsTypes?: (s: z.infer<Sch>) => boolean;
  /** the Flink SQL lines: a temporary table or view named as the statement's table */
  sql: (s: z.infer<Sch>, p: SqlPrinter) => string[];
};

export function defineOp<Sch extends z.ZodObject<{ op: z.ZodLiteral<string> }>>(def: OpDef<Sch>): OpDef<Sch> {
  return def;
}

/** The op's name, read from its schema's literal (stated once). */
export const opName = (def: OpDef<z.ZodObject<{ op: z.ZodLiteral<string> }>>): string => def.schema.shape.op.value;
