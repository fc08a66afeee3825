// Diff of two graph versions: node adds / removes / config changes by field, edges by what they connect, overlay marks.
import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION, type PipelineGraph } from "./graph";
import { defaultRunSettings } from "./run-settings";
import { diffConfig, diffGraphs, diffOverlay, isEmptyDiff } from "./diff";

const n = (id: string, config: Record<string, unknown> = {}, kind = "filter", x = 0) => ({ id, kind, version: 1, config, position: { x, y: 0 } });
const e = (a: string, b: string, id = `${a}-${b}`) => ({ id, from: { node: a, port: "out" }, to: { node: b, port: "in" } });
const g = (nodes: PipelineGraph["nodes"], edges: PipelineGraph["edges"], name = "p"): PipelineGraph => ({ schemaVersion: SCHEMA_VERSION, name, nodes, edges, settings: defaultRunSettings() });

describe("diffGraphs", () => {
  const v1 = g([n("src", { rows: 10 }, "datagen"), n("f", { predicate: "a > 1" }), n("old", {}, "print")], [e("src", "f"), e("f", "old")]);
  const v2 = g(
    [n("src", { rows: 10 }, "datagen", 300), n("f", { predicate: "a > 2" }), n("sink", {}, "collect")],
    [e("src", "f", "renamed-id"), e("f", "sink")], "p2",
  );

  it("finds added, removed and changed nodes, config changes by field, and ignores moves and edge ids", () => {
    const d = diffGraphs(v1, v2);
    expect(d.added).toEqual(["sink"]);
    expect(d.removed).toEqual(["old"]);
    expect(d.changed).toEqual([{ id: "f", kind: "filter", changes: [{ field: "config.predicate", from: "a > 1", to: "a > 2" }] }]);
    expect(d.edgesAdded.map((x) => x.id)).toEqual(["f-sink"]);
    expect(d.edgesRemoved.map((x) => x.id)).toEqual(["f-old"]);
    expect(d.renamed).toEqual({ from: "p", to: "p2" });
  });

  it("is empty between a graph and itself, moved or not", () => {
    expect(isEmptyDiff(diffGraphs(v1, v1))).toBe(true);
    expect(isEmptyDiff(diffGraphs(v1, { ...v1, nodes: v1.nodes.map((x) => ({ ...x, position: { x: 9, y: 9 } })) }))).toBe(true);
  });

  it("lists changed run settings by path, and a settings change alone is a difference", () => {
    const v = { ...v1, settings: { ...v1.settings, checkpointIntervalMs: 5_000, restartStrategy: { type: "fixed-delay" as const, attempts: 3, delayMs: 1_000 } } };
    const d = diffGraphs(v1, v);
    expect(d.settings).toEqual([
      { field: "checkpointIntervalMs", from: null, to: 5_000 },
      { field: "restartStrategy", from: null, to: undefined },
      { field: "restartStrategy.attempts", from: undefined, to: 3 },
      { field: "restartStrategy.delayMs", from: undefined, to: 1_000 },
      { field: "restartStrategy.type", from: undefined, to: "fixed-delay" },
    ]);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it("lists nested config changes by path, including added and removed entries", () => {
    expect(diffConfig({ columns: [{ name: "a", type: "INT" }] }, { columns: [{ name: "a", type: "BIGINT" }, { name: "b", type: "INT" }] }))
      .toEqual([
        { field: "columns.0.type", from: "INT", to: "BIGINT" },
        { field: "columns.1.name", from: undefined, to: "b" },
        { field: "columns.1.type", from: undefined, to: "INT" },
      ]);
  });

  it("draws current plus removed nodes with marks, and the removed edges between them", () => {
    const { graph, marks } = diffOverlay(v1, v2);
    expect(graph.nodes.map((x) => x.id).sort()).toEqual(["f", "old", "sink", "src"]);
    expect(marks).toEqual({ sink: "added", old: "removed", f: "changed" });
    expect(graph.edges.map((x) => x.id).sort()).toEqual(["f-old", "f-sink", "renamed-id"]);
  });
});
