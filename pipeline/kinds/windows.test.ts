// The window kinds (tumble, hop, session, cumulate) on event and processing time: row types, IR, errors pinned to fields.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { validateGraph } from "../validate";

type Spec = { id: string; kind: string; config: Record<string, unknown> };
const source = (extra: Record<string, unknown> = {}): Spec => ({
  id: "src", kind: "values",
  config: {
    columns: [{ name: "user", type: "STRING" }, { name: "amount", type: "INT" }, { name: "ts", type: "TIMESTAMP(3)" }],
    rows: [["'a'", "1", "'2024-01-01 00:00:00'"]],
    eventTime: { column: "ts", watermarkDelay: 0 },
    ...extra,
  },
});
const count = { fn: "count", column: "amount", as: "n" };
const windowNode = (kind: string, config: Record<string, unknown>) => ({
  id: "w", kind, config: { timeColumn: "ts", unit: "seconds", keys: ["user"], aggregates: [count], ...config },
});
const run = (kind: string, config: Record<string, unknown>, src: Spec = source()) =>
  validateGraph(graph([src, windowNode(kind, config), { id: "out", kind: "collect" }], ["src->w", "w->out"]));
const errs = (r: ReturnType<typeof run>) => r.errors.map((e) => [e.field, e.message]);
const irOf = (kind: string, config: Record<string, unknown>, src: Spec = source()) => {
  const c = compile(graph([src, windowNode(kind, config), { id: "out", kind: "collect" }], ["src->w", "w->out"]));
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.program.statements.find((s) => s.op === "window");
};

describe("window kinds", () => {
  it("emit window_start, window_end, the keys and the aggregates, and compile to the window TVF of their kind", () => {
    for (const [kind, config, window] of [
      ["tumble-window", { size: 10 }, { type: "tumble", timeColumn: "ts", sizeMs: 10_000 }],
      ["hop-window", { size: 10, slide: 5 }, { type: "hop", timeColumn: "ts", sizeMs: 10_000, slideMs: 5000 }],
      ["session-window", { gap: 30 }, { type: "session", timeColumn: "ts", gapMs: 30_000 }],
      ["cumulate-window", { step: 2, maxSize: 10, unit: "minutes" }, { type: "cumulate", timeColumn: "ts", stepMs: 120_000, sizeMs: 600_000 }],
    ] as const) {
      const r = run(kind, config);
      expect(r.errors, kind).toEqual([]);
      expect(r.rowTypes.w!.map((c) => [c.name, c.type.root, c.type.nullable])).toEqual([
        ["window_start", "TIMESTAMP", false], ["window_end", "TIMESTAMP", false], ["user", "STRING", true], ["n", "BIGINT", false],
      ]);
      expect(irOf(kind, config)).toEqual({ op: "window", table: "w", input: "src", window, keys: ["user"], aggregates: [count] });
    }
  });

  it("refuse a time column that is not a time attribute, saying how to declare one on the source", () => {
    const r = run("session-window", { gap: 5 }, source({ eventTime: undefined }));
    expect(errs(r)).toEqual([["timeColumn", expect.stringMatching(/"ts" is not a time attribute: .*Event time.*Processing time/)]]);
    expect(errs(run("hop-window", { timeColumn: "", size: 2, slide: 1 }))[0]).toEqual(["timeColumn", expect.stringContaining("choose the time column")]);
    expect(errs(run("tumble-window", { timeColumn: "tss", size: 1 }))[0]).toEqual(["timeColumn", expect.stringContaining('did you mean "ts"')]);
  });

  it("refuse sum / avg of a non-numeric column, pinned to the aggregate's column", () => {
    const r = run("cumulate-window", { step: 1, maxSize: 4, aggregates: [count, { fn: "avg", column: "user", as: "" }] });
    expect(errs(r)).toEqual([["aggregates.1.column", 'avg needs a numeric column; "user" is STRING']]);
  });

  it("need hop sizes and cumulate max sizes to be whole multiples of the slide / step", () => {
    expect(errs(run("hop-window", { size: 10, slide: 3 }))).toEqual([["size", "the window size (10) must be a whole multiple of the slide (3)"]]);
    expect(errs(run("cumulate-window", { step: 4, maxSize: 10 }))).toEqual([["maxSize", "the max size (10) must be a whole multiple of the step (4)"]]);
  });

  it("allow first_value / last_value in tumble windows only (Flink cannot merge them)", () => {
    const first = { fn: "first_value", column: "amount", as: "" };
    const last = { fn: "last_value", column: "user", as: "" };
    const ok = run("tumble-window", { size: 1, aggregates: [first, last] });
    expect(ok.errors).toEqual([]);
    expect(ok.rowTypes.w!.slice(3).map((c) => [c.name, c.type.root, c.type.nullable])).toEqual([["first_value_amount", "INT", true], ["last_value_user", "STRING", true]]);
    expect(errs(run("session-window", { gap: 1, aggregates: [count, last] }))).toEqual([
      ["aggregates.1.fn", expect.stringContaining("last_value is not available in a session window")],
    ]);
    expect(errs(run("hop-window", { size: 2, slide: 1, aggregates: [first] }))[0]![0]).toBe("aggregates.0.fn");
  });

  it("refuse an input that already has a column the window adds", () => {
    const src = source({ columns: [{ name: "user", type: "STRING" }, { name: "amount", type: "INT" }, { name: "ts", type: "TIMESTAMP(3)" }, { name: "window_time", type: "INT" }], rows: [["'a'", "1", "'2024-01-01 00:00:00'", "1"]] });
    expect(errs(run("tumble-window", { size: 1 }, src))).toEqual([[undefined, expect.stringContaining('"window_time", which the window adds itself')]]);
  });
});

