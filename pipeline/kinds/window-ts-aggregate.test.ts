// A window kind's optional TS aggregate (code field): its columns after the built-in aggregates, its errors, its IR.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing";
import { validateGraph } from "../validate";

const source = {
  id: "src", kind: "values",
  config: {
    columns: [{ name: "user", type: "STRING" }, { name: "amount", type: "INT" }, { name: "ts", type: "TIMESTAMP(3)" }],
    rows: [["'a'", "1", "'2024-01-01 00:00:00'"]],
    eventTime: { column: "ts", watermarkDelay: 0 },
  },
};
const CODE = `type Acc = { s: number };
export function create(): Acc { return { s: 0 }; }
export function add(acc: Acc, row: Input): Acc { return { s: acc.s + (row.amount ?? 0) }; }
export function merge(a: Acc, b: Acc): Acc { return { s: a.s + b.s }; }
export default function result(acc: Acc): { total: number; label: string } { return { total: acc.s, label: "x" }; }
`;
const count = { fn: "count", column: "amount", as: "n" };
const g = (kind: string, config: Record<string, unknown>) => graph([
  source,
  { id: "w", kind, config: { timeColumn: "ts", unit: "seconds", keys: ["user"], aggregates: [count], ...config } },
  { id: "out", kind: "collect" },
], ["src->w", "w->out"]);

describe("window kinds with a TS aggregate", () => {
  it("append its output columns after window bounds, keys and built-in aggregates, in every window kind", () => {
    for (const [kind, config] of [
      ["tumble-window", { size: 10 }], ["hop-window", { size: 10, slide: 5 }],
      ["session-window", { gap: 30 }], ["cumulate-window", { step: 2, maxSize: 10 }],
    ] as const) {
      const r = validateGraph(g(kind, { ...config, code: CODE }));
      expect(r.errors, kind).toEqual([]);
      expect(r.rowTypes.w!.map((c) => c.name)).toEqual(["window_start", "window_end", "user", "n", "total", "label"]);
      const c = compile(g(kind, { ...config, code: CODE }));
      if (!c.ok) throw new Error(JSON.stringify(c.errors));
      const w = c.program.statements.find((s) => s.op === "window")!;
      expect(w.op === "window" && w.udf).toMatchObject({
        name: "w", code: CODE,
        inputColumns: [{ name: "user", type: "STRING" }, { name: "amount", type: "INT" }, { name: "ts", type: "TIMESTAMP(3)" }],
        outputColumns: [{ name: "total", type: "DOUBLE NOT NULL" }, { name: "label", type: "STRING NOT NULL" }],
      });
    }
  });

  it("leave a window without code as before: no udf in its IR (old saved graphs stay valid)", () => {
    const c = compile(g("tumble-window", { size: 10 }));
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    expect("udf" in c.program.statements.find((s) => s.op === "window")!).toBe(false);
  });

  it("pin errors to the code field: a missing declared result, an output column clashing with a key or aggregate", () => {
    const noResult = validateGraph(g("hop-window", { size: 10, slide: 5, code: "export function create() { return 0; }\n" }));
    expect(noResult.errors.map((e) => [e.nodeId, e.field])).toEqual([["w", "code"]]);
    const clash = validateGraph(g("tumble-window", { size: 10, code: CODE.replace("total: number", "n: number").replace("total: acc.s", "n: acc.s") }));
    expect(clash.errors.map((e) => [e.field, e.message])).toEqual([["code", expect.stringContaining('output column "n"')]]);
  });
});
