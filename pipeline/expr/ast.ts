// Expression trees: the only form in which user expressions reach the IR and the runner (never strings of user text).
import { z } from "zod";

/**
 * Whitelisted built-in functions. Names are the methods of Flink's Java `ApiExpression`
 * (e.g. `$("a").isGreater(lit(1))`), so the IR and the Java side read alike.
 */
export const FUNCTIONS = [
  "plus", "minus", "times", "dividedBy", "mod", "negative",
  "isEqual", "isNotEqual", "isLess", "isLessOrEqual", "isGreater", "isGreaterOrEqual",
  "and", "or", "not", "isNull", "isNotNull",
  "upperCase", "lowerCase", "concat", "charLength", "trim",
  // nested access: get(row, 'field') is `row.field` (args[1] is always a string literal), at(x, i) is `x[i]`
  "get", "at",
] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type Expr =
  | { kind: "col"; name: string }
  /** value: boolean for BOOLEAN, a decimal string for numbers (keeps BIGINT/DECIMAL exact), a string for text, null for a typed NULL. type: Flink type syntax. */
  | { kind: "lit"; value: string | boolean | null; type: string }
  | { kind: "call"; fn: FunctionName; args: Expr[] }
  | { kind: "cast"; expr: Expr; type: string };

export const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("col"), name: z.string() }),
    z.object({ kind: z.literal("lit"), value: z.union([z.string(), z.boolean(), z.null()]), type: z.string() }),
    z.object({ kind: z.literal("call"), fn: z.enum(FUNCTIONS), args: z.array(ExprSchema) }),
    z.object({ kind: z.literal("cast"), expr: ExprSchema, type: z.string() }),
  ]),
);
