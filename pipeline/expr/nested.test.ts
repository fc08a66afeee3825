// Nested access: parsing of a.b / x[i] / m[k], their types and errors over ROW / ARRAY / MAP columns, and printing.
import { describe, expect, it } from "vitest";
import { sqlExpr } from "../codegen/sql-expr";
import { javaExpr, newUses } from "../codegen/java-expr";
import { formatType, type RowType, type } from "../types";
import type { Expr } from "./ast";
import { analyzeExpr } from "./index";
import { parseExpr } from "./parse";
import { printExpr } from "./print";

const row: RowType = [
  { name: "id", type: type("BIGINT NOT NULL") },
  { name: "n", type: type("INT NOT NULL") },
  { name: "payload", type: type("ROW<`user` ROW<`id` BIGINT NOT NULL, `user name` STRING>, `tags` ARRAY<STRING NOT NULL>> NOT NULL") },
  { name: "maybe", type: type("ROW<`a` INT NOT NULL>") },
  { name: "attrs", type: type("MAP<STRING, DOUBLE NOT NULL> NOT NULL") },
  { name: "byId", type: type("MAP<BIGINT, STRING>") },
];

function parse(src: string): Expr {
  const r = parseExpr(src);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}
function shape(e: Expr): string {
  switch (e.kind) {
    case "col": return e.name;
    case "lit": return e.value === null ? "NULL" : JSON.stringify(e.value);
    case "cast": return `cast(${shape(e.expr)}, ${e.type})`;
    case "call": return `${e.fn}(${e.args.map(shape).join(", ")})`;
  }
}
function typeOf(src: string): string {
  const r = analyzeExpr(src, row);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return formatType(r.type);
}
function error(src: string) {
  const r = analyzeExpr(src, row);
  if (r.ok) throw new Error(`expected an error for ${src}`);
  return r.errors[0]!;
}

describe("parsing", () => {
  it.each([
    ["payload.user.id", 'get(get(payload, "user"), "id")'],
    ["payload.`user name`", 'get(payload, "user name")'],
    ["payload.tags[1]", 'at(get(payload, "tags"), "1")'],
    ["attrs['k']", 'at(attrs, "k")'],
    ["m[a + 1][2].x", 'get(at(at(m, plus(a, "1")), "2"), "x")'],
    ["-p.x * 2", 'times(negative(get(p, "x")), "2")'],
    ["(p).and", 'get(p, "and")'],
    ["p.x IS NULL", 'isNull(get(p, "x"))'],
    // decimals keep their meaning
    ["a + .5", 'plus(a, "0.5")'],
    ["1.5 * x", 'times("1.5", x)'],
  ])("%s", (src, want) => expect(shape(parse(src))).toBe(want));

  it("reports a missing field name or bracket with its position", () => {
    expect(parseExpr("payload.").ok ? null : (parseExpr("payload.") as { error: unknown }).error).toEqual({
      message: 'expected a field name after "." at 8, found end of input', span: { start: 8, end: 8 },
    });
    const r = parseExpr("tags[1");
    expect(r.ok ? null : r.error.message).toBe('expected "]" at 6');
    const s = parseExpr("x.5");
    expect(s.ok).toBe(false);
  });

  it.each(["payload.user.id", "payload.`user name`", "payload.tags[1]", "attrs['k']", "(-1).a", "m[1].`a``b`", "p.`AND`", "(a + b)[1]"])(
    "prints %s back to the same tree", (src) => expect(parse(printExpr(parse(src)))).toEqual(parse(src)),
  );
});

