// limit: its row type (the input's, time attributes kept), its IR, and the bounds of its one field.
import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph } from "../testing/graphs";
import { formatType } from "../types";
import { validateGraph } from "../validate";

const events = {
  id: "src", kind: "values",
  config: {
    columns: [{ name: "user", type: "STRING" }, { name: "ts", type: "TIMESTAMP(3)" }],
    rows: [["'a'", "'2024-01-01 00:00:00'"]], eventTime: { column: "ts", watermarkDelay: 0 },
  },
};
const limited = (config: Record<string, unknown>) =>
  graph([events as never, { id: "n", kind: "limit", config }, { id: "out", kind: "collect" }], ["src->n", "n->out"]);

describe("limit", () => {
  it("passes the input's columns through, time attributes included, and compiles to input.limit(n)", () => {
    const g = limited({ limit: 3 });
    expect(validateGraph(g).rowTypes.n?.map((c) => `${c.name} ${formatType(c.type)}${c.timeAttribute ? ` ${c.timeAttribute}` : ""}`))
      .toEqual(["user STRING", "ts TIMESTAMP(3) rowtime"]);
    const r = compile(g);
    if (!r.ok) throw new Error("did not compile");
    expect(r.program.statements[1]).toEqual({ op: "limit", table: "n", input: "src", fetch: 3 });
  });

  it("defaults to 10 rows and lets a window follow on the kept event time", () => {
    const window = { timeColumn: "ts", size: 1, unit: "minutes", keys: ["user"], aggregates: [{ fn: "count", column: "user", as: "n" }] };
    const g = graph([events as never, { id: "n", kind: "limit" }, { id: "w", kind: "tumble-window", config: window }, { id: "out", kind: "collect" }],
      ["src->n", "n->w", "w->out"]);
    expect(validateGraph(g).errors).toEqual([]);
    const r = compile(g);
    if (!r.ok) throw new Error("did not compile");
    expect(r.program.statements[1]).toMatchObject({ op: "limit", fetch: 10 });
  });

  it("pins a row count below 1 or above a million on its field", () => {
    for (const limit of [0, 1_000_001, 2.5]) {
      expect(validateGraph(limited({ limit })).errors.map((e) => [e.nodeId, e.field])).toEqual([["n", "limit"]]);
    }
  });
});
