// Test material (not a test itself): TablePrograms whose names and strings try to break out of Java and SQL text, one
// with a literal of every kind, event-time windows and a TypeScript UDF.
import type { Expr } from "../../expr/ast";
import type { TableProgram, WindowSpec } from "../../ir";

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

/** One bounded row with a literal of every kind the printers handle; `expectedRow` as Row#toString prints its fields. */
export function literalsProgram(): { program: TableProgram; expectedRow: string[] } {
  const fields: [Expr, string][] = [
    [{ kind: "lit", value: "7", type: "TINYINT NOT NULL" }, "7"],
    [{ kind: "lit", value: "-7", type: "SMALLINT NOT NULL" }, "-7"],
    [{ kind: "lit", value: "-2147483648", type: "INT NOT NULL" }, "-2147483648"],
    [{ kind: "lit", value: "-9223372036854775808", type: "BIGINT NOT NULL" }, "-9223372036854775808"],
    [{ kind: "lit", value: "1.5", type: "DECIMAL(10, 2) NOT NULL" }, "1.50"],
    [{ kind: "lit", value: "2.5e-3", type: "DOUBLE NOT NULL" }, "0.0025"],
    [{ kind: "lit", value: "0.5", type: "FLOAT NOT NULL" }, "0.5"],
    [{ kind: "lit", value: "true", type: "BOOLEAN NOT NULL" }, "true"],
    [{ kind: "lit", value: "abc", type: "VARCHAR(5) NOT NULL" }, "abc"],
    [{ kind: "lit", value: null, type: "DECIMAL(10, 2)" }, "null"],
    [{ kind: "lit", value: "2024-02-29", type: "DATE NOT NULL" }, "2024-02-29"],
    [{ kind: "lit", value: "12:30:15", type: "TIME(0) NOT NULL" }, "12:30:15"],
    [{ kind: "lit", value: "2024-02-29T12:30:00.125", type: "TIMESTAMP(3) NOT NULL" }, "2024-02-29T12:30:00.125"],
    [{ kind: "lit", value: "2024-01-01T00:00:00Z", type: "TIMESTAMP_LTZ(3) NOT NULL" }, "2024-01-01T00:00:00Z"],
    [call("negative", call("minus", col("n"), int("-1"))), "-2"],
    [call("not", call("isLessOrEqual", col("n"), int("0"))), "true"],
    [call("lowerCase", call("trim", str("  AbC  "))), "abc"],
  ];
  const program: TableProgram = {
    irVersion: 1,
    name: "all literal kinds",
    config: {},
    statements: [
      { op: "from", table: "one", descriptor: { connector: "datagen", schema: [{ name: "n", type: "INT" }], options: { "fields.n.kind": "sequence", "fields.n.start": "1", "fields.n.end": "1" } } },
      { op: "select", table: "lits", input: "one", fields: fields.map(([expr], i) => ({ expr, as: `c${i}` })) },
      { op: "collect", sink: "out", input: "lits", maxRows: 10 },
    ],
  };
  return { program, expectedRow: fields.map(([, v]) => v) };
}

/** An event-time window over a datagen source with a watermark: what SQL can express (CREATE TABLE … WATERMARK FOR). */
export function windowProgram(sizeMs: number, delayMs: number, spec?: WindowSpec): TableProgram {
  const schema = [{ name: "w", type: "STRING" }, { name: "event time", type: "TIMESTAMP(3)" }, { name: "v", type: "INT" }];
  return {
    irVersion: 1,
    name: `${spec?.type ?? "tumble"} window ${sizeMs} ms, watermark ${delayMs} ms`,
    config: {},
    statements: [
      { op: "from", table: "src", descriptor: { connector: "datagen", schema, watermark: { column: "event time", delayMs }, options: { "number-of-rows": "10" } } },
      {
        op: "window", table: "win", input: "src", window: spec ?? { type: "tumble", timeColumn: "event time", sizeMs }, keys: ["w"],
        aggregates: [{ fn: "count", column: "v", as: "n" }, { fn: "count_distinct", column: "v", as: "d" }, { fn: "avg", column: "v", as: "avg v" }],
      },
      { op: "insertInto", sink: "print", input: "win", descriptor: { connector: "print", options: {} } },
      { op: "collect", sink: "rows", input: "win", maxRows: 10 },
    ],
  };
}

/**
 * A TypeScript UDF whose code is longer than one Java string constant may be and holds quotes, escapes and non-ASCII,
 * followed by a TS filter, flatMap and aggregate.
 */
export function udfProgram(): { program: TableProgram; expectedRows: string[][]; more: string[][]; total: string[][] } {
  const code = [
    `const mark = "\\u00e9\\" */ \\\\u000a ü";`,
    `export default (row) => ({ s: row.s.toUpperCase() + (mark.length === 14 ? "" : "?"), twice: row.a * 2 });`,
    `// ${"padding ".repeat(2500)}`,
  ].join("\n");
  const program: TableProgram = {
    irVersion: 1,
    name: "udf map",
    config: { "streamcanvas.udf.deadline-ms": "20000" },
    statements: [
      { op: "fromValues", table: "src", columns: [{ name: "a", type: "INT" }, { name: "s", type: "STRING" }], rows: [["1", "x"], ["2", "ÿz"]] },
      {
        op: "udfMap", table: "mapped", input: "src",
        udf: { name: "upper", code, inputColumns: [{ name: "a", type: "INT" }, { name: "s", type: "STRING" }], outputColumns: [{ name: "s", type: "STRING" }, { name: "twice", type: "INT" }] },
      },
      { op: "collect", sink: "out", input: "mapped", maxRows: 10 },
      // the other TS UDF statements after it: filter, flatMap, and a global aggregate
      {
        op: "udfFilter", table: "kept", input: "mapped",
        udf: { name: "keep", code: "export default (row) => row.a > 1;", inputColumns: [{ name: "a", type: "INT" }] },
      },
      {
        op: "udfFlatMap", table: "split", input: "kept",
        udf: { name: "chars", code: "export default function* (row) { for (const ch of row.s) yield { ch }; }", inputColumns: [{ name: "s", type: "STRING" }], outputColumns: [{ name: "ch", type: "STRING NOT NULL" }] },
      },
      {
        op: "udfAggregate", table: "total", input: "mapped", keys: [],
        udf: {
          name: "sum", code: "export const create = () => ({ n: 0n }); export const add = (acc, row) => ({ n: acc.n + BigInt(row.twice) }); export default (acc) => ({ n: acc.n });",
          inputColumns: [{ name: "twice", type: "INT" }], outputColumns: [{ name: "n", type: "BIGINT NOT NULL" }],
        },
      },
      { op: "collect", sink: "more", input: "split", maxRows: 10 },
      { op: "collect", sink: "total", input: "total", maxRows: 10 },
    ],
  };
  return {
    program,
    expectedRows: [["1", "X", "2"], ["2", "ŸZ", "4"]],
    more: [["2", "ŸZ", "4", "Ÿ"], ["2", "ŸZ", "4", "Z"]],
    total: [["6"]],
  };
}