describe("processing time", () => {
  const proc = (kind: string, extra: Record<string, unknown> = {}): Spec => ({
    id: "src", kind,
    config: kind === "values"
      ? { columns: [{ name: "user", type: "STRING" }, { name: "amount", type: "INT" }], rows: [["'a'", "1"]], processingTime: { column: "pt" }, ...extra }
      : { columns: [{ name: "user", type: "STRING" }, { name: "amount", type: "INT" }], processingTime: { column: "pt" }, ...extra },
  });

  it("appends a TIMESTAMP_LTZ(3) NOT NULL proctime attribute to values and datagen sources, which windows accept", () => {
    for (const kind of ["values", "datagen"]) {
      const r = run("tumble-window", { timeColumn: "pt", size: 1 }, proc(kind));
      expect(r.errors, kind).toEqual([]);
      expect(r.rowTypes.src!.at(-1)).toEqual({ name: "pt", type: { root: "TIMESTAMP_LTZ", precision: 3, nullable: false }, timeAttribute: "proctime" });
    }
    expect(irOf("session-window", { timeColumn: "pt", gap: 1 }, proc("values"))).toMatchObject({ window: { type: "session", timeColumn: "pt" } });
  });

  it("puts the processing-time column into the IR of both sources", () => {
    for (const kind of ["datagen", "values"]) {
      const r = compile(graph([proc(kind), { id: "out", kind: "collect" }], ["src->out"]));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const s = r.program.statements[0]!;
      expect(s.op === "from" ? s.descriptor.proctime : s.op === "fromValues" ? s.proctime : undefined).toEqual({ column: "pt" });
    }
  });

  it("refuses a processing-time column named like an existing column, pinned to its field", () => {
    const r = validateGraph(graph([proc("values", { processingTime: { column: "amount" } }), { id: "out", kind: "collect" }], ["src->out"]));
    expect(r.errors.map((e) => [e.field, e.message])).toEqual([["processingTime.column", '"amount" is already a column of this source; choose another name']]);
  });
});
