// Printer: Expr tree → expression-language text that parses back to the same tree (used for round trips and codegen).
import { formatType, parseType } from "../types";
import type { Expr } from "./ast";
import { numberLiteral, UNTYPED_NULL } from "./literals";
import { BINARY_BY_FN, FUNCTION_BY_FN, KEYWORDS, PREC } from "./operators";

const BARE = /^[\p{L}_][\p{L}\p{N}_$]*$/u;

/** A column reference: bare when it reads back as the same name, else backquoted with `` for a backquote. */
export function printIdentifier(name: string): string {
  return BARE.test(name) && !KEYWORDS.has(name.toUpperCase()) ? name : "`" + name.replaceAll("`", "``") + "`";
}

export function printExpr(e: Expr): string {
  return print(e).text;
}

type Printed = { text: string; prec: number };

const wrap = (p: Printed, min: number) => (p.prec < min ? `(${p.text})` : p.text);

function print(e: Expr): Printed {
  switch (e.kind) {
    case "col": return { text: printIdentifier(e.name), prec: PREC.atom };
    case "lit": return printLiteral(e);
    case "cast": return { text: `CAST(${print(e.expr).text} AS ${stripNotNull(e.type)})`, prec: PREC.atom };
    case "call": return printCall(e);
  }
}

function printCall(e: Extract<Expr, { kind: "call" }>): Printed {
  const bin = BINARY_BY_FN[e.fn];
  if (bin && e.args.length === 2) {
    // left-associative: the right operand needs parentheses at equal precedence
    const l = wrap(print(e.args[0]!), bin.prec);
    const r = wrap(print(e.args[1]!), bin.prec + 1);
    return { text: `${l} ${bin.sym} ${r}`, prec: bin.prec };
  }
  const arg = (i: number) => print(e.args[i]!);
  switch (e.fn) {
    case "get": {
      const name = e.args[1]?.kind === "lit" && typeof e.args[1].value === "string" ? e.args[1].value : "?";
      return { text: `${wrap(arg(0), PREC.atom)}.${printIdentifier(name)}`, prec: PREC.atom };
    }
    case "at": return { text: `${wrap(arg(0), PREC.atom)}[${arg(1).text}]`, prec: PREC.atom };
    case "not": return { text: `NOT ${wrap(arg(0), PREC.not)}`, prec: PREC.not };
    case "isNull": return { text: `${wrap(arg(0), PREC.is + 1)} IS NULL`, prec: PREC.is };
    case "isNotNull": return { text: `${wrap(arg(0), PREC.is + 1)} IS NOT NULL`, prec: PREC.is };
    case "negative": {
      const a = arg(0);
      // "--" would not read back, and -(5) must stay a negation rather than the literal -5
      const t = a.prec < PREC.neg || a.text.startsWith("-") || /^\d/.test(a.text) ? `(${a.text})` : a.text;
      return { text: `-${t}`, prec: PREC.neg };
    }
  }
  const f = FUNCTION_BY_FN[e.fn];
  const name = f?.name ?? e.fn.toUpperCase();
  return { text: `${name}(${e.args.map((a) => print(a).text).join(", ")})`, prec: PREC.atom };
}

const stripNotNull = (type: string) => type.replace(/\s+NOT\s+NULL\s*$/i, "");

function printLiteral(e: Extract<Expr, { kind: "lit" }>): Printed {
  if (e.value === null) {
    const text = e.type === UNTYPED_NULL ? "NULL" : `CAST(NULL AS ${stripNotNull(e.type)})`;
    return { text, prec: PREC.atom };
  }
  if (typeof e.value === "boolean") return { text: e.value ? "TRUE" : "FALSE", prec: PREC.atom };
  const t = parseType(e.type);
  const root = t.ok ? t.type.root : "STRING";
  let text: string;
  let natural: string;
  if (root === "CHAR" || root === "VARCHAR" || root === "STRING") {
    text = `'${e.value.replaceAll("'", "''")}'`;
    natural = "STRING NOT NULL";
  } else {
    text = (root === "DOUBLE" || root === "FLOAT") && !/[eE]/.test(e.value) ? `${e.value}e0` : e.value;
    const neg = text.startsWith("-");
    const lit = numberLiteral(neg ? text.slice(1) : text, neg);
    natural = typeof lit === "string" ? "" : lit.type;
  }
  const same = t.ok && formatType(t.type) === natural;
  if (same) return { text, prec: text.startsWith("-") ? PREC.neg : PREC.atom };
  return { text: `CAST(${text} AS ${stripNotNull(e.type)})`, prec: PREC.atom };
}
