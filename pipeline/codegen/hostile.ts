// Test material (not a test itself): a TableProgram whose names and strings try to break out of Java and SQL text.
import type { Expr } from "../expr/ast";
import type { TableProgram } from "../ir";

/** Column names and string values aimed at every quoting rule of both printers. */
export const HOSTILE_NAMES = [
  "back`tick", "``", "it's", "''", 'say "hi"', "*/ end of comment", "/* open comment", "-- dash comment", "semi; DROP TABLE x; --",
  "back\\slash", "\\u000a unicode-escape text", "\\u0022", "\\", "名前", "température", "emoji 😀", "bidi \u202e evil \u202c",
  "tab\there", "$dollar", "class", "NULL", "SELECT", "a)b(c",
];
/** Only printable in Java: Flink SQL identifiers cannot hold a line break. */
export const LINE_BREAK_NAMES = ["line\nbreak", "carriage\rreturn", "separator\u2028here"];

const col = (name: string): Expr => ({ kind: "col", name });
const str = (value: string): Expr => ({ kind: "lit", value, type: "STRING NOT NULL" });
const int = (value: string): Expr => ({ kind: "lit", value, type: "INT NOT NULL" });
const call = (fn: Extract<Expr, { kind: "call" }>["fn"], ...args: Expr[]): Expr => ({ kind: "call", fn, args });

/**
 * Three rows (sequences 1..3) through a filter and a select whose every name is hostile; tables are named after
 * Java keywords and the generated program's own locals. `expectedRows` are the collect sink's rows as Row#toString prints their fields.
 */
export function hostileProgram(lineBreaks: boolean): { program: TableProgram; names: string[]; strings: string[]; expectedRows: string[][] } {
  const names = lineBreaks ? [...HOSTILE_NAMES, ...LINE_BREAK_NAMES] : HOSTILE_NAMES;
  const options: Record<string, string> = { "rows-per-second": "100" };
  for (const n of names) Object.assign(options, { [`fields.${n}.kind`]: "sequence", [`fields.${n}.start`]: "1", [`fields.${n}.end`]: "3" });
  // CHAR_LENGTH counts code points, JavaScript's length UTF-16 units: the same for text without surrogate pairs
  const bmp = names.filter((n) => !/[\ud800-\udfff]/.test(n)).join("|");
  const program: TableProgram = {
    irVersion: 1,
    name: `hostile ${names.join(" ")}`,
    config: { "pipeline.name.note": names.join(" ") },
    statements: [
      { op: "from", table: "class", descriptor: { connector: "datagen", schema: names.map((name) => ({ name, type: "BIGINT" })), options } },
      {
        op: "filter", table: "tEnv", input: "class",
        predicate: call("and", ...names.map((n) => call("isGreater", col(n), int("0")))),
      },
      {
        op: "select", table: "DataTypes", input: "tEnv",
        fields: [
          ...names.map((n) => ({ expr: col(n), as: n })),
          // the same text built two ways: equal only if every literal reached Flink exactly
          { expr: call("isEqual", call("concat", ...names.map(str)), str(names.join(""))), as: "same" },
          { expr: call("charLength", str(bmp)), as: names.join(" ") },
        ],
      },
      { op: "collect", sink: "env", input: "DataTypes", maxRows: 10 },
      { op: "insertInto", sink: "class", input: "DataTypes", descriptor: { connector: "blackhole", options: {} } },
    ],
  };
  const expectedRows = [1, 2, 3].map((i) => [...names.map(() => String(i)), "true", String(bmp.length)]);
  return { program, names, strings: [...names, bmp, names.join("")], expectedRows };
}
