// Catalogue rows: arithmetic, comparison, logic and IS … operators (typed as Flink's LogicalTypeMerging and Calcite do).
import { type DataType, isInterval, isNumeric, isString } from "../../types";
import { comparable } from "../compat";
import { arithmeticType, type ArithOp, isExactNumeric } from "../numeric";
import { type Arg, type FunctionDef, PREC, type RuleResult } from "./define";
import { anyNullable, error, fixed, like, p, typeName, withNull } from "./rules";

const BOOL: DataType = { root: "BOOLEAN", nullable: false };

const DATETIME = new Set(["DATE", "TIMESTAMP", "TIMESTAMP_LTZ"]);
const INTEGERS = new Set(["TINYINT", "SMALLINT", "INT", "BIGINT"]);

/**
 * Interval arithmetic as Flink types it: a DATE or TIMESTAMP ± an interval keeps its type (DATE + INTERVAL '1' HOUR is
 * still a DATE), intervals of one family add up, and an interval times an integer is an interval. Undefined: no interval.
 */
function intervalArith(op: ArithOp, sym: string, a: DataType, b: DataType): DataType | { error: string } | undefined {
  if (!isInterval(a) && !isInterval(b)) return undefined;
  if ((op === "plus" || op === "minus") && DATETIME.has(a.root) && isInterval(b)) return a;
  if (op === "plus" && isInterval(a) && DATETIME.has(b.root)) return b;
  if ((op === "plus" || op === "minus") && a.root === b.root) return a;
  if (op === "times" && isInterval(a) && INTEGERS.has(b.root)) return a;
  if (op === "times" && INTEGERS.has(a.root) && isInterval(b)) return b;
  return { error: `cannot apply "${sym}" to ${typeName(a)} and ${typeName(b)}${op === "minus" && isInterval(a) ? "; subtract the interval from the DATE or TIMESTAMP" : ""}` };
}

function arith(op: ArithOp, sym: string) {
  return (args: Arg[]): RuleResult => {
    const [a, b] = [args[0]!.type, args[1]!.type];
    const interval = intervalArith(op, sym, a, b);
    if (interval) return "error" in interval ? interval : withNull(interval, anyNullable(args));
    if (!isNumeric(a) || !isNumeric(b)) {
      const hint = op === "plus" && isString(a) && isString(b) ? "; use CONCAT to join strings" : "";
      return error(`cannot apply "${sym}" to ${typeName(a)} and ${typeName(b)}${hint}`);
    }
    if (op === "mod" && (!isExactNumeric(a) || !isExactNumeric(b))) {
      return error(`"%" needs integer or DECIMAL operands, got ${typeName(a)} and ${typeName(b)}`);
    }
    return withNull(arithmeticType(op, a, b), anyNullable(args));
  };
}

const compare = (args: Arg[]): RuleResult => {
  const [a, b] = [args[0]!.type, args[1]!.type];
  if (!comparable(a, b)) return error(`cannot compare ${typeName(a)} with ${typeName(b)}`);
  return withNull(BOOL, anyNullable(args));
};

const INTERVALS = [["TIMESTAMP(3) NOT NULL", "INTERVAL SECOND(3) NOT NULL"], ["DATE NOT NULL", "INTERVAL MONTH NOT NULL"], ["INTERVAL SECOND(3) NOT NULL", "INTERVAL SECOND(3) NOT NULL"]];
const NUMS = [["INT NOT NULL", "INT NOT NULL"], ["BIGINT NOT NULL", "INT NOT NULL"], ["DECIMAL(10, 2) NOT NULL", "INT NOT NULL"], ["DOUBLE NOT NULL", "DECIMAL(10, 2) NOT NULL"]];
const PAIRS = [["INT NOT NULL", "BIGINT NOT NULL"], ["STRING NOT NULL", "VARCHAR(3) NOT NULL"], ["TIMESTAMP(3) NOT NULL", "DATE NOT NULL"], ["INTERVAL MONTH NOT NULL", "INTERVAL MONTH NOT NULL"]];
const ops = (rows: [string, string, ArithOp, string][]): FunctionDef[] => rows.map(([sym, ir, op, what]) => ({
  name: sym, ir, builtin: ir === "dividedBy" ? "divide" : ir, category: "operator", java: "method",
  params: [like("a", "any"), like("b", "any")], returns: arith(op, sym),
  form: { kind: "infix", sym, prec: op === "plus" || op === "minus" ? PREC.add : PREC.mul },
  ...(op === "mod" ? { sql: { kind: "call" as const, name: "MOD" }, aliases: ["MOD"] } : {}),
  signature: `a ${sym} b`, description: what,
  examples: op === "mod" ? NUMS.slice(0, 3) : op === "times" ? [...NUMS, ["INTERVAL SECOND(3) NOT NULL", "INT NOT NULL"], ["INT NOT NULL", "INTERVAL MONTH NOT NULL"]]
    : op === "plus" || op === "minus" ? [...NUMS, ...INTERVALS] : NUMS,
}));
const cmps = (rows: [string, string, string, string][]): FunctionDef[] => rows.map(([sym, ir, builtin, what]) => ({
  name: sym, ir, builtin, category: "operator", java: "method",
  params: [like("a"), like("b")], returns: compare, form: { kind: "infix", sym, prec: PREC.cmp },
  signature: `a ${sym} b → BOOLEAN`, description: what, examples: PAIRS,
}));

