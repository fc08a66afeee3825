// join and interval-join: output row types (renamed clashes, outer-join nullability, time attributes) and pinned errors.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { formatType } from "../types";
import { validateGraph } from "../validate";

type Cols = [string, string][];
const src = (id: string, columns: Cols, eventTime?: string) => ({
  id, kind: "values",
  config: {
    columns: columns.map(([name, type]) => ({ name, type })), rows: [columns.map(([, t]) => (t.includes("NOT NULL") ? "1" : "NULL"))],
    ...(eventTime ? { eventTime: { column: eventTime, watermarkDelay: 0 } } : {}),
  },
});
const customers = src("l", [["id", "INT"], ["name", "STRING"], ["ts", "TIMESTAMP(3)"]], "ts");
const orders = src("r", [["order_id", "BIGINT"], ["id", "BIGINT"], ["name", "VARCHAR(10)"], ["ts", "TIMESTAMP(3)"]], "ts");
const join = (kind: string, config: Record<string, unknown>, left = customers, right = orders) =>
  graph([left, right, { id: "j", kind, config }, { id: "out", kind: "collect" }], ["l->j:left", "r->j:right", "j->out"]);
const show = (g: ReturnType<typeof join>) =>
  validateGraph(g).rowTypes.j?.map((c) => `${c.name} ${formatType(c.type)}${c.timeAttribute ? " *" : ""}`);
const errs = (g: ReturnType<typeof join>) => validateGraph(g).errors.map((e) => [e.nodeId, e.field, e.message]);

describe("join", () => {
  it("renames clashing right columns with the prefix and suffix, and drops time attributes", () => {
    expect(show(join("join", { keys: [{ left: "id", right: "id" }], rightPrefix: "o_", rightSuffix: "!" }))).toEqual([
      "id INT", "name STRING", "ts TIMESTAMP(3)", "order_id BIGINT", "o_id! BIGINT", "o_name! VARCHAR(10)", "o_ts! TIMESTAMP(3)",
    ]);
  });
  it("makes the side an outer join pads with NULL nullable", () => {
    const l = src("l", [["k", "INT NOT NULL"]]);
    const r = src("r", [["k2", "INT NOT NULL"]]);
    const types = (joinType: string) => show(join("join", { joinType, keys: [{ left: "k", right: "k2" }] }, l, r));
    expect(types("inner")).toEqual(["k INT NOT NULL", "k2 INT NOT NULL"]);
    expect(types("left")).toEqual(["k INT NOT NULL", "k2 INT"]);
    expect(types("right")).toEqual(["k INT", "k2 INT NOT NULL"]);
    expect(types("full")).toEqual(["k INT", "k2 INT"]);
  });
  it("compiles keys to the right side's new names", () => {
    const r = compile(join("join", { joinType: "full", keys: [{ left: "id", right: "id" }, { left: "name", right: "name" }] }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.program.statements.find((s) => s.op === "join")).toEqual({
      op: "join", table: "j", input: "l", right: "r", joinType: "full",
      rightRenames: [{ from: "id", to: "right_id" }, { from: "name", to: "right_name" }, { from: "ts", to: "right_ts" }],
      keys: [{ left: "id", right: "right_id" }, { left: "name", right: "right_name" }],
    });
  });
  it("pins unknown key columns, keys of different types, and no keys", () => {
    expect(errs(join("join", { keys: [{ left: "idd", right: "ordr_id" }] }))).toEqual([
      ["j", "keys.0.left", 'unknown column "idd"; did you mean "id"?'],
      ["j", "keys.0.right", 'unknown column "ordr_id"; did you mean "order_id"?'],
    ]);
    expect(errs(join("join", { keys: [{ left: "name", right: "order_id" }] }))).toEqual([[
      "j", "keys.0.right",
      'join keys of different types: left "name" is STRING, right "order_id" is BIGINT; CAST one side in a select first',
    ]]);
    expect(errs(join("join", {})).map((e) => e[1])).toEqual(["keys"]);
  });
  it("refuses a rename that lands on a taken name, or none at all", () => {
    const l = src("l", [["id", "INT"], ["right_id", "INT"]]);
    const r = src("r", [["id", "INT"]]);
    expect(errs(join("join", { keys: [{ left: "id", right: "id" }] }, l, r))).toEqual([[
      "j", "rightPrefix", 'the right column "id" would be renamed to "right_id", which is taken; change the prefix or suffix',
    ]]);
    expect(errs(join("join", { keys: [{ left: "id", right: "id" }], rightPrefix: "" }, l, r))[0]![1]).toBe("rightPrefix");
  });
});

describe("interval-join", () => {
  const config = { keys: [{ left: "id", right: "id" }], leftTime: "ts", rightTime: "ts", lower: -2, upper: 5, unit: "seconds" };
  it("keeps the left time attribute only and compiles the bounds to milliseconds", () => {
    expect(show(join("interval-join", config))).toEqual([
      "id INT", "name STRING", "ts TIMESTAMP(3) *", "order_id BIGINT", "right_id BIGINT", "right_name VARCHAR(10)", "right_ts TIMESTAMP(3)",
    ]);
    const r = compile(join("interval-join", config));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.program.statements.find((s) => s.op === "intervalJoin")).toMatchObject({
      leftTime: "ts", rightTime: "right_ts", lowerMs: -2000, upperMs: 5000, keys: [{ left: "id", right: "right_id" }],
    });
  });
  it("needs an event-time attribute on each side", () => {
    const plain = src("r", [["id", "INT"], ["ts", "TIMESTAMP(3)"]]);
    expect(errs(join("interval-join", config, customers, plain))).toEqual([[
      "j", "rightTime", 'the right input\'s "ts" is not an event-time attribute; it has none: declare one on its source (event time + watermark)',
    ]]);
    expect(errs(join("interval-join", { ...config, leftTime: "name" })).map((e) => e[2])).toEqual([
      'the left input\'s "name" is not an event-time attribute; its event-time column is "ts"',
    ]);
  });
  it("pins bounds in the wrong order", () => {
    expect(errs(join("interval-join", { ...config, lower: 3, upper: 1 }))).toEqual([
      ["j", "lower", "the lower bound 3 is above the upper bound 1"],
    ]);
  });
});
