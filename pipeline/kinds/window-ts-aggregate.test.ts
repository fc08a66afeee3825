// A window kind's optional TS aggregate (code field): its columns after the built-in aggregates, its errors, its IR.
import { describe, expect, it } from "vitest";
import { printJava, printSql } from "../codegen";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
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

const KINDS = [
  ["tumble-window", { size: 10 }], ["hop-window", { size: 10, slide: 5 }],
  ["session-window", { gap: 30 }], ["cumulate-window", { step: 2, maxSize: 10 }],
] as const;

describe("window kinds with a TS aggregate", () => {
  it("append its output columns after window bounds, keys and built-in aggregates, in every window kind", () => {
    for (const [kind, config] of KINDS) {
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
    expect(noResult.errors.map((e) => [e.nodeId, e.field, e.message.replace(/:.*/, "")])).toEqual([
      ["w", "code", "line 1"], ["w", "code", "line 1"], ["w", "code", "line 1"],
    ]);
    expect(noResult.errors.map((e) => e.message)).toEqual([
      expect.stringContaining("add()"), expect.stringContaining("a hop window merges accumulators"), expect.stringContaining("export the function"),
    ]);
    const clash = validateGraph(g("tumble-window", { size: 10, code: CODE.replace("total: number", "n: number").replace("total: acc.s", "n: acc.s") }));
    expect(clash.errors.map((e) => [e.field, e.message])).toEqual([["code", expect.stringContaining('output column "n"')]]);
  });

  it("need no built-in aggregate when a TS aggregate gives the columns; its IR and printed programs have only the udf", () => {
    for (const [kind, config] of KINDS) {
      const cfg = { ...config, aggregates: [], code: CODE };
      const r = validateGraph(g(kind, cfg));
      expect(r.errors, kind).toEqual([]);
      expect(r.rowTypes.w!.map((c) => c.name)).toEqual(["window_start", "window_end", "user", "total", "label"]);
      const c = compile(g(kind, cfg));
      if (!c.ok) throw new Error(JSON.stringify(c.errors));
      const w = c.program.statements.find((s) => s.op === "window")!;
      expect(w.op === "window" && w.aggregates).toEqual([]);
      const sql = printSql(c.program);
      expect(sql).toContain("  `user`,\n  `__udf_w`.`total` AS `total`,\n  `__udf_w`.`label` AS `label`\nFROM (");
      expect(sql).toContain("SELECT `window_start`, `window_end`, `user`, `w`(`user`, `amount`, `ts`) AS `__udf_w`");
      expect(printJava(c.program)).toContain("+ \"FROM (SELECT `window_start`, `window_end`, `user`, `__streamcanvas_view_1_agg`(`user`, `amount`, `ts`) AS `__udf_w`\\n\"");
    }
  });

  it("refuse a window with neither a built-in nor a TS aggregate, saying what to add", () => {
    const r = validateGraph(g("session-window", { gap: 30, aggregates: [], code: "  \n" }));
    expect(r.errors.map((e) => [e.nodeId, e.field, e.message])).toEqual([
      ["w", "aggregates", "add an aggregate, or write a TS aggregate (create / add / result) in the TS aggregate field"],
    ]);
  });

  it("ask for merge() as the user types, on the code field at the result's line, where the window merges accumulators", () => {
    const noMerge = CODE.replace(/export function merge.*\n/, "");
    for (const [kind, config] of KINDS) {
      const r = validateGraph(g(kind, { ...config, code: noMerge }));
      if (kind === "tumble-window") { expect(r.errors, kind).toEqual([]); continue; }
      const name = kind.replace("-window", "");
      expect(r.errors.map((e) => [e.nodeId, e.field, e.message]), kind).toEqual([
        ["w", "code", `line 4:1: a ${name} window merges accumulators: export function merge(a: Acc, b: Acc): Acc { … }`],
      ]);
      expect(r.errors[0]!.span).toEqual({ start: noMerge.indexOf("export default"), end: noMerge.indexOf(" function result") });
    }
  });

  it("ask for create() and add() in every window and in the TS aggregate node", () => {
    const noAdd = CODE.replace("export function add", "function add");
    const msg = "line 5:1: an aggregate folds each row in with add(): export function add(acc: Acc, row: Input): Acc { … }";
    expect(validateGraph(g("tumble-window", { size: 10, code: noAdd })).errors.map((e) => e.message)).toEqual([msg]);
    const node = graph([source, { id: "w", kind: "ts-aggregate", config: { keys: ["user"], code: noAdd } }, { id: "out", kind: "collect" }],
      ["src->w", "w->out"]);
    expect(validateGraph(node).errors.map((e) => [e.field, e.message])).toEqual([["code", msg]]);
  });
});
