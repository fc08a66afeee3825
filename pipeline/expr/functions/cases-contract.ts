// FunctionsITCase's input (pipeline/fixtures/function-cases.json): each edge case checked and printed as IR and as SQL,
// and the catalogue functions no case exercises (the contract test requires none).
import { sqlExpr } from "../../codegen/sql-expr";
import { formatType, parseType, type RowType } from "../../types";
import type { Expr } from "../ast";
import { analyzeExpr } from "../index";
import { CASE_TABLES, CASES, SQL_AS_WRITTEN } from "./cases";
import type { ContractCase } from "./contract";
import { CATALOGUE } from "./index";

export function caseTables() {
  return Object.fromEntries(Object.entries(CASE_TABLES).map(([name, t]) => [name, {
    columns: columnsOf(t.columns).map((c) => ({ name: c.name, type: formatType(c.type) })), lines: t.lines,
  }]));
}

/** "a INT, b STRING" read as the fields of a ROW type. */
function columnsOf(text: string): RowType {
  const r = parseType(`ROW<${text}>`);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return (r.type.fields ?? []).map((f) => ({ name: f.name, type: f.type }));
}

export function functionCases(): ContractCase[] {
  return CASES.map(([table, text, timeZone]) => {
    const r = analyzeExpr(text, columnsOf(CASE_TABLES[table]!.columns));
    if (!r.ok) throw new Error(`case ${text}: ${r.errors.map((e) => e.message).join("; ")}`);
    return {
      name: text + (timeZone ? ` @ ${timeZone}` : ""), table, ...(timeZone ? { timeZone } : {}), ir: r.expr, sql: sqlExpr(r.expr),
      ...(SQL_AS_WRITTEN.has(text) ? { sqlAsWritten: text } : {}), returns: formatType(r.type),
    };
  });
}

/** Texts in SQL_AS_WRITTEN that are no case (a typo there would silently compare nothing). */
export const strayAsWritten = () => [...SQL_AS_WRITTEN].filter((t) => !CASES.some(([, text]) => text === t));

/** IR names that appear in no case. */
export function uncovered(cases: ContractCase[]): string[] {
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.kind === "call") { seen.add(e.fn); e.args.forEach(walk); }
    if (e.kind === "cast") walk(e.expr);
  };
  cases.forEach((c) => walk(c.ir));
  return CATALOGUE.map((f) => f.ir).filter((ir) => !seen.has(ir));
}
