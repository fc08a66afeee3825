// Autocomplete for expression fields: what the word at the cursor could be — input columns (with their types) and the
// language's functions (with signatures) — and the text range a choice replaces. Pure: used by the inspector and tests.
import { type DataType, formatType, type RowType } from "../types";
import { BY_NAME } from "./functions";
import { KEYWORDS } from "./operators";
import { KEYWORD_SUGAR, SUGAR } from "./parse-forms";
import { printIdentifier } from "./print";
import { tokenize } from "./tokenize";

export type Suggestion = {
  kind: "column" | "function" | "keyword";
  /** what the list shows */
  label: string;
  /** type of a column, signature of a function */
  detail: string;
  /** what a function does, in one line (the catalogue's description) */
  doc?: string;
  /** replaces text[from, to); a function's ends with "(" so the arguments come next */
  insert: string;
};
export type Suggestions = { from: number; to: number; prefix: string; items: Suggestion[] };

/** Every function the parser knows by name, with its catalogue signature and description; bare words insert no "(". */
const FUNCTIONS: Suggestion[] = [
  ...[...BY_NAME.entries()].map(([name, f]) => ({ name, insert: f.form?.kind === "bare" ? name : `${name}(`, signature: f.signature, description: f.description })),
  ...Object.entries(SUGAR).map(([name, s]) => ({ name, insert: `${name}(`, ...s })),
  ...Object.entries(KEYWORD_SUGAR).map(([name, s]) => ({ name, ...s })),
].sort((a, b) => (a.name < b.name ? -1 : 1))
  .map((f) => ({ kind: "function", label: f.name, detail: f.signature, doc: f.description, insert: f.insert }));
const KEYWORD_ITEMS: Suggestion[] = ["AND", "OR", "NOT", "IS NULL", "IS NOT NULL", "TRUE", "FALSE", "NULL", "CASE WHEN", "BETWEEN", "IN", "LIKE",
  "SIMILAR TO", "IS DISTINCT FROM", "IS NOT DISTINCT FROM", "IS JSON", "THEN", "ELSE", "END"]
  .map((k) => ({ kind: "keyword", label: k, detail: "keyword", insert: k }));
// kept in step with the parser's keyword list: every word it reserves is offered
for (const k of KEYWORDS) if (!["CAST", "TRY_CAST", "AS", "IS", "CASE", "WHEN", "SIMILAR", "DISTINCT"].includes(k) && !BY_NAME.has(k) && !KEYWORD_ITEMS.some((i) => i.label === k)) {
  KEYWORD_ITEMS.push({ kind: "keyword", label: k, detail: "keyword", insert: k });
}

const WORD_PART = /[\p{L}\p{N}_$]/u;

/** Where the cursor is: in a string literal (nothing to suggest), in a `quoted name` (from its backquote), or after a word. */
function wordAt(text: string, cursor: number): { from: number; prefix: string; quoted: boolean } | undefined {
  let quoteStart = -1;
  let inString = false;
  for (let i = 0; i < cursor; i++) {
    const c = text[i];
    if (inString) {
      if (c === "'") inString = text[i + 1] === "'" && i + 1 < cursor ? (i++, true) : false;
    } else if (quoteStart >= 0) {
      if (c === "`") quoteStart = text[i + 1] === "`" && i + 1 < cursor ? (i++, quoteStart) : -1;
    } else if (c === "'") inString = true;
    else if (c === "`") quoteStart = i;
  }
  if (inString) return undefined;
  if (quoteStart >= 0) return { from: quoteStart, prefix: text.slice(quoteStart + 1, cursor).replaceAll("``", "`"), quoted: true };
  let from = cursor;
  while (from > 0 && WORD_PART.test(text[from - 1]!)) from--;
  // a number is not the start of a name
  if (/^\p{N}/u.test(text.slice(from, cursor))) return undefined;
  return { from, prefix: text.slice(from, cursor), quoted: false };
}

