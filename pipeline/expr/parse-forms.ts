// The parser's named forms: NAME(args) from the catalogue, CAST / TRY_CAST, CASE, EXTRACT(u FROM x), FLOOR(x TO u),
// POSITION(a IN b), JSON_OBJECT(k VALUE v), bare CURRENT_DATE, and NULLIF (written as the CASE it means).
import { formatType, parseType } from "../types";
import type { Expr } from "./ast";
import { closest } from "./compat";
import { BY_NAME, type FunctionDef, maxArgs, minArgs, paramAt } from "./functions";
import { nullLiteral, stringLiteral } from "./literals";
import type { Parser } from "./parse";
import { parseTimestampAdd } from "./parse-temporal";
import type { Token } from "./tokenize";

type Ident = Token & { t: "ident" };

/** Named forms that are not catalogue rows because Flink has no function for them: they parse into ones it has. */
export const SUGAR = {
  NULLIF: { signature: "NULLIF(a, b)", description: "NULL when a equals b, else a" },
  CAST: { signature: "CAST(x AS type) → type", description: "x converted to the type; an error when it does not convert" },
  TRY_CAST: { signature: "TRY_CAST(x AS type) → type", description: "x converted to the type; NULL when it does not convert" },
  TIMESTAMPADD: { signature: "TIMESTAMPADD(unit, n, time) → time", description: "n units (YEAR … SECOND, MILLISECOND) after a DATE or TIMESTAMP; month ends clamp (Jan 31 + 1 MONTH is Feb 29 in 2024)" },
} as const;

/** Forms written with a keyword rather than a call, offered by completion as they are typed. */
export const KEYWORD_SUGAR = {
  INTERVAL: { signature: "INTERVAL '5' MINUTE, INTERVAL '1-2' YEAR TO MONTH → INTERVAL", description: "a length of time to add to or subtract from a DATE or TIMESTAMP", insert: "INTERVAL '" },
} as const;

export function parseCast(p: Parser, t: Ident): Expr {
  p.expectOp("(");
  const inner = p.parseExpr(0);
  p.expectWord("AS");
  const { text, span, close } = p.typeText();
  const parsed = parseType(text);
  if (!parsed.ok) p.fail(parsed.message, span);
  // a CAST keeps its input's nullability (as in Flink), so NOT NULL on the target adds nothing
  const type = formatType({ ...parsed.type, nullable: true });
  const e: Expr = t.upper === "TRY_CAST" ? { kind: "cast", expr: inner, type, try: true } : { kind: "cast", expr: inner, type };
  return p.mark(e, t.start, close.end);
}

/** CASE WHEN c THEN a [WHEN …] [ELSE b] END → ifThenElse(c, a, ifThenElse(…, b)); no ELSE is ELSE NULL. */
export function parseCase(p: Parser, t: Ident): Expr {
  // CASE x WHEN v THEN … compares x with each v
  const subject = p.isWord("WHEN") ? undefined : p.parseExpr(0);
  const arms: [Expr, Expr][] = [];
  while (p.isWord("WHEN")) {
    const w = p.next();
    const v = p.parseExpr(0);
    const cond = subject ? p.call("isEqual", [subject, v], w.start, p.spanOf(v).end) : v;
    p.expectWord("THEN");
    arms.push([cond, p.parseExpr(0)]);
  }
  if (!arms.length) p.fail(`expected WHEN at ${p.peek().start}`, p.peek());
  let otherwise: Expr;
  if (p.isWord("ELSE")) {
    p.next();
    otherwise = p.parseExpr(0);
  } else {
    const at = p.peek();
    otherwise = p.mark(nullLiteral(), at.start, at.start);
  }
  const end = p.expectWord("END").end;
  return arms.reduceRight((acc, [c, v]) => p.call("ifThenElse", [c, v, acc], t.start, end), otherwise);
}

