// Type checker: infers each expression's Flink type over an input RowType and types NULL literals from their context.
import { type DataType, type RowType, formatType, isNumeric, isString, parseType } from "../types";
import type { Expr, FunctionName } from "./ast";
import { castable, closest, comparable, typeName } from "./compat";
import { UNTYPED_NULL } from "./literals";
import { type ArithOp, arithmeticType, isExactNumeric } from "./numeric";
import { fieldType, itemType } from "./nested";
import { BINARY_BY_FN, FUNCTION_BY_FN } from "./operators";
import type { Spans } from "./parse";
import type { Span } from "./tokenize";

export type ExprError = { message: string; span: Span };
export type CheckResult = { ok: true; expr: Expr; type: DataType } | { ok: false; errors: ExprError[] };

/** `type` null marks a NULL literal still waiting for a type from its context. */
type Typed = { expr: Expr; type: DataType | null };
type Call = Extract<Expr, { kind: "call" }>;

const BOOL: DataType = { root: "BOOLEAN", nullable: false };
const STRING: DataType = { root: "STRING", nullable: false };
const INT: DataType = { root: "INT", nullable: false };
const anyNullable = (ts: (DataType | null)[]) => ts.some((t) => t === null || t.nullable);
const ARITH = new Set<FunctionName>(["plus", "minus", "times", "dividedBy", "mod"]);
const COMPARE = new Set<FunctionName>(["isEqual", "isNotEqual", "isLess", "isLessOrEqual", "isGreater", "isGreaterOrEqual"]);
const STRING_FNS = new Set<FunctionName>(["upperCase", "lowerCase", "trim", "charLength", "concat"]);

/** Checks `expr` (spans from parseExpr) against the input columns; returns the tree with every NULL typed. */
export function checkExpr(expr: Expr, rowType: RowType, spans?: Spans): CheckResult {
  const c = new Checker(rowType, spans ?? new WeakMap());
  const r = c.check(expr);
  if (r && r.type === null) c.error("cannot tell the type of NULL here; write CAST(NULL AS <type>)", r.expr);
  if (!r || r.type === null || c.errors.length) return { ok: false, errors: c.errors };
  return { ok: true, expr: r.expr, type: r.type };
}

const opName = (fn: FunctionName) => BINARY_BY_FN[fn]?.sym ?? FUNCTION_BY_FN[fn]?.name ?? fn.toUpperCase();

class Checker {
  readonly errors: ExprError[] = [];
  constructor(private readonly row: RowType, private readonly spans: Spans) {}

  error(message: string, at: Expr): undefined {
    this.errors.push({ message, span: this.spans.get(at) ?? { start: 0, end: 0 } });
    return undefined;
  }

  /** Gives an untyped NULL the type `t` (nullable); leaves anything else alone. */
  private settle(x: Typed, t: DataType): Typed & { type: DataType } {
    if (x.type !== null) return x as Typed & { type: DataType };
    const type = { ...t, nullable: true };
    return { expr: this.keep(x.expr, { kind: "lit", value: null, type: formatType(type) }), type };
  }

  private keep<E extends Expr>(old: Expr, e: E): E {
    const s = this.spans.get(old);
    if (s) this.spans.set(e, s);
    return e;
  }

  check(e: Expr): Typed | undefined {
    switch (e.kind) {
      case "col": {
        const col = this.row.find((c) => c.name === e.name);
        if (col) return { expr: e, type: col.type };
        const names = this.row.map((c) => c.name);
        const near = closest(e.name, names);
        const hint = near !== undefined ? `; did you mean "${near}"?`
          : names.length ? `; columns are ${names.slice(0, 8).map((n) => `"${n}"`).join(", ")}${names.length > 8 ? ", …" : ""}`
          : "; the input has no columns";
        return this.error(`unknown column "${e.name}"${hint}`, e);
      }
      case "lit": {
        if (e.type === UNTYPED_NULL) return { expr: e, type: null };
        const t = parseType(e.type);
        return t.ok ? { expr: e, type: t.type } : this.error(t.message, e);
      }
      case "cast": return this.checkCast(e);
      case "call": return this.checkCall(e);
    }
  }

  private checkCast(e: Extract<Expr, { kind: "cast" }>): Typed | undefined {
    const inner = this.check(e.expr);
    const target = parseType(e.type);
    if (!target.ok) return this.error(target.message, e);
    if (!inner) return undefined;
    const to = { ...target.type, nullable: true };
    if (inner.type === null) return { expr: this.keep(e, { ...e, expr: this.settle(inner, to).expr }), type: to };
    if (!castable(inner.type, to)) return this.error(`cannot CAST ${typeName(inner.type)} to ${typeName(to)}`, e);
    return { expr: this.keep(e, { ...e, expr: inner.expr }), type: { ...to, nullable: inner.type.nullable } };
  }