describe("types", () => {
  it.each([
    ["payload.user.id", "BIGINT"], // the user row is nullable
    ["payload.`user`", "ROW<`id` BIGINT NOT NULL, `user name` STRING>"],
    ["payload.tags", "ARRAY<STRING NOT NULL>"],
    ["payload.tags[1]", "STRING"], // an index past the end gives NULL
    ["payload.tags[n + 1]", "STRING"],
    ["maybe.a", "INT"],
    ["attrs['k']", "DOUBLE"],
    ["byId[id]", "STRING"],
    ["byId[n]", "STRING"],
    ["payload.user.id > 10", "BOOLEAN"],
    ["UPPER(payload.user.`user name`)", "STRING"],
    ["attrs[NULL]", "DOUBLE"],
  ])("%s is %s", (src, want) => expect(typeOf(src)).toBe(want));

  it("names the unknown field and suggests the closest one", () => {
    expect(error("payload.usr")).toEqual({
      message: 'unknown field "usr" in ROW<`user` ROW<`id` BIGINT NOT NULL, `user name` STRING>, `tags` ARRAY<STRING NOT NULL>>; did you mean "user"?',
      span: { start: 0, end: 11 },
    });
    expect(error("payload.tags[0]").span).toEqual({ start: 13, end: 14 });
    expect(error("maybe.zzzzzz").message).toBe('unknown field "zzzzzz" in ROW<`a` INT NOT NULL>; its fields are "a"');
  });

  it.each([
    ["id.x", 'cannot read field "x" of BIGINT: only ROW values have fields'],
    ["attrs.k", 'cannot read field "k" of MAP<STRING, DOUBLE NOT NULL>: only ROW values have fields'],
    ["payload[1]", "cannot index ROW<`user` ROW<`id` BIGINT NOT NULL, `user name` STRING>, `tags` ARRAY<STRING NOT NULL>> with [ ]: only ARRAY and MAP values have items"],
    ["payload.tags['a']", "an ARRAY index must be an INT (1-based), got STRING"],
    ["payload.tags[id]", "an ARRAY index must be an INT (1-based), got BIGINT; use CAST(… AS INT)"],
    ["payload.tags[0]", "ARRAY indexes start at 1 (as in Flink SQL), got 0"],
    ["payload.tags[-2]", "ARRAY indexes start at 1 (as in Flink SQL), got -2"],
    ["attrs[1]", "a key of MAP<STRING, DOUBLE NOT NULL> must be STRING, got INT"],
    ["byId['x']", "a key of MAP<BIGINT, STRING> must be BIGINT, got STRING"],
    ["NULL.a", "cannot tell the type of NULL here; write CAST(NULL AS <type>)"],
    ["payloa.a", 'unknown column "payloa"; did you mean "payload"?'],
  ])("%s: %s", (src, msg) => expect(error(src).message).toBe(msg));
});

describe("printers", () => {
  // the checker leaves these trees as parsed, so the printers see what the IR carries
  const checked = parse;
  it.each([
    ["payload.user.`user name`", "`payload`.`user`.`user name`", '$("payload").get("user").get("user name")'],
    ["payload.tags[n + 1]", "`payload`.`tags`[(`n` + 1)]", '$("payload").get("tags").at($("n").plus(lit(1)))'],
    ["attrs['k']", "`attrs`[CAST('k' AS STRING)]", '$("attrs").at(lit("k", DataTypes.STRING().notNull()))'],
    ["CAST(maybe AS ROW<`a` INT>).a", "(CAST(`maybe` AS ROW<`a` INT>)).`a`", '$("maybe").cast(DataTypes.ROW(DataTypes.FIELD("a", DataTypes.INT()))).get("a")'],
  ])("%s", (src, sql, java) => {
    expect(sqlExpr(checked(src))).toBe(sql);
    expect(javaExpr(checked(src), newUses())).toBe(java);
  });

  it("refuses a get whose field name is not a string literal", () => {
    const bad: Expr = { kind: "call", fn: "get", args: [{ kind: "col", name: "p" }, { kind: "col", name: "q" }] };
    expect(() => sqlExpr(bad)).toThrow(/field name/);
    expect(() => javaExpr(bad, newUses())).toThrow(/field name/);
  });
});
