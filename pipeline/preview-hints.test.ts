// Hints and edge counts read from a preview's sample counts.
import { describe, expect, it } from "vitest";
import { edgeCounts, previewHints } from "./preview-hints";
import { graph, seqSource } from "./testing/graphs";

const g = graph(
  [seqSource("src"), { id: "f", kind: "filter", config: { predicate: "id > 99" } }, { id: "s", kind: "select", config: { columns: [{ name: "", expr: "id" }] } }, { id: "out", kind: "collect" }],
  ["src->f", "f->s", "s->out"],
);

describe("preview hints", () => {
  it("names only the first node that emitted nothing, with what it received", () => {
    expect(previewHints(g, ["src", "f", "s"], { src: 1000, f: 0, s: 0 })).toEqual([{ nodeId: "f", message: "filter f dropped all 1000 rows it received" }]);
    expect(previewHints(g, ["src", "f", "s"], { src: 1, f: 0, s: 0 })[0]!.message).toBe("filter f dropped the 1 row it received");
  });

  it("says when a source produced nothing, and nothing when rows flow", () => {
    expect(previewHints(g, ["src", "f"], { src: 0, f: 0 })).toEqual([{ nodeId: "src", message: "datagen src produced no rows" }]);
    expect(previewHints(g, ["src", "f", "s"], { src: 10, f: 3, s: 3 })).toEqual([]);
  });

  it("counts each previewed edge by the node it leaves", () => {
    expect(edgeCounts(g, ["e1", "e2"], { src: 10, f: 3, s: 3 })).toEqual({ e1: 10, e2: 3 });
  });
});