  private checkCall(e: Call): Typed | undefined {
    const args: Typed[] = [];
    for (const a of e.args) {
      const r = this.check(a);
      if (r) args.push(r);
    }
    if (args.length !== e.args.length) return undefined; // the broken argument already said why
    const fn = e.fn;
    if (fn === "get" || fn === "at") return this.checkAccess(e, args[0]!, args[1]!);
    if (ARITH.has(fn) || COMPARE.has(fn)) return this.checkBinary(e, args[0]!, args[1]!);
    if (fn === "and" || fn === "or" || fn === "not") return this.checkAll(e, args, BOOL, (t) => t.root === "BOOLEAN", BOOL);
    if (STRING_FNS.has(fn)) return this.checkAll(e, args, STRING, isString, fn === "charLength" ? INT : STRING);
    const a = args[0]!;
    if (a.type === null) return this.error("cannot tell the type of NULL here; write CAST(NULL AS <type>)", e.args[0]!);
    if (fn === "isNull" || fn === "isNotNull") return this.out(e, BOOL, args);
    if (fn === "negative") return isNumeric(a.type) ? this.out(e, a.type, args) : this.error(`cannot negate ${typeName(a.type)}`, e);
    return this.error(`unsupported function ${fn}`, e);
  }

  /** row.field and x[i]: the receiver must have a type; an untyped NULL index takes the one the receiver wants. */
  private checkAccess(e: Call, x: Typed, i: Typed): Typed | undefined {
    if (x.type === null) return this.error("cannot tell the type of NULL here; write CAST(NULL AS <type>)", e.args[0]!);
    if (e.fn === "get") {
      const name = e.args[1]!.kind === "lit" ? e.args[1]!.value : null;
      if (typeof name !== "string") return this.error("a field name must be a string literal", e);
      const r = fieldType(x.type, name);
      return r.ok ? this.out(e, r.type, [x, i]) : this.error(r.message, e);
    }
    const want = x.type.root === "MAP" ? x.type.key! : INT;
    const index = this.settle(i, want);
    const r = itemType(x.type, index.type);
    // Flink refuses a constant index below 1 when planning; say so here, at the index
    const lit = index.expr.kind === "lit" && typeof index.expr.value === "string" ? Number(index.expr.value) : NaN;
    if (r.ok && x.type.root === "ARRAY" && lit < 1) return this.error(`ARRAY indexes start at 1 (as in Flink SQL), got ${lit}`, e.args[1]!);
    return r.ok ? this.out(e, r.type, [x, index]) : this.error(r.message, e);
  }

  private out(e: Call, type: DataType, args: Typed[]): Typed {
    return { expr: this.keep(e, { kind: "call", fn: e.fn, args: args.map((s) => s.expr) }), type };
  }

  /** Arithmetic and comparisons: a NULL operand takes the other operand's type. */
  private checkBinary(e: Call, a0: Typed, b0: Typed): Typed | undefined {
    const name = opName(e.fn);
    if (a0.type === null && b0.type === null) return this.error(`cannot tell the type of NULL ${name} NULL`, e);
    const a = this.settle(a0, (b0.type ?? a0.type)!);
    const b = this.settle(b0, a.type);
    const nullable = a.type.nullable || b.type.nullable;
    if (COMPARE.has(e.fn)) {
      if (!comparable(a.type, b.type)) return this.error(`cannot compare ${typeName(a.type)} with ${typeName(b.type)}`, e);
      return this.out(e, { ...BOOL, nullable }, [a, b]);
    }
    if (!isNumeric(a.type) || !isNumeric(b.type)) {
      const hint = e.fn === "plus" && isString(a.type) && isString(b.type) ? "; use CONCAT to join strings" : "";
      return this.error(`cannot apply "${name}" to ${typeName(a.type)} and ${typeName(b.type)}${hint}`, e);
    }
    if (e.fn === "mod" && (!isExactNumeric(a.type) || !isExactNumeric(b.type))) {
      return this.error(`"%" needs integer or DECIMAL operands, got ${typeName(a.type)} and ${typeName(b.type)}`, e);
    }
    return this.out(e, { ...arithmeticType(e.fn as ArithOp, a.type, b.type), nullable }, [a, b]);
  }

  /** Functions whose every argument must satisfy `accepts` (NULLs become `nullAs`); the result is `result`, nullable if any argument is. */
  private checkAll(e: Call, args: Typed[], nullAs: DataType, accepts: (t: DataType) => boolean, result: DataType): Typed | undefined {
    const name = opName(e.fn);
    const settled = args.map((x) => this.settle(x, nullAs));
    const bad = settled.findIndex((x) => !accepts(x.type));
    if (bad >= 0) {
      const got = typeName(settled[bad]!.type);
      if (nullAs === BOOL) return this.error(`${name} needs BOOLEAN operands, got ${got}`, e.args[bad]!);
      const which = settled.length > 1 ? `argument ${bad + 1}` : "its argument";
      return this.error(`${name} needs strings, but ${which} is ${got}; use CAST(… AS STRING)`, e.args[bad]!);
    }
    return this.out(e, { ...result, nullable: anyNullable(settled.map((x) => x.type)) }, settled);
  }
}
