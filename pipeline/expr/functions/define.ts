// The shape of one row of the function catalogue: everything the parser, checker, completion and both printers need.
import type { DataType } from "../../types";

/** What an argument may be; the checker's messages name the family ("UPPER needs strings, …"). */
export type Family =
  | "any" | "string" | "numeric" | "integer" | "exact" | "boolean"
  | "temporal" | "timestamp" | "array" | "map" | "collection"
  /** a time unit written as a bare word (DAY), carried in the IR as a string literal naming Flink's enum constant */
  | "unit"
  /** a string literal the Table API takes as a Java String (a JSON path) */
  | "text";

export type Param = {
  name: string;
  family: Family;
  /** the type an untyped NULL argument takes: a type, or "like" = the type of the other "like" arguments */
  nullAs?: DataType | "like";
  /** units a "unit" parameter accepts */
  units?: readonly string[];
  optional?: boolean;
  /** the last parameter may repeat */
  variadic?: boolean;
  /** the Java enum a "unit" parameter's constant belongs to (default TimeIntervalUnit) */
  javaEnum?: "TimeIntervalUnit" | "TimePointUnit";
};

/** An argument as the return-type rule sees it: its type (NULLs settled) and, for a literal, its value. */
export type Arg = { type: DataType; value?: string | boolean | null };
/** A type, or why these arguments are refused (`arg`: 0-based argument to point at; else the whole call). */
export type RuleResult = DataType | { error: string; arg?: number };

/**
 * How the call is written. The expression language and Flink SQL share these forms; `call` is NAME(a, b).
 * The others are the grammar that is not a plain call: infix and prefix operators, IS … postfixes, BETWEEN, IN,
 * CASE, EXTRACT(unit FROM x), FLOOR/CEIL(x TO unit), POSITION(a IN b), JSON_OBJECT(k VALUE v), a bare word (CURRENT_DATE).
 */
export type Form =
  | { kind: "call" }
  | { kind: "bare" }
  | { kind: "infix"; sym: string; prec: number }
  | { kind: "prefix"; sym: string; prec: number }
  | { kind: "postfix"; sym: string }
  | { kind: "between"; negated: boolean }
  | { kind: "in" }
  | { kind: "case" }
  | { kind: "extract" }
  | { kind: "floorTo" }
  | { kind: "position" }
  | { kind: "jsonObject" }
  | { kind: "get" }
  | { kind: "at" }
  /** INTERVAL '5' MINUTE: a literal whose one argument is the count (interval-text.ts reads and prints it) */
  | { kind: "interval" };

export type Category = "operator" | "conditional" | "string" | "math" | "temporal" | "json" | "collection" | "hashing";

/** How the Java Table API writes the call: a method on the first argument, a static of Expressions, or a left fold a.f(b).f(c). */
export type JavaCall = "method" | "static" | "fold";

export type FunctionDef = {
  /** as users type it (UPPER); for operators the symbol's name in messages */
  name: string;
  aliases?: readonly string[];
  /** IR name: the ApiExpression method (or Expressions static) the runner calls, e.g. upperCase */
  ir: string;
  /**
   * the BuiltInFunctionDefinitions name Flink resolves the call to (checked against Flink by IrContractTest); null when
   * the method builds a literal instead of a call (lit(5).minutes() is an INTERVAL literal)
   */
  builtin: string | null;
  category: Category;
  params: readonly Param[];
  returns: (args: Arg[]) => RuleResult;
  /** language form; `sql` overrides it for the SQL printer (MOD(a, b) for %) */
  form?: Form;
  sql?: Form & { name?: string };
  java: JavaCall;
  /** Java constants passed before the arguments (jsonObject(JsonOnNull.NULL, …)) */
  javaLead?: readonly string[];
  signature: string;
  description: string;
  /** argument type lists whose result Flink's own inference is checked against (the contract test adds nullable twins) */
  examples: readonly (readonly string[])[];
  /** differs per call (RAND, NOW): the ITCase compares only what is stable */
  volatile?: boolean;
};

export const minArgs = (f: FunctionDef) => f.params.filter((p) => !p.optional).length;
/** -1: no upper bound */
export const maxArgs = (f: FunctionDef) => (f.params.some((p) => p.variadic) ? -1 : f.params.length);
/** The parameter argument i binds to (the variadic last one repeats). */
export function paramAt(f: FunctionDef, i: number): Param | undefined {
  if (i < f.params.length) return f.params[i];
  const last = f.params[f.params.length - 1];
  return last?.variadic ? last : undefined;
}

/** Binding strength as in Calcite/Flink SQL: OR < AND < NOT < IS / LIKE / BETWEEN / IN < comparisons < + - < * / % < unary minus. */
export const PREC = { or: 22, and: 24, not: 26, is: 28, cmp: 30, add: 40, mul: 60, neg: 80, atom: 100 } as const;
