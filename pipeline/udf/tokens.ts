// A small TypeScript tokenizer: enough to find a function signature and read an object-literal type, skipping
// comments, strings, template literals and regular expressions so that their text is never mistaken for code.
export type Token = { kind: "id" | "str" | "num" | "punct" | "other"; text: string; start: number; end: number };

const ID_START = /[A-Za-z_$]/;
const ID_PART = /[A-Za-z0-9_$]/;
/** After these a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_IDS = new Set(["return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"]);

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: Token["kind"], start: number) => out.push({ kind, text: src.slice(start, i), start, end: i });
  while (i < src.length) {
    const c = src[i]!;
    const start = i;
    if (/\s/.test(c)) { i++; continue; }
    if (src.startsWith("//", i)) { while (i < src.length && src[i] !== "\n") i++; continue; }
    if (src.startsWith("/*", i)) { const e = src.indexOf("*/", i + 2); i = e < 0 ? src.length : e + 2; continue; }
    if (c === '"' || c === "'") { i = skipQuoted(src, i, c); push("str", start); continue; }
    if (c === "`") { i = skipTemplate(src, i); push("other", start); continue; }
    if (ID_START.test(c)) { while (i < src.length && ID_PART.test(src[i]!)) i++; push("id", start); continue; }
    if (/[0-9]/.test(c)) { while (i < src.length && /[0-9A-Za-z_.]/.test(src[i]!)) i++; push("num", start); continue; }
    if (c === "/" && regexAllowed(out.at(-1))) { i = skipRegex(src, i); push("other", start); continue; }
    i++;
    push("punct", start);
  }
  return out;
}

function regexAllowed(prev: Token | undefined): boolean {
  if (!prev) return true;
  if (prev.kind === "id") return REGEX_AFTER_IDS.has(prev.text);
  if (prev.kind === "punct") return !")]}".includes(prev.text);
  return false;
}

function skipQuoted(src: string, i: number, quote: string): number {
  i++;
  while (i < src.length && src[i] !== quote && src[i] !== "\n") i += src[i] === "\\" ? 2 : 1;
  return Math.min(i + 1, src.length);
}

function skipRegex(src: string, i: number): number {
  let inClass = false;
  i++;
  while (i < src.length && src[i] !== "\n") {
    const c = src[i]!;
    if (c === "\\") { i += 2; continue; }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) break;
    i++;
  }
  i++;
  while (i < src.length && ID_PART.test(src[i]!)) i++;
  return i;
}

/** A template literal, including `${…}` parts (nested braces, strings and templates inside them). */
function skipTemplate(src: string, i: number): number {
  i++;
  while (i < src.length && src[i] !== "`") {
    if (src[i] === "\\") { i += 2; continue; }
    if (src.startsWith("${", i)) { i = skipBraces(src, i + 2); continue; }
    i++;
  }
  return Math.min(i + 1, src.length);
}

function skipBraces(src: string, i: number): number {
  let depth = 1;
  while (i < src.length && depth > 0) {
    const c = src[i]!;
    if (c === '"' || c === "'") { i = skipQuoted(src, i, c); continue; }
    if (c === "`") { i = skipTemplate(src, i); continue; }
    if (c === "{") depth++;
    else if (c === "}") depth--;
    i++;
  }
  return i;
}

/** 1-based line and column of an offset, as editors and compilers report them. */
export function lineCol(src: string, offset: number): { line: number; column: number } {
  const before = src.slice(0, offset);
  const nl = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - nl };
}
