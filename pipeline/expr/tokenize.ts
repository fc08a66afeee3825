// Tokenizer for the expression language: hand-written so every token and error carries exact 0-based offsets.

export type Span = { start: number; end: number };

export type Token =
  | { t: "num"; text: string } & Span
  | { t: "str"; value: string } & Span
  /** bare identifier or keyword; `upper` is for case-insensitive keyword/function matching */
  | { t: "ident"; text: string; upper: string } & Span
  /** backquoted identifier, already unescaped: never a keyword */
  | { t: "qident"; text: string } & Span
  | { t: "op"; text: string } & Span
  | { t: "eof" } & Span;


export class ExprSyntaxError extends Error {
  constructor(message: string, readonly span: Span) {
    super(message);
  }
}

const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_$]/u;
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPS = ["<>", "<=", ">=", "!=", "+", "-", "*", "/", "%", "=", "<", ">", "(", ")", ",", "[", "]", "."];

/** Splits `src` into tokens; throws ExprSyntaxError with the offending span. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = String.fromCodePoint(src.codePointAt(i)!);
    if (/\s/.test(c)) { i += c.length; continue; }
    const start = i;
    // a "." starts a number only before a digit (.5); otherwise it is field access (payload.user)
    if (/\d/.test(c) || (c === "." && /\d/.test(src[i + 1] ?? ""))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      if (!m) throw new ExprSyntaxError(`unexpected character "${c}" at ${i}`, { start: i, end: i + 1 });
      i += m[0].length;
      out.push({ t: "num", text: m[0], start, end: i });
    } else if (c === "'" || c === "`") {
      const { value, end } = readQuoted(src, i, c);
      i = end;
      out.push(c === "'" ? { t: "str", value, start, end } : { t: "qident", text: value, start, end });
      if (c === "`" && value === "") throw new ExprSyntaxError(`empty column name at ${start}`, { start, end });
    } else if (IDENT_START.test(c)) {
      // iterate by code point so letters outside the BMP stay whole
      let j = i + c.length;
      while (j < src.length) {
        const ch = String.fromCodePoint(src.codePointAt(j)!);
        if (!IDENT_PART.test(ch)) break;
        j += ch.length;
      }
      const text = src.slice(i, j);
      i = j;
      out.push({ t: "ident", text, upper: text.toUpperCase(), start, end: i });
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) {
        const hint = c === '"' ? '; quote column names with backticks, e.g. `my column`, and strings with single quotes' : "";
        throw new ExprSyntaxError(`unexpected character "${c}" at ${i}${hint}`, { start: i, end: i + c.length });
      }
      i += op.length;
      out.push({ t: "op", text: op, start, end: i });
    }
  }
  out.push({ t: "eof", start: src.length, end: src.length });
  return out;
}

/** Reads a quoted run where a doubled quote stands for one quote character. */
function readQuoted(src: string, start: number, q: string): { value: string; end: number } {
  let value = "";
  let i = start + 1;
  for (;;) {
    const k = src.indexOf(q, i);
    if (k < 0) {
      const what = q === "'" ? "string" : "quoted column name";
      throw new ExprSyntaxError(`unterminated ${what} starting at ${start}`, { start, end: src.length });
    }
    value += src.slice(i, k);
    if (src[k + 1] === q) { value += q; i = k + 2; continue; }
    return { value, end: k + 1 };
  }
}
