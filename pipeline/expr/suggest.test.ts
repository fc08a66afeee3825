// Expression autocomplete: which columns and functions the word at the cursor offers, and what accepting one writes.
import { describe, expect, it } from "vitest";
import { type as t } from "../types";
import { applySuggestion, suggest } from "./suggest";

const row = [
  { name: "order_id", type: t("BIGINT") },
  { name: "customer", type: t("STRING") },
  { name: "order date", type: t("DATE") },
  { name: "back`tick", type: t("INT") },
  { name: "名前", type: t("STRING") },
];
const labels = (text: string, cursor = text.length, explicit = false) => suggest(text, cursor, row, explicit).items.map((s) => s.label);

describe("suggest", () => {
  it("after a dot offers the ROW's fields, and nothing after a dot on anything else", () => {
    const nested = [...row, { name: "payload", type: t("ROW<`user` ROW<`id` BIGINT, `user name` STRING>, `tags` ARRAY<STRING>>") }];
    const at = (text: string) => suggest(text, text.length, nested);
    expect(at("payload.").items.map((s) => s.label)).toEqual(["user", "tags"]);
    expect(at("payload.us")).toMatchObject({ from: 8, to: 10, items: [{ kind: "column", label: "user", detail: "ROW<`id` BIGINT, `user name` STRING>", insert: "user" }] });
    expect(at("x > payload.`user`.").items.map((s) => s.insert)).toEqual(["id", "`user name`"]);
    expect(at("payload.user.`us").items.map((s) => s.insert)).toEqual(["`user name`"]);
    expect(at("order_id.").items).toEqual([]);
    expect(at("nope.x").items).toEqual([]);
    expect(at("1.5").items).toEqual([]);
  });

  it("offers input columns with their types, prefix matches first", () => {
    const r = suggest("ord", 3, row);
    expect(r.items.slice(0, 2)).toEqual([
      { kind: "column", label: "order_id", detail: "BIGINT", insert: "order_id" },
      { kind: "column", label: "order date", detail: "DATE", insert: "`order date`" },
    ]);
    expect(r).toMatchObject({ from: 0, to: 3, prefix: "ord" });
  });
  it("offers functions with signatures, case-insensitively", () => {
    expect(suggest("up", 2, row).items).toEqual([{ kind: "function", label: "UPPER", detail: "UPPER(s STRING) → STRING", doc: "s in upper case", insert: "UPPER(" }]);
    expect(labels("amount + ch")).toEqual(["CHARACTER_LENGTH", "CHAR_LENGTH"]);
    expect(labels("ca")).toEqual(["CARDINALITY", "CAST", "CONCAT", "CONCAT_WS", "INITCAP", "LOCALTIMESTAMP", "TRY_CAST", "CASE WHEN"]);
  });
  it("matches inside names too, after the prefix matches", () => {
    expect(labels("date")).toEqual(["order date", "DATE_FORMAT", "CURRENT_DATE"]);
    expect(labels("c")).toEqual(["customer", "back`tick", "CARDINALITY", "CAST", "CEIL", "CEILING", "CHARACTER_LENGTH", "CHAR_LENGTH",
      "COALESCE", "CONCAT", "CONCAT_WS", "CONVERT_TZ", "CURRENT_DATE", "CURRENT_TIMESTAMP", "ARRAY_CONTAINS", "EXTRACT", "INITCAP",
      "JSON_OBJECT", "LOCALTIMESTAMP", "REGEXP_EXTRACT", "REGEXP_REPLACE", "REPLACE", "TRY_CAST", "CASE WHEN", "IS DISTINCT FROM",
      "IS NOT DISTINCT FROM"]);
  });
  it("inside a backquoted name offers only columns, quoted, and replaces from the backquote", () => {
    const r = suggest("UPPER(`ba", 9, row);
    expect(r).toMatchObject({ from: 6, to: 9, prefix: "ba" });
    expect(r.items).toEqual([{ kind: "column", label: "back`tick", detail: "INT", insert: "`back``tick`" }]);
    expect(labels("`order ")).toEqual(["order date"]);
    expect(labels("`back``t")).toEqual(["back`tick"]);
  });
  it("offers non-ASCII names", () => {
    expect(labels("名")).toEqual(["名前"]);
  });
  it("suggests nothing inside a string literal, after a number, or for an empty word unless asked", () => {
    expect(labels("customer = 'or")).toEqual([]);
    expect(labels("'it''s or")).toEqual([]);
    expect(labels("12")).toEqual([]);
    expect(labels("customer = ")).toEqual([]);
    expect(labels("customer = ", 11, true).slice(0, 5)).toEqual(["order_id", "customer", "order date", "back`tick", "名前"]);
    expect(labels("", 0, true)).toContain("UPPER");
  });
  it("works at a cursor in the middle of the text, replacing the whole word", () => {
    const r = suggest("UPPER(cus) AND x", 8, row);
    expect(r).toMatchObject({ from: 6, to: 9 });
    expect(r.items[0]!.label).toBe("customer");
    const mid = suggest("UPPER(cusXY)", 8, row);
    expect(mid).toMatchObject({ from: 6, to: 11 });
  });
  it("leaves out a column already typed in full", () => {
    expect(labels("customer")).toEqual([]);
  });
  it("without an input row type offers functions and keywords only", () => {
    const kinds = new Set(suggest("o", 1, undefined).items.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(["function", "keyword"]);
    expect(labels("o").slice(0, 2)).toEqual(["order_id", "order date"]);
  });
});

describe("applySuggestion", () => {
  it("inserts a column and puts the cursor after it", () => {
    const r = suggest("UPPER(cus) AND x", 9, row);
    expect(applySuggestion("UPPER(cus) AND x", r, r.items[0]!)).toEqual({ text: "UPPER(customer) AND x", cursor: 14 });
  });
  it("inserts a function with its opening parenthesis and the cursor inside", () => {
    const r = suggest("tri", 3, row);
    expect(applySuggestion("tri", r, r.items[0]!)).toEqual({ text: "TRIM(", cursor: 5 });
  });
  it("does not double a parenthesis that is already there", () => {
    const r = suggest("upp(customer)", 3, row);
    expect(applySuggestion("upp(customer)", r, r.items[0]!)).toEqual({ text: "UPPER(customer)", cursor: 6 });
  });
  it("quotes names that need it", () => {
    const r = suggest("x + `order d", 12, row);
    expect(applySuggestion("x + `order d", r, r.items[0]!)).toEqual({ text: "x + `order date`", cursor: 16 });
  });
});
