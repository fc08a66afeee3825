// Shared by kinds with expression fields: analyze a config string and pin its errors to the node and field.
import type { GraphError } from "../graph";
import { analyzeExpr, type Expr } from "../expr";
import type { DataType, RowType } from "../types";

export type FieldResult = { ok: true; expr: Expr; type: DataType } | { ok: false; errors: GraphError[] };

export function analyzeField(nodeId: string, field: string, text: string, rowType: RowType): FieldResult {
  const r = analyzeExpr(text, rowType);
  if (r.ok) return r;
  return { ok: false, errors: r.errors.map((e) => ({ nodeId, field, message: e.message, span: e.span })) };
}

/** For toIr, which only runs on graphs that validated: a failure here is a bug, not a user error. */
export function mustAnalyze(text: string, rowType: RowType): Expr {
  const r = analyzeExpr(text, rowType);
  if (!r.ok) throw new Error(`expression did not check although the graph validated: ${r.errors[0]?.message}`);
  return r.expr;
}
