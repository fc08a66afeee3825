// Pratt parser for the expression language: text → Expr tree, with a side table of source spans for error reporting.
import type { Expr } from "./ast";
import { PREC } from "./functions";
import { booleanLiteral, nullLiteral, numberLiteral, stringLiteral, UNTYPED_NULL } from "./literals";
import { INFIX, KEYWORDS } from "./operators";
import { parseCase, parseCast, parseNamed } from "./parse-forms";
import { parseInterval } from "./parse-temporal";
import { describe, type Spans, TokenStream } from "./parse-stream";
import { ExprSyntaxError, type Span, type Token } from "./tokenize";

export type { Spans } from "./parse-stream";
export type ParseResult =
  | { ok: true; expr: Expr; spans: Spans }
  | { ok: false; error: { message: string; span: Span } };

/** Parses one expression; never throws. */
export function parseExpr(src: string): ParseResult {
  try {
    const p = new Parser(src);
    return { ok: true, expr: p.parseAll(), spans: p.spans };
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { ok: false, error: { message: e.message, span: e.span } };
    throw e;
  }
}

/** Words after IS: IS [NOT] NULL / TRUE / FALSE / JSON, and the IR function each gives. */
const IS_WORDS: Record<string, [string, string]> = {
  NULL: ["isNull", "isNotNull"], TRUE: ["isTrue", "isNotTrue"], FALSE: ["isFalse", "isNotFalse"], JSON: ["isJson", ""],
};

export class Parser extends TokenStream {
  parseAll(): Expr {
    if (this.peek().t === "eof") throw new ExprSyntaxError("expression is empty", { start: 0, end: this.src.length });
    const e = this.parseExpr(0);
    const t = this.peek();
    if (t.t !== "eof") this.fail(`unexpected ${describe(t)} at ${t.start}`, t);
    return e;
  }

  parseExpr(minPrec: number): Expr {
    let left = this.parsePrefix();
    for (;;) {
      const t = this.peek();
      const key = t.t === "op" ? t.text : t.t === "ident" ? t.upper : "";
      const start = this.spanOf(left).start;
      if (key === "IS" && PREC.is >= minPrec) { left = this.parseIs(left); continue; }
      // x [NOT] BETWEEN / IN / LIKE / SIMILAR TO: comparisons in Calcite's precedence
      const negated = key === "NOT" && ["BETWEEN", "IN", "LIKE", "SIMILAR"].includes(this.peek(1).t === "ident" ? (this.peek(1) as { upper: string }).upper : "");
      const word = negated ? (this.peek(1) as { upper: string }).upper : key;
      if (["BETWEEN", "IN", "LIKE", "SIMILAR"].includes(word) && PREC.cmp >= minPrec) {
        if (negated) this.next();
        this.next();
        const e = this.parsePredicate(word, negated, left);
        left = negated && word !== "BETWEEN" ? this.call("not", [e], start, this.spanOf(e).end) : e;
        continue;
      }
      const op = t.t === "op" || t.t === "ident" ? INFIX.get(key) : undefined;
      if (!op || op.prec < minPrec) return left;
      this.next();
      const right = this.parseExpr(op.prec + 1);
      left = this.call(op.ir, [left, right], start, this.spanOf(right).end);
    }
  }

  private parseIs(left: Expr): Expr {
    const start = this.spanOf(left).start;
    this.next();
    const negated = this.isWord("NOT") ? (this.next(), true) : false;
    const t = this.peek();
    if (t.t === "ident" && t.upper === "DISTINCT") {
      this.next();
      this.expectWord("FROM");
      const right = this.parseExpr(PREC.cmp + 1);
      return this.distinctFrom(left, right, negated, start, this.spanOf(right).end);
    }
    const fns = t.t === "ident" ? IS_WORDS[t.upper] : undefined;
    if (!fns) return this.fail(`expected NULL, TRUE, FALSE, JSON or DISTINCT FROM at ${t.start}`, t);
    this.next();
    if (fns[0] === "isJson" && negated) return this.call("not", [this.call("isJson", [left], start, t.end)], start, t.end);
    return this.call(fns[negated ? 1 : 0], [left], start, t.end);
  }

  /**
   * a IS [NOT] DISTINCT FROM b has no Table API function, so it is written with ones that exist and typed as Flink
   * types it (BOOLEAN NOT NULL): COALESCE(a <> b, a IS NULL <> b IS NULL), with = for IS NOT DISTINCT FROM.
   */
  private distinctFrom(a: Expr, b: Expr, negated: boolean, start: number, end: number): Expr {
    // against a NULL literal it is IS [NOT] NULL (and a bare NULL could not be typed inside the COALESCE)
    const isNullLit = (e: Expr) => e.kind === "lit" && e.value === null && e.type === UNTYPED_NULL;
    if (isNullLit(a) || isNullLit(b)) return this.call(negated ? "isNull" : "isNotNull", [isNullLit(a) ? b : a], start, end);
    const cmp = negated ? "isEqual" : "isNotEqual";
    const nulls = this.call(cmp, [this.call("isNull", [a], start, end), this.call("isNull", [b], start, end)], start, end);
    return this.call("coalesce", [this.call(cmp, [a, b], start, end), nulls], start, end);
  }

