// Pratt parser for the expression language: text → Expr tree, with a side table of source spans for error reporting.
import { formatType, parseType } from "../types";
import type { Expr } from "./ast";
import { booleanLiteral, nullLiteral, numberLiteral, stringLiteral } from "./literals";
import { BINARY, FUNCTION_NAMES, FUNCTIONS_BY_NAME, KEYWORDS, PREC } from "./operators";
import { ExprSyntaxError, type Span, type Token, tokenize } from "./tokenize";

export type Spans = WeakMap<Expr, Span>;
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

const describe = (t: Token) =>
  t.t === "eof" ? "end of input" : t.t === "str" ? `'${t.value}'` : t.t === "qident" ? `\`${t.text}\`` : `"${"text" in t ? t.text : ""}"`;

class Parser {
  readonly spans: Spans = new WeakMap();
  private readonly toks: Token[];
  private pos = 0;

  constructor(private readonly src: string) {
    this.toks = tokenize(src);
  }

  parseAll(): Expr {
    if (this.peek().t === "eof") throw new ExprSyntaxError("expression is empty", { start: 0, end: this.src.length });
    const e = this.parseExpr(0);
    const t = this.peek();
    if (t.t !== "eof") this.fail(`unexpected ${describe(t)} at ${t.start}`, t);
    return e;
  }

  private peek(k = 0): Token { return this.toks[Math.min(this.pos + k, this.toks.length - 1)]!; }
  private next(): Token { return this.toks[this.pos++]!; }
  private fail(message: string, span: Span): never { throw new ExprSyntaxError(message, { start: span.start, end: span.end }); }
  private mark<E extends Expr>(e: E, start: number, end: number): E { this.spans.set(e, { start, end }); return e; }
  private spanOf(e: Expr): Span { return this.spans.get(e)!; }

  private isOp(text: string, k = 0) { const t = this.peek(k); return t.t === "op" && t.text === text; }
  private isWord(word: string, k = 0) { const t = this.peek(k); return t.t === "ident" && t.upper === word; }

  private expectOp(text: string): Token {
    const t = this.peek();
    if (!this.isOp(text)) this.fail(`expected "${text}" at ${t.start}`, t);
    return this.next();
  }

  private parseExpr(minPrec: number): Expr {
    let left = this.parsePrefix();
    for (;;) {
      const t = this.peek();
      const key = t.t === "op" ? t.text : t.t === "ident" ? t.upper : "";
      if (key === "IS" && PREC.is >= minPrec) {
        this.next();
        const negated = this.isWord("NOT") ? (this.next(), true) : false;
        if (!this.isWord("NULL")) this.fail(`expected NULL at ${this.peek().start}`, this.peek());
        const end = this.next().end;
        left = this.mark({ kind: "call", fn: negated ? "isNotNull" : "isNull", args: [left] }, this.spanOf(left).start, end);
        continue;
      }
      const op = t.t === "op" || t.t === "ident" ? BINARY[key] : undefined;
      if (!op || op.prec < minPrec) return left;
      this.next();
      const right = this.parseExpr(op.prec + 1);
      left = this.mark({ kind: "call", fn: op.fn, args: [left, right] }, this.spanOf(left).start, this.spanOf(right).end);
    }
  }

  private parsePrefix(): Expr {
    const t = this.peek();
    if (t.t === "op" && t.text === "-") {
      this.next();
      const n = this.peek();
      if (n.t === "num") { this.next(); return this.numLit(n, true, t.start); }
      const operand = this.parseExpr(PREC.neg);
      return this.mark({ kind: "call", fn: "negative", args: [operand] }, t.start, this.spanOf(operand).end);
    }
    if (t.t === "ident" && t.upper === "NOT") {
      this.next();
      const operand = this.parseExpr(PREC.not);
      return this.mark({ kind: "call", fn: "not", args: [operand] }, t.start, this.spanOf(operand).end);
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
        e = this.mark({ kind: "call", fn: "get", args: [e, this.mark(stringLiteral(f.text), f.start, f.end)] }, start, f.end);
      } else if (this.isOp("[")) {
        this.next();
        const index = this.parseExpr(0);
        const close = this.expectOp("]");
        e = this.mark({ kind: "call", fn: "at", args: [e, index] }, start, close.end);
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
    if (this.isOp("(")) return t.upper === "CAST" ? this.parseCast(t) : this.parseCall(t);
    switch (t.upper) {
      case "TRUE": return this.mark(booleanLiteral(true), t.start, t.end);
      case "FALSE": return this.mark(booleanLiteral(false), t.start, t.end);
      case "NULL": return this.mark(nullLiteral(), t.start, t.end);
    }
    if (KEYWORDS.has(t.upper)) {
      this.fail(`expected an expression at ${t.start}, found keyword ${t.upper} (quote a column with that name as \`${t.text}\`)`, t);
    }
    return this.mark({ kind: "col", name: t.text }, t.start, t.end);
  }

  private parseCall(t: Token & { t: "ident" }): Expr {
    const f = FUNCTIONS_BY_NAME[t.upper];
    if (!f) this.fail(`unknown function ${t.text} at ${t.start}; known functions: ${FUNCTION_NAMES.join(", ")}`, t);
    this.expectOp("(");
    const args: Expr[] = [];
    if (!this.isOp(")")) {
      do args.push(this.parseExpr(0)); while (this.isOp(",") && this.next());
    }
    const close = this.expectOp(")");
    if (args.length < f.minArgs || args.length > f.maxArgs) {
      const want = f.minArgs === f.maxArgs ? `${f.minArgs} argument${f.minArgs === 1 ? "" : "s"}` : `at least ${f.minArgs} argument`;
      this.fail(`${f.name} takes ${want}, got ${args.length}`, { start: t.start, end: close.end });
    }
    return this.mark({ kind: "call", fn: f.fn, args }, t.start, close.end);
  }

  private parseCast(t: Token): Expr {
    this.expectOp("(");
    const inner = this.parseExpr(0);
    if (!this.isWord("AS")) this.fail(`expected AS at ${this.peek().start}`, this.peek());
    this.next();
    const first = this.peek();
    let depth = 0;
    while (!(this.isOp(")") && depth === 0)) {
      const k = this.next();
      if (k.t === "eof") this.fail(`expected ")" at ${k.start}`, k);
      if (k.t === "op" && k.text === "(") depth++;
      if (k.t === "op" && k.text === ")") depth--;
    }
    const close = this.next();
    const typeSpan = { start: first.start, end: Math.max(first.start, this.toks[this.pos - 2]!.end) };
    if (first === close) this.fail(`expected a type at ${first.start}`, first);
    const parsed = parseType(this.src.slice(typeSpan.start, typeSpan.end));
    if (!parsed.ok) this.fail(parsed.message, typeSpan);
    // a CAST keeps its input's nullability (as in Flink), so NOT NULL on the target adds nothing
    const type = formatType({ ...parsed.type, nullable: true });
    return this.mark({ kind: "cast", expr: inner, type }, t.start, close.end);
  }
}
