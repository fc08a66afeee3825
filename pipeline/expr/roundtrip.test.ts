// Property test: for many generated expression trees, parse(print(tree)) gives the tree back.
import { describe, expect, it } from "vitest";
import type { Expr, FunctionName } from "./ast";
import { CATALOGUE, maxArgs, minArgs, paramAt } from "./functions";
import { parseExpr } from "./parse";
import { printExpr } from "./print";

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["a", "my col", "back`tick", "it's", "名前", "AND", "x1", "_y", "1st", "température", ""];
const LITERALS = ["0", "42", "-7", "2147483648", "-9223372036854775808", "1.50", "-0.05", "1e3", "-2.5E-3", "'it''s'", "''", "TRUE", "false", "NULL"];
const BINARY: FunctionName[] = ["plus", "minus", "times", "dividedBy", "mod", "isEqual", "isNotEqual", "isLess", "isLessOrEqual", "isGreater", "isGreaterOrEqual", "and", "or"];
const UNARY: FunctionName[] = ["not", "isNull", "isNotNull", "negative", "upperCase", "lowerCase", "charLength", "trim"];
const TYPES = ["INT", "BIGINT", "DECIMAL(10, 2)", "STRING", "DOUBLE", "BOOLEAN", "VARCHAR(5)", "TIMESTAMP(3)"];

function literal(text: string): Expr {
  const r = parseExpr(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

function gen(next: () => number, depth: number): Expr {
  const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const r = next();
  if (depth === 0 || r < 0.25) {
    return r < 0.12 ? { kind: "col", name: pick(NAMES.filter((n) => n !== "")) } : literal(pick(LITERALS));
  }
  if (r < 0.65) return { kind: "call", fn: pick(BINARY), args: [gen(next, depth - 1), gen(next, depth - 1)] };
  if (r < 0.85) return { kind: "call", fn: pick(UNARY), args: [gen(next, depth - 1)] };
  if (r < 0.93) return { kind: "call", fn: "concat", args: Array.from({ length: 2 + Math.floor(next() * 3) }, () => gen(next, depth - 1)) };
  // nested access: a.field and x[i]
  if (r < 0.96) return { kind: "call", fn: "get", args: [gen(next, depth - 1), { kind: "lit", value: pick(NAMES.filter((n) => n !== "")), type: "STRING NOT NULL" }] };
  if (r < 0.97) return { kind: "call", fn: "at", args: [gen(next, depth - 1), gen(next, depth - 1)] };
  // any catalogue function in its own form (CASE, BETWEEN, IN, EXTRACT(u FROM x), POSITION(a IN b), …), units as words
  if (r < 0.99) return catalogueCall(next, depth, pick);
  return { kind: "cast", expr: gen(next, depth - 1), type: pick(TYPES) };
}

const CALLS = CATALOGUE.filter((f) => f.ir !== "get" && f.ir !== "at");
function catalogueCall(next: () => number, depth: number, pick: <T>(xs: T[]) => T): Expr {
  const f = pick(CALLS);
  const max = maxArgs(f) < 0 ? minArgs(f) + 2 : maxArgs(f);
  let n = minArgs(f) + Math.floor(next() * (max - minArgs(f) + 1));
  if (f.form?.kind === "jsonObject" && n % 2 === 1) n++;
  // the parser reads a AND b AND c as a left-nested chain, so a flat variadic infix is no parser output
  if (f.form?.kind === "infix") n = 2;
  // an INTERVAL literal's count is a whole number, as the parser makes it
  if (f.form?.kind === "interval") return { kind: "call", fn: f.ir, args: [{ kind: "lit", value: pick(["0", "5", "-7", "99", "86400001"]), type: "INT NOT NULL" }] };
  const args = Array.from({ length: n }, (_, i): Expr => {
    const param = paramAt(f, i)!;
    if (param.family === "unit") return { kind: "lit", value: pick([...param.units!]), type: "STRING NOT NULL" };
    return gen(next, depth - 1);
  });
  return { kind: "call", fn: f.ir, args };
}

describe("print/parse round trip over generated trees", () => {
  it("holds for 2000 trees", () => {
    const next = rng(20261123);
    for (let i = 0; i < 2000; i++) {
      const tree = gen(next, 5);
      const text = printExpr(tree);
      const back = parseExpr(text);
      if (!back.ok) throw new Error(`${text}: ${back.error.message}`);
      expect(back.expr, text).toEqual(tree);
    }
  });
});
