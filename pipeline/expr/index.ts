// The expression language's public entry: analyzeExpr parses and type-checks user text in one step.
import type { DataType, RowType } from "../types";
import type { Expr } from "./ast";
import { checkExpr, type ExprError } from "./check";
import { parseExpr } from "./parse";

export type { Expr, FunctionName } from "./ast";
export type { ExprError } from "./check";
export type { Span } from "./tokenize";
export { checkExpr } from "./check";
export { parseExpr } from "./parse";
export { printExpr, printIdentifier } from "./print";

export type AnalyzeResult = { ok: true; expr: Expr; type: DataType } | { ok: false; errors: ExprError[] };

/** Parses `text` and type-checks it against `rowType`; errors carry 0-based [start, end) spans into `text`. */
export function analyzeExpr(text: string, rowType: RowType): AnalyzeResult {
  const p = parseExpr(text);
  if (!p.ok) return { ok: false, errors: [p.error] };
  return checkExpr(p.expr, rowType, p.spans);
}