  private parsePredicate(word: string, negated: boolean, x: Expr): Expr {
    const start = this.spanOf(x).start;
    if (word === "BETWEEN") {
      const low = this.parseExpr(PREC.cmp + 1);
      this.expectWord("AND");
      const high = this.parseExpr(PREC.cmp + 1);
      return this.call(negated ? "notBetween" : "between", [x, low, high], start, this.spanOf(high).end);
    }
    if (word === "IN") {
      this.expectOp("(");
      const values: Expr[] = [];
      do values.push(this.parseExpr(0)); while (this.isOp(",") && this.next());
      return this.call("in", [x, ...values], start, this.expectOp(")").end);
    }
    if (word === "SIMILAR") this.expectWord("TO");
    const pattern = this.parseExpr(PREC.cmp + 1);
    return this.call(word === "LIKE" ? "like" : "similar", [x, pattern], start, this.spanOf(pattern).end);
  }

  private parsePrefix(): Expr {
    const t = this.peek();
    if (t.t === "op" && t.text === "-") {
      this.next();
      const n = this.peek();
      if (n.t === "num") { this.next(); return this.numLit(n, true, t.start); }
      const operand = this.parseExpr(PREC.neg);
      return this.call("negative", [operand], t.start, this.spanOf(operand).end);
    }
    if (t.t === "ident" && t.upper === "NOT") {
      this.next();
      const operand = this.parseExpr(PREC.not);
      return this.call("not", [operand], t.start, this.spanOf(operand).end);
    }
    return this.parsePostfix(this.parsePrimary());
  }

  /** `.field` and `[index]` bind tighter than any operator and chain left to right: payload.tags[1]. */
  private parsePostfix(e: Expr): Expr {
    for (;;) {
      const start = this.spanOf(e).start;
      if (this.isOp(".")) {
        this.next();
        const f = this.next();
        // after a dot any word is a field name, keywords included (no ambiguity there)
        if (f.t !== "ident" && f.t !== "qident") this.fail(`expected a field name after "." at ${f.start}, found ${describe(f)}`, f);
        e = this.call("get", [e, this.mark(stringLiteral(f.text), f.start, f.end)], start, f.end);
      } else if (this.isOp("[")) {
        this.next();
        const index = this.parseExpr(0);
        e = this.call("at", [e, index], start, this.expectOp("]").end);
      } else {
        return e;
      }
    }
  }

  private numLit(n: Token & { t: "num" }, negative: boolean, start: number): Expr {
    const lit = numberLiteral(n.text, negative);
    if (typeof lit === "string") this.fail(lit, { start, end: n.end });
    return this.mark(lit, start, n.end);
  }

  private parsePrimary(): Expr {
    const t = this.next();
    switch (t.t) {
      case "num": return this.numLit(t, false, t.start);
      case "str": return this.mark(stringLiteral(t.value), t.start, t.end);
      case "qident": return this.mark({ kind: "col", name: t.text }, t.start, t.end);
      case "op":
        if (t.text === "(") {
          const inner = this.parseExpr(0);
          const close = this.expectOp(")");
          this.spans.set(inner, { start: t.start, end: close.end });
          return inner;
        }
        return this.fail(`expected an expression at ${t.start}, found ${describe(t)}`, t);
      case "eof": return this.fail(`expected an expression at ${t.start}`, t);
      case "ident": return this.parseWord(t);
    }
  }

  private parseWord(t: Token & { t: "ident" }): Expr {
    if (t.upper === "CASE") return parseCase(this, t);
    if (this.isOp("(") && (t.upper === "CAST" || t.upper === "TRY_CAST")) return parseCast(this, t);
    // INTERVAL is a word only before a string, so a column named interval still reads as one
    if (t.upper === "INTERVAL" && this.peek().t === "str") return parseInterval(this, t);
    switch (t.upper) {
      case "TRUE": return this.mark(booleanLiteral(true), t.start, t.end);
      case "FALSE": return this.mark(booleanLiteral(false), t.start, t.end);
      case "NULL": return this.mark(nullLiteral(), t.start, t.end);
    }
    const named = parseNamed(this, t);
    if (named) return named;
    if (KEYWORDS.has(t.upper)) {
      this.fail(`expected an expression at ${t.start}, found keyword ${t.upper} (quote a column with that name as \`${t.text}\`)`, t);
    }
    return this.mark({ kind: "col", name: t.text }, t.start, t.end);
  }
}
