// filesystem source and sink kinds: paths checked before the server sees them, row types, and Flink's option keys.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { validateGraph } from "../validate";

const source = (config: Record<string, unknown>) => ({
  id: "files", kind: "filesystem-source",
  config: { path: "in/orders.csv", columns: [{ name: "order id", type: "BIGINT" }, { name: "at", type: "TIMESTAMP(3)" }], ...config },
});
const sink = (config: Record<string, unknown>) => ({ id: "out", kind: "filesystem-sink", config: { path: "out/clean", ...config } });
const errorsOf = (src: Record<string, unknown>, snk: Record<string, unknown> = {}) =>
  validateGraph(graph([source(src), sink(snk)], ["files->out"])).errors;

describe("filesystem paths", () => {
  it.each([
    ["", "give a path"],
    ["/etc/passwd", "absolute"],
    ["~/x.csv", "absolute"],
    ["C:/x.csv", "absolute"],
    ["file:/etc/passwd", "URL scheme"],
    ["in/../../x.csv", "leaves the data root"],
    ["..", "leaves the data root"],
  ])("refuses %j, pinned to node and field", (p, message) => {
    expect(errorsOf({ path: p })).toEqual([{ nodeId: "files", field: "path", message: expect.stringContaining(message) }]);
    expect(errorsOf({}, { path: p })).toEqual([{ nodeId: "out", field: "path", message: expect.stringContaining(message) }]);
  });
  it("accepts spaces, quotes and non-ASCII letters", () => {
    expect(errorsOf({ path: "my 'data'/Zoë \"x\".csv" }, { path: "out/名前 dir" })).toEqual([]);
  });
});

describe("filesystem source", () => {
  it("reads a header line with the runner's csv-with-header format, every CSV option under its prefix; sinks never", () => {
    const optionsOf = (config: Record<string, unknown>) => {
      const r = compile(graph([source(config), sink({ format: "csv" })], ["files->out"]));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.program.statements.flatMap((s) => ("descriptor" in s ? [s.descriptor.options] : []));
    };
    const [src, snk] = optionsOf({ header: true, fieldDelimiter: ";", skipComments: true, ignoreParseErrors: true });
    expect(src).toEqual({ path: "in/orders.csv", format: "csv-with-header", "csv-with-header.field-delimiter": ";",
      "csv-with-header.allow-comments": "true", "csv-with-header.ignore-parse-errors": "true" });
    expect(snk?.format).toBe("csv");
    expect(optionsOf({})[0]).toEqual({ path: "in/orders.csv", format: "csv" });
    expect(optionsOf({ header: true, format: "json" })[0]).toEqual({ path: "in/orders.csv", format: "json" });
  });

  it("types its declared columns and marks the event-time column", () => {
    const r = validateGraph(graph([source({ eventTime: { column: "at", watermarkDelay: 1000 } }), sink({})], ["files->out"]));
    expect(r.errors).toEqual([]);
    expect(r.rowTypes.files?.map((c) => [c.name, c.timeAttribute ?? null])).toEqual([["order id", null], ["at", "rowtime"]]);
  });
  it("appends a processing-time column after its own columns, into the row type and the IR's descriptor", () => {
    const proc = source({ processingTime: { column: "read at" } });
    const r = validateGraph(graph([proc, { id: "c", kind: "collect" }], ["files->c"]));
    expect(r.errors).toEqual([]);
    expect(r.rowTypes.files?.at(-1)).toEqual({ name: "read at", type: { root: "TIMESTAMP_LTZ", precision: 3, nullable: false }, timeAttribute: "proctime" });
    const c = compile(graph([proc, { id: "c", kind: "collect" }], ["files->c"]));
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    expect(c.program.statements[0]).toMatchObject({ op: "from", descriptor: { proctime: { column: "read at" } } });
    expect(errorsOf({ processingTime: { column: "at" } })).toEqual([
      { nodeId: "files", field: "processingTime.column", message: '"at" is already a column of this source; choose another name' },
    ]);
  });
  it("pins a bad type or a long delimiter to its field", () => {
    expect(errorsOf({ columns: [{ name: "x", type: "NOPE" }], fieldDelimiter: ";;" }).map((e) => e.field)).toEqual(["columns.0.type", "fieldDelimiter"]);
  });
  it("compiles to a filesystem descriptor with Flink's option keys; monitoring makes it unbounded", () => {
    const r = compile(graph([
      source({ format: "json", ignoreParseErrors: true, monitorIntervalSeconds: 5 }),
      sink({ format: "csv", fieldDelimiter: ";", fileSizeMb: 2, rolloverIntervalSeconds: 60, inactivityIntervalSeconds: 10 }),
    ], ["files->out"]));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.program.statements).toEqual([
      {
        op: "from", table: "files",
        descriptor: {
          connector: "filesystem", schema: [{ name: "order id", type: "BIGINT" }, { name: "at", type: "TIMESTAMP(3)" }],
          options: { path: "in/orders.csv", format: "json", "json.ignore-parse-errors": "true", "source.monitor-interval": "5 s" },
        },
      },
      {
        op: "insertInto", sink: "out", input: "files",
        descriptor: {
          connector: "filesystem",
          options: {
            path: "out/clean", format: "csv", "csv.field-delimiter": ";",
            "sink.rolling-policy.file-size": "2097152b", "sink.rolling-policy.rollover-interval": "60 s", "sink.rolling-policy.inactivity-interval": "10 s",
          },
        },
      },
    ]);
  });
});

describe("filesystem sink column types", () => {
  // a window's COLLECT (a group aggregate's would be an updating stream, which a files sink refuses first)
  const values = {
    id: "v", kind: "values",
    config: {
      columns: [{ name: "who", type: "STRING" }, { name: "n", type: "INT" }, { name: "ts", type: "TIMESTAMP(3)" }],
      rows: [["'a'", "1", "'2024-01-01 10:00:00'"]], eventTime: { column: "ts", watermarkDelay: 0 },
    },
  };
  const aggregated = (format: string, column: string) => validateGraph(graph([values, {
    id: "g", kind: "tumble-window", config: { timeColumn: "ts", size: 1, unit: "minutes", keys: [], aggregates: [{ fn: "collect", column, as: "bag" }] },
  }, { id: "s", kind: "select", config: { columns: [{ expr: "bag" }, { expr: "INTERVAL '5' MINUTE", name: "wait" }] } }, sink({ format })], ["v->g", "g->s", "s->out"])).errors;

  it("refuses what Flink's CSV and JSON formats cannot write, on the format field, with a way out", () => {
    expect(aggregated("csv", "who")).toEqual([
      { nodeId: "out", field: "format", message: 'CSV files cannot hold column "bag" of type MULTISET<STRING>; use JSON lines' },
      { nodeId: "out", field: "format", message: 'CSV files cannot hold column "wait" of type INTERVAL SECOND(3); write CAST(… AS STRING) in a select first, or use JSON lines' },
    ]);
    expect(aggregated("json", "n")).toEqual([
      { nodeId: "out", field: "format", message: 'JSON files cannot hold column "bag" of type MULTISET<INT>; COLLECT a string column instead' },
    ]);
    expect(aggregated("json", "who")).toEqual([]);
  });
});
