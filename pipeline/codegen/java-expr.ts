// IR expression tree → Java Table API expression text, call for call as jvm-runner's ExpressionBuilder and Functions build it.
import type { Expr, FunctionName } from "../expr/ast";
import { formatType } from "../types";
import { javaString, javaType } from "./java-text";
import { CodegenError, readLiteral, readType } from "./literal";

/** What an expression needs imported besides Expressions.$ and lit. */
export type JavaUses = {
  nullOf: boolean; negative: boolean; row: boolean; udf: boolean; bigDecimal: boolean; time: Set<string>;
  /** an ordered collection source of Rows (values with a watermark) */
  rowData: boolean;
  /** a top-1 whose changelog goes through jvm-runner's Top1Retractions */
  top1: boolean;
};
export const newUses = (): JavaUses => ({
  nullOf: false, negative: false, row: false, udf: false, bigDecimal: false, time: new Set(), rowData: false, top1: false,
});

/** Arity as jvm-runner's Functions checks it; -1 = variadic, folded left into a chain like a.and(b).and(c). */
const ARITY: Record<FunctionName, [number, number]> = {
  plus: [2, 2], minus: [2, 2], times: [2, 2], dividedBy: [2, 2], mod: [2, 2], negative: [1, 1],
  isEqual: [2, 2], isNotEqual: [2, 2], isLess: [2, 2], isLessOrEqual: [2, 2], isGreater: [2, 2], isGreaterOrEqual: [2, 2],
  and: [2, -1], or: [2, -1], not: [1, 1], isNull: [1, 1], isNotNull: [1, 1],
  upperCase: [1, 1], lowerCase: [1, 1], concat: [2, -1], charLength: [1, 1], trim: [1, 1],
  get: [2, 2], at: [2, 2],
};

/** A get's field name: its second argument, which must be a non-NULL string literal (as the runner requires). */
export function fieldName(e: Extract<Expr, { kind: "call" }>): string {
  const f = e.args[1];
  if (f?.kind !== "lit" || typeof f.value !== "string") throw new CodegenError("get needs a field name (a string literal) as its second argument");
  return f.value;
}

/** Checks a call's arity the way the runner does, so both printers refuse what the runner would refuse. */
export function checkArity(fn: FunctionName, n: number): void {
  const a = ARITY[fn];
  if (!a) throw new CodegenError(`unknown function "${fn}"`);
  const [min, max] = a;
  if (n < min || (max >= 0 && n > max)) {
    const expected = max < 0 ? `at least ${min}` : String(min);
    throw new CodegenError(`function ${fn} takes ${expected} argument(s), got ${n}`);
  }
}

export function javaExpr(e: Expr, uses: JavaUses, ascii = false): string {
  switch (e.kind) {
    case "col": return `$(${javaString(e.name, ascii)})`;
    case "lit": return javaLiteral(e, uses, ascii);
    case "cast": return `${javaExpr(e.expr, uses, ascii)}.cast(${javaType(readType(e.type))})`;
    case "call": {
      checkArity(e.fn, e.args.length);
      // ApiExpression#get(String): the field name is a Java string, not a lit(…)
      if (e.fn === "get") return `${javaExpr(e.args[0]!, uses, ascii)}.get(${javaString(fieldName(e), ascii)})`;
      const args = e.args.map((a) => javaExpr(a, uses, ascii));
      if (e.fn === "negative") {
        uses.negative = true;
        return `negative(${args[0]})`;
      }
      // ApiExpression methods: the receiver is always a call result ($, lit, a method), so no parentheses are needed
      return args.slice(1).reduce((acc, a) => `${acc}.${e.fn}(${a})`, `${args[0]}${args.length === 1 ? `.${e.fn}()` : ""}`);
    }
  }
}

/** A literal as a plain Java value (a Row field), in the class jvm-runner's ExpressionBuilder.literalValue gives it. */
export function javaValue(e: Extract<Expr, { kind: "lit" }>, uses: JavaUses, ascii: boolean): string {
  const l = readLiteral(e);
  switch (l.kind) {
    case "null": return "null";
    case "boolean": return String(l.value);
    case "integer": return `${{ TINYINT: "(byte) ", SMALLINT: "(short) " }[l.type.root as string] ?? ""}${l.text}${l.type.root === "BIGINT" ? "L" : ""}`;
    case "approx": return `${l.text}${l.type.root === "FLOAT" ? "f" : "d"}`;
    case "decimal":
      uses.bigDecimal = true;
      return `new BigDecimal(${javaString(l.text)})`;
    case "string": return javaString(l.value, ascii);
    case "temporal": {
      const cls = { DATE: "LocalDate", TIME: "LocalTime", TIMESTAMP: "LocalDateTime", TIMESTAMP_LTZ: "Instant" }[l.type.root as "DATE"];
      if (!cls) throw new CodegenError(`literals of type ${formatType(l.type)} are not supported`);
      uses.time.add(cls);
      return `${cls}.parse(${javaString(l.text)})`;
    }
  }
}

/** lit(value) where Java's own type for the value is the IR type (e.g. 5L is BIGINT NOT NULL); else lit(value, type). */
function javaLiteral(e: Extract<Expr, { kind: "lit" }>, uses: JavaUses, ascii: boolean): string {
  const l = readLiteral(e);
  const exact = (value: string) => `lit(${value}, ${javaType(l.type, true)})`;
  switch (l.kind) {
    case "null":
      uses.nullOf = true;
      return `nullOf(${javaType(l.type)})`;
    case "boolean": return `lit(${l.value})`;
    case "integer": {
      const suffix = { TINYINT: "(byte) ", SMALLINT: "(short) ", INT: "", BIGINT: "" }[l.type.root as "INT"];
      if (l.type.root === "BIGINT") return `lit(${l.text}L)`;
      return `lit(${suffix}${l.text})`;
    }
    case "approx": return `lit(${l.text}${l.type.root === "FLOAT" ? "f" : "d"})`;
    case "decimal":
      uses.bigDecimal = true;
      return exact(`new BigDecimal(${javaString(l.text)})`);
    case "string": return exact(javaString(l.value, ascii));
    case "temporal": {
      const cls = { DATE: "LocalDate", TIME: "LocalTime", TIMESTAMP: "LocalDateTime", TIMESTAMP_LTZ: "Instant" }[l.type.root as "DATE"];
      if (!cls) throw new CodegenError(`literals of type ${formatType(l.type)} are not supported`);
      uses.time.add(cls);
      return exact(`${cls}.parse(${javaString(l.text)})`);
    }
  }
}
