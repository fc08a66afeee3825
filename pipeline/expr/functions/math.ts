// Catalogue rows: math functions (ABS, ROUND, FLOOR, CEIL, POWER, SQRT, LN, LOG10, EXP, SIGN, RAND), typed as Flink infers them.
import type { DataType } from "../../types";
import type { Arg, FunctionDef, RuleResult } from "./define";
import { anyNullable, error, fixed, intLiteral, p, sameAs, typeName, withNull } from "./rules";

const UNITS = ["YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND"] as const;
export const TIME_UNITS: readonly string[] = UNITS;

/** Flink's findRoundDecimalType: ROUND(DECIMAL(p, s), r) keeps r decimal places (none when r < 0). */
function rounded(t: DataType, r: number): DataType {
  const p0 = t.precision ?? 10;
  const s = t.scale ?? 0;
  if (r >= s) return t;
  const scale = Math.max(r, 0);
  return { root: "DECIMAL", precision: Math.min(38, 1 + p0 - s + scale), scale, nullable: t.nullable };
}

const round = (args: Arg[]): RuleResult => {
  const t = withNull(args[0]!.type, anyNullable(args));
  if (t.root !== "DECIMAL") return t;
  const r = intLiteral(args[1]);
  if (r === undefined) return error("ROUND of a DECIMAL needs a whole-number literal for its places", 1);
  return rounded(t, r);
};

/** FLOOR/CEIL: numbers keep their type (a DECIMAL loses its scale); FLOOR(x TO unit) keeps x's type. */
const floorCeil = (args: Arg[]): RuleResult => {
  const t = withNull(args[0]!.type, anyNullable(args));
  if (args.length === 2) {
    return ["DATE", "TIMESTAMP", "TIMESTAMP_LTZ"].includes(t.root) ? t : error(`FLOOR/CEIL … TO a unit needs a DATE or TIMESTAMP, got ${typeName(t)}`, 0);
  }
  if (!["TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL"].includes(t.root)) return error(`needs a number, got ${typeName(t)}`, 0);
  return t.root === "DECIMAL" ? { ...t, scale: 0 } : t;
};

const D = "DOUBLE NOT NULL";
const num = (name: string, ir: string, builtin: string, description: string, returns = fixed("DOUBLE")): FunctionDef => ({
  name, ir, builtin, category: "math", java: "method", params: [p("x", "numeric")], returns,
  signature: `${name}(x) → ${returns === sameAsX ? "type of x" : "DOUBLE"}`, description,
  examples: [["INT NOT NULL"], ["DECIMAL(10, 2) NOT NULL"], [D]],
});
const sameAsX = sameAs(0);

export const MATH: FunctionDef[] = [
  num("ABS", "abs", "abs", "the absolute value of x", sameAsX),
  num("SIGN", "sign", "sign", "-1, 0 or 1 as x is negative, zero or positive", sameAsX),
  num("SQRT", "sqrt", "sqrt", "the square root of x"),
  num("LN", "ln", "ln", "the natural logarithm of x"),
  num("LOG10", "log10", "log10", "the base-10 logarithm of x"),
  num("EXP", "exp", "exp", "e raised to the power x"),
  {
    name: "ROUND", ir: "round", builtin: "round", category: "math", java: "method",
    params: [p("x", "numeric"), p("places", "integer")], returns: round,
    signature: "ROUND(x, places) → type of x", description: "x rounded half up to places decimal places (negative: to tens, hundreds…)",
    examples: [["DECIMAL(10, 2) NOT NULL", "=1"], ["DECIMAL(10, 2) NOT NULL", "=0"], ["DECIMAL(10, 2) NOT NULL", "=-1"], [D, "=1"], ["INT NOT NULL", "=1"]],
  },
  {
    name: "POWER", ir: "power", builtin: "power", category: "math", java: "method",
    params: [p("x", "numeric"), p("y", "numeric")], returns: fixed("DOUBLE"),
    signature: "POWER(x, y) → DOUBLE", description: "x raised to the power y", examples: [["INT NOT NULL", "INT NOT NULL"], [D, "DECIMAL(10, 2) NOT NULL"]],
  },
  ...(["FLOOR", "CEIL"] as const).map((name): FunctionDef => ({
    name, ir: name.toLowerCase(), builtin: name.toLowerCase(), category: "math", java: "method",
    aliases: name === "CEIL" ? ["CEILING"] : [],
    params: [p("x", "any"), p("unit", "unit", { optional: true, units: UNITS })], returns: floorCeil, form: { kind: "floorTo" },
    signature: `${name}(x) / ${name}(x TO unit) → type of x`,
    description: `x rounded ${name === "FLOOR" ? "down" : "up"} to a whole number, or a DATE / TIMESTAMP to a unit (YEAR … SECOND)`,
    examples: [["DECIMAL(10, 2) NOT NULL"], [D], ["INT NOT NULL"]],
  })),
  {
    name: "RAND", ir: "rand", builtin: "rand", category: "math", java: "static", volatile: true,
    params: [p("seed", "integer", { optional: true })], returns: fixed("DOUBLE"),
    signature: "RAND([seed]) → DOUBLE", description: "a pseudo-random number in [0, 1); with a seed, the same sequence each run",
    examples: [[], ["INT NOT NULL"]],
  },
];
