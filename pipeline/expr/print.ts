// Printer: Expr tree → expression-language text that parses back to the same tree (used for round trips and codegen).
import { formatType, parseType } from "../types";
import type { Expr } from "./ast";
import { countOf, printInterval } from "./interval-text";
import { numberLiteral, UNTYPED_NULL } from "./literals";
import { BY_IR, paramAt, PREC } from "./functions";
import { KEYWORDS } from "./operators";

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
    case "cast": return { text: `${e.try ? "TRY_CAST" : "CAST"}(${print(e.expr).text} AS ${stripNotNull(e.type)})`, prec: PREC.atom };
    case "call": return printCall(e);
  }
}

type Call = Extract<Expr, { kind: "call" }>;

const unitText = (e: Expr | undefined) => (e?.kind === "lit" && typeof e.value === "string" ? e.value : "?");

function printCall(e: Call): Printed {
  const f = BY_IR.get(e.fn);
  const form = f?.form ?? { kind: "call" as const };
  const arg = (i: number) => print(e.args[i]!);
  const list = (from = 0) => e.args.slice(from).map((a) => print(a).text).join(", ");
  switch (form.kind) {
    case "infix": {
      // left-associative: the right operand needs parentheses at equal precedence
      const text = e.args.map((a, i) => wrap(print(a), form.prec + (i > 0 ? 1 : 0))).join(` ${form.sym} `);
      return { text: e.args.length > 2 ? e.args.slice(1).reduce((acc, a) => `(${acc}) ${form.sym} ${wrap(print(a), form.prec + 1)}`, wrap(arg(0), form.prec)) : text, prec: form.prec };
    }
    case "prefix": {
      if (form.sym === "NOT") return { text: `NOT ${wrap(arg(0), PREC.not)}`, prec: PREC.not };
      const a = arg(0);
      // "--" would not read back, and -(5) must stay a negation rather than the literal -5
      const t = a.prec < PREC.neg || a.text.startsWith("-") || /^\d/.test(a.text) ? `(${a.text})` : a.text;
      return { text: `-${t}`, prec: PREC.neg };
    }
    case "postfix": return { text: `${wrap(arg(0), PREC.is + 1)} ${form.sym}`, prec: PREC.is };
    case "between": {
      const [x, lo, hi] = [0, 1, 2].map((i) => wrap(arg(i), PREC.cmp + 1));
      return { text: `${x} ${form.negated ? "NOT " : ""}BETWEEN ${lo} AND ${hi}`, prec: PREC.cmp };
    }
    case "in": return { text: `${wrap(arg(0), PREC.cmp + 1)} IN (${list(1)})`, prec: PREC.cmp };
    case "case": return printCase(e);
    case "extract": return { text: `${f!.name}(${unitText(e.args[1])} FROM ${arg(0).text})`, prec: PREC.atom };
    case "floorTo": return { text: `${f!.name}(${arg(0).text}${e.args.length > 1 ? ` TO ${unitText(e.args[1])}` : ""})`, prec: PREC.atom };
    case "position": return { text: `${f!.name}(${wrap(arg(0), PREC.add)} IN ${arg(1).text})`, prec: PREC.atom };
    case "jsonObject": {
      const pairs = [];
      for (let i = 0; i + 1 < e.args.length; i += 2) pairs.push(`${arg(i).text} VALUE ${arg(i + 1).text}`);
      return { text: `${f!.name}(${pairs.join(", ")})`, prec: PREC.atom };
    }
    case "bare": return { text: f!.name, prec: PREC.atom };
    case "get": {
      const name = e.args[1]?.kind === "lit" && typeof e.args[1].value === "string" ? e.args[1].value : "?";
      return { text: `${wrap(arg(0), PREC.atom)}.${printIdentifier(name)}`, prec: PREC.atom };
    }
    case "at": return { text: `${wrap(arg(0), PREC.atom)}[${arg(1).text}]`, prec: PREC.atom };
    case "interval": {
      const count = countOf(e.args[0]);
      // a count that is no literal cannot be an INTERVAL literal; the checker refuses it, the printer keeps it readable
      return { text: count === undefined ? `${f!.name}(${list()})` : printInterval(e.fn, count), prec: PREC.atom };
    }
    case "call": {
      const args = e.args.map((a, i) => (f && paramAt(f, i)?.family === "unit" ? unitText(a) : print(a).text));
      return { text: `${f?.name ?? e.fn.toUpperCase()}(${args.join(", ")})`, prec: PREC.atom };
    }
  }
}

/** ifThenElse chains print as one CASE: an ifThenElse in the ELSE position is the next WHEN. */
function printCase(e: Call): Printed {
  let text = "CASE";
  let cur: Expr = e;
  while (cur.kind === "call" && cur.fn === "ifThenElse" && cur.args.length === 3) {
    text += ` WHEN ${print(cur.args[0]!).text} THEN ${print(cur.args[1]!).text}`;
    cur = cur.args[2]!;
  }
  const none = cur.kind === "lit" && cur.value === null && cur.type === UNTYPED_NULL;
  return { text: `${text}${none ? "" : ` ELSE ${print(cur).text}`} END`, prec: PREC.atom };
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
