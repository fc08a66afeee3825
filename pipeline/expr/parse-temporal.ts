// The parser's temporal forms: INTERVAL '<text>' <unit> [TO <unit>] literals, and TIMESTAMPADD(unit, n, x), which the
// Table API has no function for and so is written as x + INTERVAL '1' unit * n (x + INTERVAL 'n' unit for a literal n).
import type { DataType } from "../types";
import type { Expr } from "./ast";
import { readInterval, UNIT_BY_WORD } from "./interval-text";
import type { Parser } from "./parse";
import type { Token } from "./tokenize";

type Ident = Token & { t: "ident" };

const WORDS = ["YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND"];
const TIMESTAMPADD_UNITS = [...WORDS, "MILLISECOND"];

/**
 * The `plus` calls TIMESTAMPADD wrote, with their unit, for the checker's TIMESTAMPADD rules: the count must be an
 * integer, and a DATE takes only units of a day or more (Flink SQL's TIMESTAMPADD(HOUR, 1, <DATE>) is a TIMESTAMP,
 * while DATE + INTERVAL '1' HOUR stays a DATE).
 */
export const TIMESTAMPADDS: WeakMap<Expr, string> = new WeakMap();

/** A unit word with an optional SQL precision that the language does not need: DAY(3), SECOND(2, 3). */
function unitWord(p: Parser): Token & { t: "ident" } {
  const u = p.next();
  if (u.t !== "ident" || !WORDS.includes(u.upper)) p.fail(`expected an interval unit (${WORDS.join(", ")}) at ${u.start}`, u);
  if (p.isOp("(")) {
    p.next();
    do { const n = p.next(); if (n.t !== "num") p.fail(`expected a precision at ${n.start}`, n); } while (p.isOp(",") && p.next());
    p.expectOp(")");
  }
  return u as Ident;
}

/** INTERVAL '1-2' YEAR TO MONTH → months(14); the count is an INT literal, or BIGINT when it needs one. */
export function parseInterval(p: Parser, t: Ident): Expr {
  const text = p.next() as Token & { t: "str" };
  const from = unitWord(p);
  const to = p.isWord("TO") ? (p.next(), unitWord(p)) : undefined;
  const v = readInterval(text.value, from.upper, to?.upper);
  const end = p.last().end;
  if (typeof v === "string") return p.fail(v, { start: t.start, end });
  const count = BigInt(v.count);
  const type = count >= -(2n ** 31n) && count < 2n ** 31n ? "INT NOT NULL" : "BIGINT NOT NULL";
  return p.call(v.ir, [p.mark({ kind: "lit", value: v.count, type }, text.start, text.end)], t.start, end);
}

/** TIMESTAMPADD(unit, n, x) after its "(": x + INTERVAL 'n' unit for a literal n of up to two digits, else x + INTERVAL '1' unit * n. */
export function parseTimestampAdd(p: Parser, t: Ident): Expr {
  const u = p.next();
  if (u.t !== "ident" || !TIMESTAMPADD_UNITS.includes(u.upper)) p.fail(`expected a time unit (${TIMESTAMPADD_UNITS.join(", ")}) at ${u.start}`, u);
  const unit = UNIT_BY_WORD.get((u as Ident).upper)!;
  p.expectOp(",");
  const n = p.parseExpr(0);
  p.expectOp(",");
  const x = p.parseExpr(0);
  const end = p.expectOp(")").end;
  const small = n.kind === "lit" && typeof n.value === "string" && /^-?\d{1,2}$/.test(n.value) && n.type === "INT NOT NULL";
  const one = (count: string) => p.call(unit.ir, [p.mark({ kind: "lit", value: count, type: "INT NOT NULL" }, u.start, u.end)], u.start, u.end);
  const interval = small ? one((n as { value: string }).value) : p.call("times", [one("1"), n], u.start, p.spanOf(n).end);
  const sum = p.call("plus", [x, interval], t.start, end);
  TIMESTAMPADDS.set(sum, unit.word);
  return sum;
}

/** Why TIMESTAMPADD(unit, …, x) is refused for x's type, or undefined. */
export function timestampAddProblem(unit: string, x: DataType): string | undefined {
  if (!["DATE", "TIMESTAMP", "TIMESTAMP_LTZ"].includes(x.root)) return `TIMESTAMPADD needs a DATE or TIMESTAMP as its third argument`;
  if (x.root === "DATE" && ["HOUR", "MINUTE", "SECOND", "MILLISECOND"].includes(unit)) {
    return `TIMESTAMPADD(${unit}, …) of a DATE is a TIMESTAMP in Flink SQL; write CAST(… AS TIMESTAMP(3)) as its third argument`;
  }
  return undefined;
}
