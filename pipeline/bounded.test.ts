// Whether a pipeline ends by itself (the CLI's --timeout rule) is the source kinds' own answer, the one validation uses:
// a datagen source is bounded by number-of-rows only, as Flink's planner sees it, whatever its sequence columns.
import { describe, expect, it } from "vitest";
import { unboundedSources } from "./bounded";
import { graph, seqSource } from "./testing/graphs";
import { validateGraph } from "./validate";

const datagen = (config: Record<string, unknown>) => graph([{ id: "g", kind: "datagen", config }, { id: "c", kind: "collect" }], ["g->c"]);
const random = [{ name: "id", type: "BIGINT", kind: "random" }];

describe("unboundedSources", () => {
  it("a datagen source is bounded with number-of-rows", () => {
    expect(unboundedSources(datagen({ columns: random, numberOfRows: 5 }))).toEqual([]);
  });

  it("a datagen source with only random columns, or a sequence column but no number-of-rows, never ends for the planner", () => {
    expect(unboundedSources(datagen({ columns: random }))).toEqual(['datagen "g" is unbounded; set number-of-rows']);
    expect(unboundedSources(graph([seqSource("g"), { id: "c", kind: "collect" }], ["g->c"])))
      .toEqual(['datagen "g" is unbounded; set number-of-rows']);
  });

  it("agrees with validation: order by refuses the same sequence-only datagen", () => {
    const g = graph([seqSource("g"), { id: "o", kind: "order-by", config: { keys: [{ column: "id", direction: "asc" }], limit: 3 } },
      { id: "c", kind: "collect" }], ["g->o", "o->c"]);
    expect(validateGraph(g).errors).toContainEqual({ nodeId: "o", message: 'order by needs a bounded input: datagen "g" is unbounded; set number-of-rows' });
  });

  it("files are bounded unless the source watches its folder; values always end", () => {
    const files = (extra: Record<string, unknown>) => graph([{ id: "f", kind: "filesystem-source",
      config: { path: "in", format: "csv", columns: [{ name: "a", type: "STRING" }], ...extra } }, { id: "c", kind: "collect" }], ["f->c"]);
    expect(unboundedSources(files({}))).toEqual([]);
    expect(unboundedSources(files({ monitorIntervalSeconds: 5 }))).toEqual(['filesystem source "f" watches its folder for new files; clear the monitor interval']);
    const values = graph([{ id: "v", kind: "values", config: { columns: [{ name: "a", type: "INT" }], rows: [["1"]] } }, { id: "c", kind: "collect" }], ["v->c"]);
    expect(unboundedSources(values)).toEqual([]);
  });
});