/** A catalogue function or NULLIF by name; undefined when `t` is no function name (a column, then). */
export function parseNamed(p: Parser, t: Ident): Expr | undefined {
  const f = BY_NAME.get(t.upper);
  if (f?.form?.kind === "bare" && !p.isOp("(")) return p.call(f.ir, [], t.start, t.end);
  if (!p.isOp("(")) return undefined;
  if (t.upper === "NULLIF") {
    p.expectOp("(");
    const [a, b] = args(p, t, { name: "NULLIF", min: 2, max: 2 });
    return p.call("ifThenElse", [p.call("isEqual", [a!, b!], t.start, p.last().end), p.mark(nullLiteral(), t.start, t.end), a!], t.start, p.last().end);
  }
  if (t.upper === "TIMESTAMPADD") {
    p.expectOp("(");
    return parseTimestampAdd(p, t);
  }
  if (f?.ir === "jsonValue") return parseJsonValue(p, t, f);
  if (!f) {
    const near = closest(t.upper, [...BY_NAME.keys(), ...Object.keys(SUGAR)]);
    const hint = near !== undefined && near !== t.upper ? `; did you mean ${near}?` : "; Ctrl+Space lists the functions";
    return p.fail(`unknown function ${t.text} at ${t.start}${hint}`, t);
  }
  const kind = f.form?.kind;
  p.expectOp("(");
  if (kind === "extract") {
    const unit = unitLiteral(p, f, 1);
    p.expectWord("FROM");
    const x = p.parseExpr(0);
    return p.call(f.ir, [x, unit], t.start, p.expectOp(")").end);
  }
  if (kind === "position") {
    const needle = p.parseExpr(40); // above IN's precedence, so the IN is this form's
    p.expectWord("IN");
    const s = p.parseExpr(0);
    return p.call(f.ir, [needle, s], t.start, p.expectOp(")").end);
  }
  if (kind === "floorTo") {
    const x = p.parseExpr(0);
    if (!p.isWord("TO")) return p.call(f.ir, [x], t.start, p.expectOp(")").end);
    p.next();
    const unit = unitLiteral(p, f, 1);
    return p.call(f.ir, [x, unit], t.start, p.expectOp(")").end);
  }
  if (kind === "jsonObject") {
    const list: Expr[] = [];
    if (!p.isOp(")")) do {
      if (p.isWord("KEY")) p.next();
      list.push(p.parseExpr(0));
      p.expectWord("VALUE");
      list.push(p.parseExpr(0));
    } while (p.isOp(",") && p.next());
    return p.call(f.ir, list, t.start, p.expectOp(")").end);
  }
  return p.call(f.ir, args(p, t, { name: f.name, min: minArgs(f), max: maxArgs(f), f }), t.start, p.last().end);
}

/**
 * JSON_VALUE(json, path [RETURNING type]). RETURNING is written TRY_CAST(JSON_VALUE(json, path) AS type): Flink 2.3's own
 * RETURNING fails the job where the JSON value has another JSON type ('"2"' RETURNING INT, 1 RETURNING DOUBLE throw a
 * ClassCastException), while its documented default is NULL ON ERROR, which the TRY_CAST gives.
 */
function parseJsonValue(p: Parser, t: Ident, f: FunctionDef): Expr {
  p.expectOp("(");
  const json = p.parseExpr(0);
  p.expectOp(",");
  const path = p.parseExpr(0);
  if (!p.isWord("RETURNING")) return p.call(f.ir, [json, path], t.start, p.expectOp(")").end);
  p.next();
  const { text, span, close } = p.typeText();
  const parsed = parseType(text);
  if (!parsed.ok) p.fail(parsed.message, span);
  const call = p.call(f.ir, [json, path], t.start, close.end);
  return p.mark({ kind: "cast", expr: call, type: formatType({ ...parsed.type, nullable: true }), try: true }, t.start, close.end);
}

/** The arguments of NAME(…) after its "(", unit parameters read as bare words; checks their count. */
function args(p: Parser, t: Ident, a: { name: string; min: number; max: number; f?: FunctionDef }): Expr[] {
  const list: Expr[] = [];
  if (!p.isOp(")")) {
    do list.push(a.f && paramAt(a.f, list.length)?.family === "unit" ? unitLiteral(p, a.f, list.length) : p.parseExpr(0));
    while (p.isOp(",") && p.next());
  }
  const close = p.expectOp(")");
  const n = list.length;
  if (n < a.min || (a.max >= 0 && n > a.max)) {
    const want = a.min === a.max ? `${a.min} argument${a.min === 1 ? "" : "s"}`
      : a.max < 0 ? `at least ${a.min} arguments` : `${a.min} to ${a.max} arguments`;
    p.fail(`${a.name} takes ${want}, got ${n}`, { start: t.start, end: close.end });
  }
  return list;
}

/** A time unit written as a bare word (DAY), kept in the IR as a string literal. */
function unitLiteral(p: Parser, f: FunctionDef, i: number): Expr {
  const units = paramAt(f, i)?.units ?? [];
  const u = p.next();
  if (u.t !== "ident" || !units.includes(u.upper)) p.fail(`expected a time unit (${units.join(", ")}) at ${u.start}`, u);
  return p.mark(stringLiteral((u as Ident).upper), u.start, u.end);
}
