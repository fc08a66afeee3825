// Expression trees: the only form in which user expressions reach the IR and the runner (never strings of user text).
import { z } from "zod";
import { FUNCTION_IR_NAMES } from "./functions";

/**
 * Whitelisted built-in functions: the IR names of the catalogue (functions/), which are the methods of Flink's Java
 * `ApiExpression` or statics of `Expressions` (e.g. `$("a").isGreater(lit(1))`), so the IR and the Java side read alike.
 */
export const FUNCTIONS = FUNCTION_IR_NAMES;
export type FunctionName = string;

export type Expr =
  | { kind: "col"; name: string }
  /** value: boolean for BOOLEAN, a decimal string for numbers (keeps BIGINT/DECIMAL exact), a string for text, null for a typed NULL. type: Flink type syntax. */
  | { kind: "lit"; value: string | boolean | null; type: string }
  | { kind: "call"; fn: FunctionName; args: Expr[] }
  /** `try`: TRY_CAST, NULL where the value does not convert (always nullable) */
  | { kind: "cast"; expr: Expr; type: string; try?: true };

export const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("col"), name: z.string() }),
    z.object({ kind: z.literal("lit"), value: z.union([z.string(), z.boolean(), z.null()]), type: z.string() }),
    z.object({ kind: z.literal("call"), fn: z.enum(FUNCTIONS), args: z.array(ExprSchema) }),
    z.object({ kind: z.literal("cast"), expr: ExprSchema, type: z.string(), try: z.literal(true).optional() }),
  ]),
);
