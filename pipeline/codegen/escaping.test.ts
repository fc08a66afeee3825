// Hostile names and values: read back out of the printed Java and SQL with a lexer, they are exactly the originals,
// and nothing in them escapes its quotes (every bare SQL word is one the printer itself writes).
import { describe, expect, it } from "vitest";
import type { TableProgram } from "../ir";
import { HOSTILE_NAMES, hostileProgram, LINE_BREAK_NAMES } from "./testing/programs";
import { CodegenError, printJava, printSql } from "./index";
import { javaString } from "./java-text";
import { sqlIdent, sqlString } from "./sql-text";
import { lexJava, lexSql } from "./testing/lexers";

const SQL_WORDS = new Set(
  ("SET CREATE TEMPORARY TABLE VIEW WITH AS SELECT FROM WHERE EXECUTE STATEMENT BEGIN END INSERT INTO AND OR NOT IS NULL " +
    "TRUE FALSE CAST MOD UPPER LOWER CONCAT CHAR_LENGTH TRIM BIGINT INT STRING BOOLEAN DOUBLE DECIMAL").split(" "),
);

describe("SQL quoting", () => {
  const { program, names, strings } = hostileProgram(false);
  // lexed inside each test, so a printer that breaks quoting fails the tests rather than their collection
  const lex = () => lexSql(printSql(program));
  const values = (kind: string) => lex().filter((t) => t.kind === kind).map((t) => t.value);

  it("reads every identifier back as exactly the names of the program, and nothing else", () => {
    const expected = new Set([...names, "class", "tEnv", "DataTypes", "class_2", "same", names.join(" ")]);
    expect(new Set(values("ident"))).toEqual(expected);
    const tokens = lex();
    const created = tokens.findIndex((t) => t.value === "class");
    const columns = tokens.slice(created + 2).filter((t, i, a) => t.kind === "ident" && a[i + 1]?.value === "BIGINT").map((t) => t.value);
    expect(columns.slice(0, names.length)).toEqual(names);
  });

  it("keeps every string value and option key intact", () => {
    const got = new Set(values("string"));
    for (const s of strings) expect(got.has(s), JSON.stringify(s)).toBe(true);
    for (const n of names) expect(got.has(`fields.${n}.kind`), n).toBe(true);
    expect(got.has(names.join(" "))).toBe(true);
  });

  it("leaves no bare word the printer did not write, and one statement per `;`", () => {
    expect(values("word").filter((w) => !SQL_WORDS.has(w))).toEqual([]);
    const tokens = lex();
    // SET ×3, CREATE ×4, INSERT ×1, END, SELECT (collect)
    expect(tokens.filter((t) => t.text === ";").length).toBe(10);
    for (const c of tokens.filter((t) => t.kind === "comment")) expect(c.text).not.toMatch(/[\n\r]/);
  });

  it("refuses names Flink SQL cannot write, instead of mangling them", () => {
    for (const n of LINE_BREAK_NAMES.filter((x) => /[\r\n]/.test(x))) expect(() => sqlIdent(n)).toThrow(CodegenError);
    expect(() => sqlIdent("")).toThrow(/empty/);
    expect(() => printSql(hostileProgram(true).program)).toThrow(/line break/);
  });

  it("quotes with Flink's rules", () => {
    expect(sqlIdent("a`b")).toBe("`a``b`");
    expect(sqlString("it's \\n")).toBe("'it''s \\n'");
  });
});

describe("Java quoting", () => {
  for (const ascii of [false, true]) {
    const { program, names, strings } = hostileProgram(true);

    it(`reads every name, string and option back exactly${ascii ? " (ascii)" : ""}`, () => {
      const java = printJava(program, { ascii });
      const tokens = lexJava(java);
      const got = new Set(tokens.filter((t) => t.kind === "string").map((t) => t.value));
      for (const s of [...names, ...strings, program.name, ...names.map((n) => `fields.${n}.kind`)]) {
        expect(got.has(s), JSON.stringify(s)).toBe(true);
      }
      for (const c of tokens.filter((t) => t.kind === "comment")) expect(c.text.startsWith("//")).toBe(true);
      if (ascii) expect(java).toMatch(/^[\x00-\x7f]*$/);
    });
  }

  it("never writes a quote, backslash or line break as a Unicode escape (javac reads those before literals)", () => {
    const s = javaString("\"\\\n\r\u2028\u202e\ud800x😀");
    expect(s).not.toMatch(/\\u00(22|5c|0a|0d)/i);
    expect(s).toBe('"\\"\\\\\\n\\r\\u2028\\u202e\\ud800x😀"');
    expect(javaString("😀", true)).toBe('"\\ud83d\\ude00"');
    expect(javaString("\\u000a")).toBe('"\\\\u000a"');
  });

  it("gives tables distinct Java names that hide neither keywords, the program's locals nor imported classes", () => {
    const java = printJava(hostileProgram(false).program);
    expect(java).toContain("Table class2 = tEnv.from(");
    expect(java).toContain("Table tEnv2 = class2.filter(");
    expect(java).toContain("Table dataTypes = tEnv2.select(");
    expect(java).toContain('tEnv.toChangelogStream(dataTypes).print("env");');
    expect(java).toContain("statementSet.add(dataTypes.insertInto(");
  });
});

describe("untrusted IR text", () => {
  const base = (statements: TableProgram["statements"]): TableProgram => ({ irVersion: 1, name: "x", config: {}, statements });
  const from = (type: string): TableProgram["statements"][number] => ({
    op: "from", table: "t", descriptor: { connector: "datagen", schema: [{ name: "a", type }], options: {} },
  });
  const filterWith = (value: string, type: string) => base([
    from("INT"),
    { op: "filter", table: "f", input: "t", predicate: { kind: "call", fn: "isEqual", args: [{ kind: "col", name: "a" }, { kind: "lit", value, type }] } },
    { op: "collect", sink: "s", input: "f", maxRows: 1 },
  ]);

  it("refuses literal text that is not a number of its type", () => {
    for (const [v, t] of [["1); System.exit(0); //", "INT NOT NULL"], ["1 OR 1=1", "BIGINT"], ["2147483648", "INT"], ["1.234", "DECIMAL(5, 2)"], ["1e999", "DOUBLE"], ["NaN", "DOUBLE"]]) {
      expect(() => printJava(filterWith(v!, t!)), v).toThrow(CodegenError);
      expect(() => printSql(filterWith(v!, t!)), v).toThrow(CodegenError);
    }
  });

  it("refuses type text that is not a supported type", () => {
    const p = base([from("BIGINT) WITH ('connector' = 'filesystem'"), { op: "collect", sink: "s", input: "t", maxRows: 1 }]);
    expect(() => printJava(p)).toThrow(CodegenError);
    expect(() => printSql(p)).toThrow(CodegenError);
  });

  it("refuses programs the runner would refuse: unknown input, a table defined twice, a wrong arity", () => {
    expect(() => printSql(base([{ op: "collect", sink: "s", input: "nope", maxRows: 1 }]))).toThrow(/not defined/);
    expect(() => printJava(base([from("INT"), from("INT")]))).toThrow(/defined twice/);
    const p = base([from("STRING"), { op: "select", table: "x", input: "t", fields: [{ expr: { kind: "call", fn: "concat", args: [{ kind: "col", name: "a" }] }, as: "c" }] }]);
    expect(() => printJava(p)).toThrow(/at least 2/);
  });

  it("keeps HOSTILE_NAMES free of line breaks, so the SQL cases above print", () => {
    expect(HOSTILE_NAMES.some((n) => /[\r\n]/.test(n))).toBe(false);
  });
});
