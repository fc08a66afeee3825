// The expression language's operators and functions, and how each maps to a Flink ApiExpression method (ast.ts FUNCTIONS).
import type { FunctionName } from "./ast";

/** Binding strength as in Calcite/Flink SQL: OR < AND < NOT < IS NULL < comparisons < + - < * / % < unary minus. */
export const PREC = { or: 22, and: 24, not: 26, is: 28, cmp: 30, add: 40, mul: 60, neg: 80, atom: 100 } as const;

export type BinaryOp = { sym: string; fn: FunctionName; prec: number };

export const BINARY: Record<string, BinaryOp> = {
  OR: { sym: "OR", fn: "or", prec: PREC.or },
  AND: { sym: "AND", fn: "and", prec: PREC.and },
  "=": { sym: "=", fn: "isEqual", prec: PREC.cmp },
  "<>": { sym: "<>", fn: "isNotEqual", prec: PREC.cmp },
  "!=": { sym: "<>", fn: "isNotEqual", prec: PREC.cmp },
  "<": { sym: "<", fn: "isLess", prec: PREC.cmp },
  "<=": { sym: "<=", fn: "isLessOrEqual", prec: PREC.cmp },
  ">": { sym: ">", fn: "isGreater", prec: PREC.cmp },
  ">=": { sym: ">=", fn: "isGreaterOrEqual", prec: PREC.cmp },
  "+": { sym: "+", fn: "plus", prec: PREC.add },
  "-": { sym: "-", fn: "minus", prec: PREC.add },
  "*": { sym: "*", fn: "times", prec: PREC.mul },
  "/": { sym: "/", fn: "dividedBy", prec: PREC.mul },
  "%": { sym: "%", fn: "mod", prec: PREC.mul },
};

/** fn name → printed operator, for the printer and error messages */
export const BINARY_BY_FN: Partial<Record<FunctionName, BinaryOp>> = Object.fromEntries(
  Object.values(BINARY).filter((b) => b.sym !== "!=" || b.fn !== "isNotEqual").map((b) => [b.fn, b]),
);

export type SqlFunction = { name: string; fn: FunctionName; minArgs: number; maxArgs: number };

/** Functions callable by name (case-insensitive). CAST has its own syntax. */
export const FUNCTIONS_BY_NAME: Record<string, SqlFunction> = {
  UPPER: { name: "UPPER", fn: "upperCase", minArgs: 1, maxArgs: 1 },
  LOWER: { name: "LOWER", fn: "lowerCase", minArgs: 1, maxArgs: 1 },
  CONCAT: { name: "CONCAT", fn: "concat", minArgs: 1, maxArgs: 254 },
  CHAR_LENGTH: { name: "CHAR_LENGTH", fn: "charLength", minArgs: 1, maxArgs: 1 },
  CHARACTER_LENGTH: { name: "CHAR_LENGTH", fn: "charLength", minArgs: 1, maxArgs: 1 },
  TRIM: { name: "TRIM", fn: "trim", minArgs: 1, maxArgs: 1 },
};

export const FUNCTION_BY_FN: Partial<Record<FunctionName, SqlFunction>> = {
  upperCase: FUNCTIONS_BY_NAME.UPPER, lowerCase: FUNCTIONS_BY_NAME.LOWER, concat: FUNCTIONS_BY_NAME.CONCAT,
  charLength: FUNCTIONS_BY_NAME.CHAR_LENGTH, trim: FUNCTIONS_BY_NAME.TRIM,
};

/** Words that cannot be bare column names (quote them with backticks). */
export const KEYWORDS: ReadonlySet<string> = new Set(["AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "CAST", "AS"]);

/** Names shown to users in errors and docs. */
export const FUNCTION_NAMES = ["UPPER", "LOWER", "CONCAT", "CHAR_LENGTH", "TRIM", "CAST"];