/** Ranks prefix matches before infix ones, both case-insensitively; an empty prefix matches everything. */
function rank(items: Suggestion[], prefix: string, name: (s: Suggestion) => string): Suggestion[] {
  const p = prefix.toLowerCase();
  const starts = items.filter((s) => name(s).toLowerCase().startsWith(p));
  const contains = items.filter((s) => !name(s).toLowerCase().startsWith(p) && name(s).toLowerCase().includes(p));
  return [...starts, ...contains];
}

/**
 * Suggestions for the word ending at `cursor`. `explicit` (Ctrl+Space) lists everything even before a letter is typed;
 * otherwise an empty word suggests nothing. Inside a `quoted name` only columns are offered.
 */
export function suggest(text: string, cursor: number, rowType: RowType | undefined, explicit = false): Suggestions {
  const at = wordAt(text, cursor);
  const none = { from: cursor, to: cursor, prefix: "", items: [] };
  // a "." just typed is reason enough to list the fields
  if (!at || (!explicit && !at.quoted && at.prefix === "" && text[at.from - 1] !== ".")) return none;
  // the rest of the word after the cursor is replaced too, so accepting in the middle of a name does not leave a tail
  let to = cursor;
  if (!at.quoted) while (to < text.length && WORD_PART.test(text[to]!)) to++;
  // after `payload.` (or `payload.user.`) the choices are that ROW's fields, and only those
  if (text[at.from - 1] === "." && !/\d/.test(text[at.from - 2] ?? "")) {
    const row = receiverType(text.slice(0, at.from - 1), rowType ?? []);
    if (row?.root !== "ROW") return none;
    const fields: Suggestion[] = (row.fields ?? []).map((f) => ({
      kind: "column", label: f.name, detail: formatType(f.type), insert: at.quoted ? "`" + f.name.replaceAll("`", "``") + "`" : printIdentifier(f.name),
    }));
    const typed = text.slice(at.from, to);
    return { from: at.from, to, prefix: at.prefix, items: rank(fields, at.prefix, (x) => x.label).filter((x) => x.insert !== typed).slice(0, 50) };
  }
  const columns: Suggestion[] = (rowType ?? []).map((c) => ({
    kind: "column", label: c.name, detail: formatType(c.type), insert: at.quoted ? "`" + c.name.replaceAll("`", "``") + "`" : printIdentifier(c.name),
  }));
  const items = at.quoted
    ? rank(columns, at.prefix, (s) => s.label)
    : [...rank(columns, at.prefix, (s) => s.label), ...rank(FUNCTIONS, at.prefix, (s) => s.label), ...rank(KEYWORD_ITEMS, at.prefix, (s) => s.label)];
  // the word typed in full is no suggestion
  const useful = items.filter((s) => !(s.insert === text.slice(at.from, to) && s.kind !== "function"));
  return { from: at.from, to, prefix: at.prefix, items: useful.slice(0, 200) };
}

/** The type of the dotted name `a.b.c` that `before` ends with (column, then ROW fields); undefined if it is anything else. */
function receiverType(before: string, rowType: RowType): DataType | undefined {
  let toks;
  try { toks = tokenize(before).slice(0, -1); } catch { return undefined; }
  const path: string[] = [];
  for (let i = toks.length - 1; i >= 0; i -= 2) {
    const t = toks[i]!;
    if (t.t !== "ident" && t.t !== "qident") return undefined;
    path.unshift(t.text);
    const dot = toks[i - 1];
    if (!(dot?.t === "op" && dot.text === ".")) break;
  }
  let type = rowType.find((c) => c.name === path[0])?.type;
  for (const name of path.slice(1)) type = type?.root === "ROW" ? type.fields?.find((f) => f.name === name)?.type : undefined;
  return type;
}

/** The text after choosing `s`, and where the cursor goes (after the insertion; inside a function's parentheses). */
export function applySuggestion(text: string, range: { from: number; to: number }, s: Suggestion): { text: string; cursor: number } {
  const rest = text.slice(range.to);
  const insert = s.kind === "function" && rest.startsWith("(") ? s.insert.slice(0, -1) : s.insert;
  const out = text.slice(0, range.from) + insert + rest;
  return { text: out, cursor: range.from + insert.length + (s.kind === "function" && insert !== s.insert ? 1 : 0) };
}
