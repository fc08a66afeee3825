// Event time on sources and the tumble-window kind: time attributes, where they survive, and errors pinned to fields.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { formatType } from "../types";
import { validateGraph } from "../validate";

const readings = (eventTime?: unknown) => ({
  id: "src", kind: "values",
  config: {
    columns: [{ name: "sensor", type: "STRING" }, { name: "ts", type: "TIMESTAMP(3)" }, { name: "t0", type: "TIMESTAMP(6)" }],
    rows: [["'a'", "'2024-01-01 00:00:00'", "NULL"]],
    ...(eventTime ? { eventTime } : {}),
  },
});
const window = (config: Record<string, unknown>) => ({
  id: "w", kind: "tumble-window",
  config: { timeColumn: "ts", size: 1, unit: "minutes", keys: ["sensor"], aggregates: [{ fn: "count", column: "sensor", as: "n" }], ...config },
});
const run = (nodes: { id: string; kind: string; config?: Record<string, unknown> }[], edges: string[]) => validateGraph(graph(nodes, edges));
const errs = (r: ReturnType<typeof run>) => r.errors.map((e) => [e.nodeId, e.field, e.message]);

describe("event time", () => {
  it("marks the source's event-time column as a time attribute, kept through filter and rename", () => {
    const r = run([readings({ column: "ts", watermarkDelay: 500 }), { id: "f", kind: "filter", config: { predicate: "sensor = 'a'" } },
      { id: "r", kind: "rename-columns", config: { renames: [{ from: "ts", to: "event time" }] } }, { id: "out", kind: "collect" }],
    ["src->f", "f->r", "r->out"]);
    expect(r.errors).toEqual([]);
    expect(r.rowTypes.src![1]).toMatchObject({ name: "ts", timeAttribute: "rowtime" });
    expect(r.rowTypes.r![1]).toMatchObject({ name: "event time", timeAttribute: "rowtime" });
    expect(r.rowTypes.src![2]!.timeAttribute).toBeUndefined();
  });
  it("keeps the time attribute through select for a bare column, not for a computed one", () => {
    const r = run([readings({ column: "ts", watermarkDelay: 0 }),
      { id: "s", kind: "select", config: { columns: [{ name: "", expr: "ts" }, { name: "later", expr: "CAST(ts AS TIMESTAMP(3))" }] } },
      { id: "out", kind: "collect" }], ["src->s", "s->out"]);
    expect(r.errors).toEqual([]);
    expect(r.rowTypes.s![0]).toMatchObject({ name: "ts", timeAttribute: "rowtime" });
    expect(r.rowTypes.s![1]!.timeAttribute).toBeUndefined();
  });
  it("puts the watermark into the IR of values and datagen sources", () => {
    const g = graph([readings({ column: "ts", watermarkDelay: 500 }), { id: "out", kind: "collect" }], ["src->out"]);
    const c = compile(g);
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    expect(c.program.statements[0]).toMatchObject({ op: "fromValues", watermark: { column: "ts", delayMs: 500 } });
    const gen = graph([{ id: "src", kind: "datagen", config: {
      columns: [{ name: "ts", type: "TIMESTAMP(3)" }], eventTime: { column: "ts", watermarkDelay: 0 },
    } }, { id: "out", kind: "collect" }], ["src->out"]);
    const d = compile(gen);
    if (!d.ok) throw new Error(JSON.stringify(d.errors));
    expect(d.program.statements[0]).toMatchObject({ op: "from", descriptor: { watermark: { column: "ts", delayMs: 0 } } });
  });
  it("pins a missing or mistyped event-time column", () => {
    const at = (eventTime: unknown) => errs(run([readings(eventTime), { id: "out", kind: "collect" }], ["src->out"]));
    expect(at({ column: "nope", watermarkDelay: 0 })).toEqual([["src", "eventTime.column", 'unknown column "nope"']]);
    expect(at({ column: "t0", watermarkDelay: 0 })).toEqual([["src", "eventTime.column", 'the event-time column must be TIMESTAMP(3), "t0" is TIMESTAMP(6)']]);
    expect(at({ column: "ts", watermarkDelay: -1 }).map((e) => e[1])).toEqual(["eventTime.watermarkDelay"]);
  });
});

describe("tumble-window", () => {
  it("emits window_start, window_end, keys and aggregates; sizes in ms in the IR", () => {
    const g = graph([readings({ column: "ts", watermarkDelay: 0 }), window({ size: 2, unit: "minutes" }), { id: "out", kind: "collect" }], ["src->w", "w->out"]);
    const r = validateGraph(g);
    expect(r.errors).toEqual([]);
    expect(r.rowTypes.w!.map((c) => `${c.name} ${formatType(c.type)}`))
      .toEqual(["window_start TIMESTAMP(3) NOT NULL", "window_end TIMESTAMP(3) NOT NULL", "sensor STRING", "n BIGINT NOT NULL"]);
    const c = compile(g);
    if (!c.ok) throw new Error("did not compile");
    expect(c.program.statements[1]).toMatchObject({ op: "window", window: { type: "tumble", timeColumn: "ts", sizeMs: 120000 } });
  });
  it("refuses a column that is not a time attribute, pinned to timeColumn", () => {
    const plain = run([readings(), window({}), { id: "out", kind: "collect" }], ["src->w", "w->out"]);
    expect(errs(plain)[0]!.slice(0, 2)).toEqual(["w", "timeColumn"]);
    expect(errs(plain)[0]![2]).toMatch(/^"ts" is not a time attribute/);
    const computed = run([readings({ column: "ts", watermarkDelay: 0 }),
      { id: "s", kind: "add-columns", config: { columns: [{ name: "t2", expr: "CAST(ts AS TIMESTAMP(3))" }] } },
      window({ timeColumn: "t2" }), { id: "out", kind: "collect" }], ["src->s", "s->w", "w->out"]);
    expect(errs(computed).map((e) => e[1])).toEqual(["timeColumn"]);
  });
  it("pins aggregate errors and names taken by the window columns", () => {
    const r = run([readings({ column: "ts", watermarkDelay: 0 }), window({ aggregates: [
      { fn: "avg", column: "sensor", as: "x" }, { fn: "count", column: "sensor", as: "window_end" }] }), { id: "out", kind: "collect" }],
    ["src->w", "w->out"]);
    expect(errs(r).map((e) => e[1])).toEqual(["aggregates.0.column", "aggregates.1.as"]);
  });
});
