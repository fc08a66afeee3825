// IR expression tree → fully parenthesized Flink SQL, calling the functions the Table API methods of the IR map to.
import type { Expr, FunctionName } from "../expr/ast";
import { numberLiteral } from "../expr/literals";
import { type DataType, formatType } from "../types";
import { checkArity, fieldName } from "./java-expr";
import { CodegenError, readLiteral, readType } from "./literal";
import { sqlIdent, sqlString } from "./sql-text";

const INFIX: Partial<Record<FunctionName, string>> = {
  plus: "+", minus: "-", times: "*", dividedBy: "/",
  isEqual: "=", isNotEqual: "<>", isLess: "<", isLessOrEqual: "<=", isGreater: ">", isGreaterOrEqual: ">=",
  and: "AND", or: "OR",
};
/**
 * Named functions. `mod` is MOD(a, b), the function ApiExpression#mod resolves to, rather than `%`, whose
 * acceptance depends on the SQL conformance level; CONCAT is variadic, as the runner's left fold a.concat(b).concat(c).
 */
const NAMED: Partial<Record<FunctionName, string>> = {
  mod: "MOD", upperCase: "UPPER", lowerCase: "LOWER", concat: "CONCAT", charLength: "CHAR_LENGTH", trim: "TRIM",
};

/** A type in Flink's SQL syntax, rebuilt from the parsed type so no IR text reaches the script unchecked. */
export const sqlType = (t: DataType) => formatType(t);
const castTarget = (t: DataType) => formatType({ ...t, nullable: true });

export function sqlExpr(e: Expr): string {
  switch (e.kind) {
    case "col": return sqlIdent(e.name);
    case "lit": return sqlLiteral(e);
    // CAST keeps its operand's nullability in Flink, so the target is written without NOT NULL
    case "cast": return `CAST(${sqlExpr(e.expr)} AS ${castTarget(readType(e.type))})`;
    case "call": {
      checkArity(e.fn, e.args.length);
      if (e.fn === "get") return `${sqlReceiver(e.args[0]!)}.${sqlIdent(fieldName(e))}`;
      const args = e.args.map(sqlExpr);
      if (e.fn === "at") return `${sqlReceiver(e.args[0]!)}[${args[1]}]`;
      const infix = INFIX[e.fn];
      if (infix) return `(${args.join(` ${infix} `)})`;
      switch (e.fn) {
        // the space keeps a negated negative literal from reading as a `--` comment
        case "negative": return `(- ${args[0]})`;
        case "not": return `(NOT ${args[0]})`;
        case "isNull": return `(${args[0]} IS NULL)`;
        case "isNotNull": return `(${args[0]} IS NOT NULL)`;
      }
      const name = NAMED[e.fn];
      if (!name) throw new CodegenError(`function ${e.fn} has no SQL form`);
      return `${name}(${args.join(", ")})`;
    }
  }
}

/** The left side of `.field` / `[i]`: a column or another access chains bare (`payload`.`user`.`id`), else parenthesized. */
function sqlReceiver(e: Expr): string {
  const text = sqlExpr(e);
  return e.kind === "col" || (e.kind === "call" && (e.fn === "get" || e.fn === "at")) ? text : `(${text})`;
}

/**
 * A SQL literal of exactly the IR literal's type (the runner's lit(value, type.notNull())): bare where Flink's
 * parser gives the bare literal that type (5 is INT NOT NULL, 1.50 is DECIMAL(3, 2) NOT NULL), else wrapped in a CAST.
 */
function sqlLiteral(e: Extract<Expr, { kind: "lit" }>): string {
  const l = readLiteral(e);
  const want = formatType({ ...l.type, nullable: false });
  const typed = (text: string, natural: string) => (natural === want ? text : `CAST(${text} AS ${castTarget(l.type)})`);
  switch (l.kind) {
    case "null": return `CAST(NULL AS ${castTarget(l.type)})`;
    case "boolean": return l.value ? "TRUE" : "FALSE";
    case "string": return typed(sqlString(l.value), formatType({ root: "CHAR", length: l.value.length, nullable: false }));
    case "integer": case "decimal": case "approx": {
      const neg = l.text.startsWith("-");
      const abs = neg ? l.text.slice(1) : l.text;
      const text = l.kind === "approx" && !/E/.test(abs) ? `${abs}E0` : abs;
      const natural = numberLiteral(text, neg);
      // a negative literal in parentheses: `a - -1` would read as `a` and a comment
      return typed(neg ? `(-${text})` : text, typeof natural === "string" ? "" : natural.type);
    }
    case "temporal": {
      if (l.type.root === "TIMESTAMP_LTZ") {
        throw new CodegenError("TIMESTAMP_LTZ literals have no time-zone-independent SQL form; cast a TIMESTAMP in the expression instead");
      }
      if (l.type.root === "DATE") return `DATE ${sqlString(l.text)}`;
      const text = l.text.replace("T", " ");
      const seconds = /:\d{2}:\d{2}/.test(text) ? text : `${text}:00`;
      return `CAST(${l.type.root} ${sqlString(seconds)} AS ${castTarget(l.type)})`;
    }
  }
}