const logic = (sym: "AND" | "OR"): FunctionDef => ({
  name: sym, ir: sym.toLowerCase(), builtin: sym.toLowerCase(), category: "operator", java: "fold",
  params: [p("a", "boolean"), p("b", "boolean", { variadic: true })], returns: fixed("BOOLEAN"),
  form: { kind: "infix", sym, prec: sym === "AND" ? PREC.and : PREC.or },
  signature: `a ${sym} b → BOOLEAN`, description: sym === "AND" ? "true when both are true (three-valued)" : "true when either is true (three-valued)",
  examples: [["BOOLEAN NOT NULL", "BOOLEAN NOT NULL"]],
});

const is = (sym: string, ir: string, family: "any" | "boolean", what: string): FunctionDef => ({
  name: sym, ir, builtin: ir, category: "operator", java: "method",
  params: [p("x", family)], returns: fixed("BOOLEAN NOT NULL", "never"), form: { kind: "postfix", sym },
  signature: `x ${sym} → BOOLEAN NOT NULL`, description: what, examples: [[family === "boolean" ? "BOOLEAN" : "INT"]],
});

export const OPERATORS: FunctionDef[] = [
  ...ops([
    ["+", "plus", "plus", "sum"], ["-", "minus", "minus", "difference"], ["*", "times", "times", "product"],
    ["/", "dividedBy", "dividedBy", "quotient (integer division for integers)"], ["%", "mod", "mod", "remainder (MOD)"],
  ]),
  {
    name: "-", ir: "negative", builtin: "minusPrefix", category: "operator", java: "static",
    params: [p("x", "any")],
    returns: (args) => (isNumeric(args[0]!.type) ? withNull(args[0]!.type, anyNullable(args)) : error(`cannot negate ${typeName(args[0]!.type)}`)),
    form: { kind: "prefix", sym: "-", prec: PREC.neg }, signature: "-x", description: "negation", examples: [["INT NOT NULL"], ["DECIMAL(10, 2) NOT NULL"]],
  },
  ...cmps([
    ["=", "isEqual", "equals", "equal"], ["<>", "isNotEqual", "notEquals", "not equal"],
    ["<", "isLess", "lessThan", "less than"], ["<=", "isLessOrEqual", "lessThanOrEqual", "less than or equal"],
    [">", "isGreater", "greaterThan", "greater than"], [">=", "isGreaterOrEqual", "greaterThanOrEqual", "greater than or equal"],
  ]),
  logic("AND"), logic("OR"),
  {
    name: "NOT", ir: "not", builtin: "not", category: "operator", java: "method",
    params: [p("x", "boolean")], returns: fixed("BOOLEAN"), form: { kind: "prefix", sym: "NOT", prec: PREC.not },
    signature: "NOT x → BOOLEAN", description: "logical negation", examples: [["BOOLEAN NOT NULL"]],
  },
  is("IS NULL", "isNull", "any", "true when x is NULL"), is("IS NOT NULL", "isNotNull", "any", "true when x is not NULL"),
  is("IS TRUE", "isTrue", "boolean", "true when x is TRUE (never NULL)"), is("IS NOT TRUE", "isNotTrue", "boolean", "true when x is FALSE or NULL"),
  is("IS FALSE", "isFalse", "boolean", "true when x is FALSE (never NULL)"), is("IS NOT FALSE", "isNotFalse", "boolean", "true when x is TRUE or NULL"),
];
