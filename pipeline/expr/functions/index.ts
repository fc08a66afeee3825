// The function catalogue: every built-in the expression language knows, one row each, looked up by IR name and by name.
import { COLLECTIONS, ACCESS } from "./collections";
import { CONDITIONALS } from "./conditionals";
import type { FunctionDef } from "./define";
import { JSON_FUNCTIONS } from "./json";
import { MATH } from "./math";
import { OPERATORS } from "./operators";
import { STRINGS } from "./strings";
import { TEMPORAL } from "./temporal";

export type { Arg, Family, Form, FunctionDef, Param } from "./define";
export { maxArgs, minArgs, paramAt, PREC } from "./define";

export const CATALOGUE: readonly FunctionDef[] = [
  ...OPERATORS, ...CONDITIONALS, ...STRINGS, ...MATH, ...TEMPORAL, ...JSON_FUNCTIONS, ...COLLECTIONS, ...ACCESS,
];

export const BY_IR: ReadonlyMap<string, FunctionDef> = new Map(CATALOGUE.map((f) => [f.ir, f]));
if (BY_IR.size !== CATALOGUE.length) throw new Error("two catalogue rows share an IR name");

/** Forms written as NAME(…) in the language (plain calls and the special forms that start with the name). */
const NAMED_FORMS = new Set(["call", "bare", "floorTo", "extract", "position", "jsonObject", "case"]);

/** Rows callable by name (upper case), aliases included; IF is CASE's call form. */
export const BY_NAME: ReadonlyMap<string, FunctionDef> = new Map(CATALOGUE.flatMap((f) => [
  ...(NAMED_FORMS.has(f.form?.kind ?? "call") ? [[f.name, f] as const] : []),
  ...(f.aliases ?? []).map((a) => [a, f] as const),
]));

/** Words the parser reads as syntax, so they cannot be bare column names (quote them with backticks). */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "CAST", "TRY_CAST", "AS",
  "CASE", "WHEN", "THEN", "ELSE", "END", "BETWEEN", "IN", "LIKE", "SIMILAR", "DISTINCT",
  ...CATALOGUE.filter((f) => f.form?.kind === "bare").flatMap((f) => [f.name, ...(f.aliases ?? [])].filter((n) => n !== "NOW")),
]);

/** The IR names, for the IR's zod schema. */
export const FUNCTION_IR_NAMES = CATALOGUE.map((f) => f.ir) as [string, ...string[]];
