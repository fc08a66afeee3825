// IR expression tree → Java Table API expression text, call for call as jvm-runner's ExpressionBuilder and Functions build it.
import type { Expr, FunctionName } from "../expr/ast";
import { BY_IR, type FunctionDef, maxArgs, minArgs, paramAt } from "../expr/functions";
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
  /** Expressions statics the calls use (coalesce, ifThenElse…), and classes of enum constants (TimeIntervalUnit) */
  statics: Set<string>;
  imports: Set<string>;
};
export const newUses = (): JavaUses => ({
  nullOf: false, negative: false, row: false, udf: false, bigDecimal: false, time: new Set(), rowData: false, top1: false,
  statics: new Set(), imports: new Set(),
});

/** Where the enum constants of Java-valued parameters live (units, JSON null handling). */
const ENUM_PACKAGE: Record<string, string> = {
  TimeIntervalUnit: "org.apache.flink.table.expressions", TimePointUnit: "org.apache.flink.table.expressions", JsonOnNull: "org.apache.flink.table.api",
};

/** A get's field name: its second argument, which must be a non-NULL string literal (as the runner requires). */
export function fieldName(e: Extract<Expr, { kind: "call" }>): string {
  const f = e.args[1];
  if (f?.kind !== "lit" || typeof f.value !== "string") throw new CodegenError("get needs a field name (a string literal) as its second argument");
  return f.value;
}

/** Checks a call's arity against the catalogue, as the runner checks it against the contract, so both printers refuse what the runner would refuse. */
export function checkArity(fn: FunctionName, n: number): FunctionDef {
  const f = BY_IR.get(fn);
  if (!f) throw new CodegenError(`unknown function "${fn}"`);
  const [min, max] = [minArgs(f), maxArgs(f)];
  if (n < min || (max >= 0 && n > max)) {
    const expected = max < 0 ? `at least ${min}` : min === max ? String(min) : `${min}..${max}`;
    throw new CodegenError(`function ${fn} takes ${expected} argument(s), got ${n}`);
  }
  return f;
}

/** A unit or path argument: a Java value (TimeIntervalUnit.DAY, "$.a") rather than an expression. */
function javaValueArg(f: FunctionDef, i: number, e: Expr, uses: JavaUses, ascii: boolean): string | undefined {
  const param = paramAt(f, i)!;
  if (param.family !== "unit" && param.family !== "text") return undefined;
  if (e.kind !== "lit" || typeof e.value !== "string") throw new CodegenError(`function ${f.ir} needs a string literal as its ${param.name}`);
  if (param.family === "text") return javaString(e.value, ascii);
  if (!param.units?.includes(e.value)) throw new CodegenError(`function ${f.ir} cannot use the unit ${JSON.stringify(e.value)}`);
  return enumConstant(param.javaEnum ?? "TimeIntervalUnit", e.value, uses);
}

function enumConstant(cls: string, name: string, uses: JavaUses): string {
  uses.imports.add(`${ENUM_PACKAGE[cls]}.${cls}`);
  return `${cls}.${name}`;
}

export function javaExpr(e: Expr, uses: JavaUses, ascii = false): string {
  switch (e.kind) {
    case "col": return `$(${javaString(e.name, ascii)})`;
    case "lit": return javaLiteral(e, uses, ascii);
    case "cast": return `${javaExpr(e.expr, uses, ascii)}.${e.try ? "tryCast" : "cast"}(${javaType(readType(e.type))})`;
    case "call": {
      const f = checkArity(e.fn, e.args.length);
      if (e.fn === "get") return `${javaExpr(e.args[0]!, uses, ascii)}.get(${javaString(fieldName(e), ascii)})`;
      const args = e.args.map((a, i) => javaValueArg(f, i, a, uses, ascii) ?? javaExpr(a, uses, ascii));
      if (f.java === "static") {
        if (f.ir === "negative") uses.negative = true;
        else uses.statics.add(f.ir);
        const lead = (f.javaLead ?? []).map((c) => enumConstant("JsonOnNull", c, uses));
        return `${f.ir}(${[...lead, ...args].join(", ")})`;
      }
      // ApiExpression methods: the receiver is always a call result ($, lit, a method), so no parentheses are needed
      if (f.java === "fold") return args.slice(1).reduce((acc, a) => `${acc}.${f.ir}(${a})`, args[0]!);
      return `${args[0]}.${f.ir}(${args.slice(1).join(", ")})`;
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
