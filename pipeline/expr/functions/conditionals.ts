// Catalogue rows: CASE / IF, COALESCE, IFNULL, BETWEEN, IN, LIKE and SIMILAR TO.
import type { DataType } from "../../types";
import { comparable } from "../compat";
import { type Arg, type FunctionDef, PREC, type RuleResult } from "./define";
import { commonType } from "./common-type";
import { anyNullable, error, fixed, like, p, typeName, withNull } from "./rules";

const BOOL: DataType = { root: "BOOLEAN", nullable: false };

/** The common type of the arguments from `from` on; nullable as `nullable` says. */
const common = (from: number, nullable: (args: Arg[]) => boolean) => (args: Arg[]): RuleResult => {
  const t = commonType(args.slice(from).map((a) => a.type));
  return typeof t === "string" ? error(t) : withNull(t, nullable(args));
};

/** x compared with every other argument: BOOLEAN, nullable when any argument is. */
const comparedWithAll = (args: Arg[]): RuleResult => {
  const x = args[0]!.type;
  const bad = args.findIndex((a, i) => i > 0 && !comparable(x, a.type));
  if (bad > 0) return error(`cannot compare ${typeName(x)} with ${typeName(args[bad]!.type)}`, bad);
  return withNull(BOOL, anyNullable(args));
};

const between = (negated: boolean): FunctionDef => ({
  name: negated ? "NOT BETWEEN" : "BETWEEN", ir: negated ? "notBetween" : "between", builtin: negated ? "notBetween" : "between",
  category: "conditional", java: "method", params: [like("x"), like("low"), like("high")], returns: comparedWithAll,
  form: { kind: "between", negated },
  signature: `x ${negated ? "NOT " : ""}BETWEEN low AND high → BOOLEAN`,
  description: negated ? "true when x < low or x > high" : "true when low <= x <= high (bounds included)",
  examples: [["INT NOT NULL", "INT NOT NULL", "BIGINT NOT NULL"], ["DOUBLE NOT NULL", "INT NOT NULL", "DECIMAL(10, 2) NOT NULL"]],
});

const match = (name: string, ir: string, builtin: string, what: string): FunctionDef => ({
  name, ir, builtin, category: "conditional", java: "method",
  params: [p("s", "string"), p("pattern", "string")], returns: fixed("BOOLEAN"),
  form: { kind: "infix", sym: name, prec: PREC.cmp },
  signature: `s ${name} pattern → BOOLEAN`, description: what, examples: [["STRING NOT NULL", "STRING NOT NULL"]],
});

export const CONDITIONALS: FunctionDef[] = [
  {
    name: "IF", ir: "ifThenElse", builtin: "ifThenElse", category: "conditional", java: "static",
    params: [p("condition", "boolean"), like("then"), like("else")], returns: common(1, (args) => args[1]!.type.nullable || args[2]!.type.nullable),
    form: { kind: "case" }, signature: "CASE WHEN c THEN a [WHEN …] [ELSE b] END, IF(c, a, b)",
    description: "a when the condition is true, else b (NULL without ELSE)",
    examples: [["BOOLEAN NOT NULL", "INT NOT NULL", "BIGINT NOT NULL"], ["BOOLEAN NOT NULL", "STRING NOT NULL", "STRING NOT NULL"]],
  },
  {
    name: "COALESCE", ir: "coalesce", builtin: "COALESCE", category: "conditional", java: "static",
    params: [like("a"), like("b", "any", { variadic: true })], returns: common(0, (args) => args.every((a) => a.type.nullable)),
    signature: "COALESCE(a, b, …)", description: "the first argument that is not NULL",
    examples: [["INT", "INT NOT NULL"], ["DECIMAL(10, 2)", "INT NOT NULL"], ["STRING", "STRING"]],
  },
  {
    name: "IFNULL", ir: "ifNull", builtin: "IFNULL", category: "conditional", java: "method",
    params: [like("x"), like("fallback")], returns: common(0, (args) => args.every((a) => a.type.nullable)),
    signature: "IFNULL(x, fallback)", description: "x, or fallback when x is NULL",
    examples: [["INT", "INT NOT NULL"]],
  },
  between(false), between(true),
  {
    name: "IN", ir: "in", builtin: "in", category: "conditional", java: "method",
    params: [like("x"), like("value", "any", { variadic: true })], returns: comparedWithAll, form: { kind: "in" },
    signature: "x IN (a, b, …) → BOOLEAN", description: "true when x equals one of the values",
    examples: [["INT NOT NULL", "INT NOT NULL", "INT NOT NULL"], ["STRING NOT NULL", "STRING NOT NULL"]],
  },
  match("LIKE", "like", "LIKE", "SQL pattern match: % any run of characters, _ one character"),
  match("SIMILAR TO", "similar", "similar", "SQL regular-expression match of the whole string"),
];
