// The functions section of the IR contract file (pipeline/fixtures/ir-contract.json): what jvm-runner's Functions
// builds from and IrContractTest checks (names are Flink built-ins); and the typings (example calls with the types the
// checker infers, in pipeline/fixtures/function-cases.json) IrContractTest has Flink infer too.
import { type DataType, formatType, type RowType, type } from "../../types";
import type { Expr } from "../ast";
import { checkExpr } from "../check";
import { stringLiteral } from "../literals";
import { aggregateAccepts, AGGREGATES } from "./aggregates";
import { CATALOGUE, type FunctionDef, maxArgs, minArgs, paramAt } from "./index";

export type ContractExample = { name: string; columns: { name: string; type: string }[]; expr: Expr; returns: string };
export type ContractFunction = {
  ir: string; name: string; builtin: string | null; java: FunctionDef["java"]; javaLead: readonly string[];
  minArgs: number; maxArgs: number;
  /** per parameter: expr (an expression), unit (an enum constant's name), text (a Java String) */
  params: { name: string; kind: "expr" | "unit" | "text"; variadic: boolean }[];
};

const nullableTwin = (t: string) => formatType({ ...type(t), nullable: true });

/** One example call: columns c0… of the example's types; "=n" is an INT literal, "='k'" a string literal, a unit parameter takes the word itself. */
function example(f: FunctionDef, args: readonly string[]): ContractExample {
  const columns: { name: string; type: string }[] = [];
  const exprArgs = args.map((a, i): Expr => {
    const family = paramAt(f, i)!.family;
    if (family === "unit") return stringLiteral(a);
    if (family === "text") return stringLiteral("$.a");
    if (a.startsWith("='")) return stringLiteral(a.slice(2, -1));
    if (a.startsWith("=")) return { kind: "lit", value: a.slice(1), type: "INT NOT NULL" };
    const name = `c${columns.length}`;
    columns.push({ name, type: a });
    return { kind: "col", name };
  });
  const rowType: RowType = columns.map((c) => ({ name: c.name, type: type(c.type) }));
  const r = checkExpr({ kind: "call", fn: f.ir, args: exprArgs }, rowType);
  if (!r.ok) throw new Error(`${f.name}(${args.join(", ")}): ${r.errors.map((e) => e.message).join("; ")}`);
  return { name: `${f.name}(${args.join(", ")})`, columns, expr: r.expr, returns: formatType(r.type) };
}

function examples(f: FunctionDef): ContractExample[] {
  const out: ContractExample[] = [];
  for (const args of f.examples) {
    out.push(example(f, args));
    const twin = args.map((a, i) => (paramAt(f, i)!.family === "unit" || a.startsWith("=") || paramAt(f, i)!.family === "text" ? a : nullableTwin(a)));
    if (twin.some((a, i) => a !== args[i])) out.push(example(f, twin));
  }
  return out;
}

export function functionContract(): ContractFunction[] {
  return CATALOGUE.map((f) => ({
    ir: f.ir, name: f.name, builtin: f.builtin, java: f.java, javaLead: f.javaLead ?? [],
    minArgs: minArgs(f), maxArgs: maxArgs(f),
    params: f.params.map((p) => ({ name: p.name, kind: p.family === "unit" || p.family === "text" ? p.family : "expr", variadic: p.variadic === true })),
  }));
}

export type ContractAggregate = { ir: string; builtin: string; java: readonly string[]; sql: string; distinct: boolean };

/** The aggregates section: the runner's Aggregates calls `java` in turn on the column, or writes `sql` in window SQL. */
export const aggregateContract = (): ContractAggregate[] =>
  AGGREGATES.map((a) => ({ ir: a.ir, builtin: a.builtin, java: a.java, sql: a.sql, distinct: a.distinct === true }));

const AGGREGATE_COLUMNS = ["INT NOT NULL", "INT", "BIGINT", "DECIMAL(10, 2) NOT NULL", "DOUBLE", "STRING NOT NULL", "STRING", "TIMESTAMP(3)"];

/** Each aggregate over each column type it accepts, with the type the aggregate catalogue gives it. */
export const aggregateTypings = () => AGGREGATES.flatMap((a) => AGGREGATE_COLUMNS.filter((c) => aggregateAccepts(a, type(c)))
  .flatMap((c) => [true, false].map((grouped) => ({ fn: a.ir, column: c, grouped, returns: formatType(a.returns(type(c), grouped)) }))));

/** Every catalogue example, and its twin with every argument nullable, typed by the checker. */
export const functionTypings = (): ContractExample[] => CATALOGUE.flatMap(examples);

export type { DataType };

/** One FunctionsITCase row: the expression checked over its table, as IR and as the SQL printer writes it. */
export type ContractCase = { name: string; table: string; timeZone?: string; ir: Expr; sql: string; sqlAsWritten?: string; returns: string };
