// The parser's token cursor: peeking, expecting and failing with exact spans, and the side table of each tree's span.
import type { Expr } from "./ast";
import { ExprSyntaxError, type Span, type Token, tokenize } from "./tokenize";

export type Spans = WeakMap<Expr, Span>;
export type Call = Extract<Expr, { kind: "call" }>;

export const describe = (t: Token) =>
  t.t === "eof" ? "end of input" : t.t === "str" ? `'${t.value}'` : t.t === "qident" ? `\`${t.text}\`` : `"${"text" in t ? t.text : ""}"`;

export class TokenStream {
  readonly spans: Spans = new WeakMap();
  protected readonly toks: Token[];
  protected pos = 0;

  constructor(protected readonly src: string) {
    this.toks = tokenize(src);
  }

  peek(k = 0): Token { return this.toks[Math.min(this.pos + k, this.toks.length - 1)]!; }
  next(): Token { return this.toks[this.pos++]!; }
  /** the token before the cursor */
  last(): Token { return this.toks[this.pos - 1]!; }
  fail(message: string, span: Span): never { throw new ExprSyntaxError(message, { start: span.start, end: span.end }); }
  mark<E extends Expr>(e: E, start: number, end: number): E { this.spans.set(e, { start, end }); return e; }
  spanOf(e: Expr): Span { return this.spans.get(e)!; }
  call(fn: string, args: Expr[], start: number, end: number): Call { return this.mark({ kind: "call", fn, args }, start, end); }

  isOp(text: string, k = 0) { const t = this.peek(k); return t.t === "op" && t.text === text; }
  isWord(word: string, k = 0) { const t = this.peek(k); return t.t === "ident" && t.upper === word; }

  expectOp(text: string): Token {
    const t = this.peek();
    if (!this.isOp(text)) this.fail(`expected "${text}" at ${t.start}`, t);
    return this.next();
  }

  expectWord(word: string, what = word): Token {
    const t = this.peek();
    if (!this.isWord(word)) this.fail(`expected ${what} at ${t.start}`, t);
    return this.next();
  }

  /** The source text of a type up to the closing ")" of the enclosing form (CAST(x AS DECIMAL(10, 2))), and its span. */
  typeText(): { text: string; span: Span; close: Token } {
    const first = this.peek();
    let depth = 0;
    while (!(this.isOp(")") && depth === 0)) {
      const k = this.next();
      if (k.t === "eof") this.fail(`expected ")" at ${k.start}`, k);
      if (k.t === "op" && k.text === "(") depth++;
      if (k.t === "op" && k.text === ")") depth--;
    }
    const close = this.next();
    if (first === close) this.fail(`expected a type at ${first.start}`, first);
    const span = { start: first.start, end: Math.max(first.start, this.toks[this.pos - 2]!.end) };
    return { text: this.src.slice(span.start, span.end), span, close };
  }
}
