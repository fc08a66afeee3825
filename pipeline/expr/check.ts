// Type checker: infers each expression's Flink type over an input RowType and types NULL literals from their context.
import { type DataType, type RowType, formatType, parseType } from "../types";
import type { Expr } from "./ast";
import { castable, closest, typeName } from "./compat";
import { type Arg, BY_IR, type FunctionDef, maxArgs, minArgs, paramAt } from "./functions";
import { ACCEPTS, FAMILY_NAME, NULL_AS } from "./functions/rules";
import { UNTYPED_NULL } from "./literals";
import { fieldType, itemType } from "./nested";
import type { Spans } from "./parse";
import { timestampAddProblem, TIMESTAMPADDS } from "./parse-temporal";
import type { Span } from "./tokenize";

export type ExprError = { message: string; span: Span };
export type CheckResult = { ok: true; expr: Expr; type: DataType } | { ok: false; errors: ExprError[] };

/** `type` null marks a NULL literal still waiting for a type from its context. */
type Typed = { expr: Expr; type: DataType | null };
type Call = Extract<Expr, { kind: "call" }>;

const INT: DataType = { root: "INT", nullable: false };
const NULL_HERE = "cannot tell the type of NULL here; write CAST(NULL AS <type>)";

/** Checks `expr` (spans from parseExpr) against the input columns; returns the tree with every NULL typed. */
export function checkExpr(expr: Expr, rowType: RowType, spans?: Spans): CheckResult {
  const c = new Checker(rowType, spans ?? new WeakMap());
  const r = c.check(expr);
  if (r && r.type === null) c.error("cannot tell the type of NULL here; write CAST(NULL AS <type>)", r.expr);
  if (!r || r.type === null || c.errors.length) return { ok: false, errors: c.errors };
  return { ok: true, expr: r.expr, type: r.type };
}

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
    if (!castable(inner.type, to)) return this.error(`cannot ${e.try ? "TRY_CAST" : "CAST"} ${typeName(inner.type)} to ${typeName(to)}`, e);
    return { expr: this.keep(e, { ...e, expr: inner.expr }), type: { ...to, nullable: e.try === true || inner.type.nullable } };
  }

  private checkCall(e: Call): Typed | undefined {
    const args: Typed[] = [];
    for (const a of e.args) {
      const r = this.check(a);
      if (r) args.push(r);
    }
    if (args.length !== e.args.length) return undefined; // the broken argument already said why
    const f = BY_IR.get(e.fn);
    if (!f) return this.error(`unsupported function ${e.fn}`, e);
    if (e.fn === "get" || e.fn === "at") return this.checkAccess(e, args[0]!, args[1]!);
    const n = args.length;
    if (n < minArgs(f) || (maxArgs(f) >= 0 && n > maxArgs(f))) return this.error(`${f.name} cannot take ${n} argument(s)`, e);
    const settled = this.settleAll(f, e, args);
    if (!settled) return undefined;
    for (let i = 0; i < n; i++) if (!this.accepts(f, e, settled, i)) return undefined;
    // TIMESTAMPADD's rules come before +'s, whose messages would speak of an interval the user never wrote
    const unit = TIMESTAMPADDS.get(e);
    const why = unit === undefined ? undefined : timestampAddProblem(unit, settled[0]!.type);
    if (why) return this.error(why, e.args[0]!);
    const info: Arg[] = settled.map((x) => ({ type: x.type, value: x.expr.kind === "lit" ? x.expr.value : undefined }));
    const r = f.returns(info);
    if ("error" in r) return this.error(r.error, r.arg === undefined ? e : e.args[r.arg]!);
    return this.out(e, r, settled);
  }

  /** Types every untyped NULL from its parameter: a fixed type, or the type of the other "like" arguments. */
  private settleAll(f: FunctionDef, e: Call, args: Typed[]): (Typed & { type: DataType })[] | undefined {
    const likeType = args.find((x, i) => x.type !== null && paramAt(f, i)?.nullAs === "like")?.type ?? null;
    const out: (Typed & { type: DataType })[] = [];
    for (const [i, x] of args.entries()) {
      const param = paramAt(f, i)!;
      const nullAs = param.nullAs === "like" ? likeType : param.nullAs ?? NULL_AS[param.family] ?? null;
      if (x.type === null && nullAs === null) {
        return this.error(likeType === null && param.nullAs === "like" && f.form?.kind === "infix"
          ? `cannot tell the type of NULL ${f.name} NULL` : NULL_HERE, e.args[i]!);
      }
      out.push(x.type === null ? this.settle(x, nullAs!) : (x as Typed & { type: DataType }));
    }
    return out;
  }

  /** Whether argument i fits its parameter's family; says why not at the argument. */
  private accepts(f: FunctionDef, e: Call, args: (Typed & { type: DataType })[], i: number): boolean {
    const param = paramAt(f, i)!;
    const x = args[i]!;
    if (param.family === "unit" || param.family === "text") {
      const v = x.expr.kind === "lit" ? x.expr.value : null;
      if (typeof v !== "string") return !this.error(`${f.name} needs a string literal as its ${param.name}`, e.args[i]!);
      if (param.units && !param.units.includes(v)) return !this.error(`${f.name} cannot use the unit ${v}; use one of ${param.units.join(", ")}`, e.args[i]!);
      return true;
    }
    if (ACCEPTS[param.family](x.type)) return true;
    const got = typeName(x.type);
    const which = args.length > 1 ? `argument ${i + 1}` : "its argument";
    const message = param.family === "boolean" ? `${f.name} needs BOOLEAN operands, got ${got}`
      : param.family === "string" ? `${f.name} needs strings, but ${which} is ${got}; use CAST(… AS STRING)`
      : `${f.name} needs ${FAMILY_NAME[param.family]} as ${which} (${param.name}), got ${got}`;
    return !this.error(message, e.args[i]!);
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
}
