// Undo / redo in the canvas store: every kind of edit is one step, drags and typing coalesce, paste remaps ids.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { PipelineGraphSchema } from "@/pipeline/graph";
import { createCanvasStore, toGraph } from "./store";

const example = PipelineGraphSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../examples/sensor-alerts.json"), "utf8")),
);
const graphOf = (s: ReturnType<typeof createCanvasStore>) => toGraph(s.getState());

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("undo / redo", () => {
  it("undoes and redoes a deletion, edges included", () => {
    const store = createCanvasStore(example);
    const id = example.nodes[1]!.id;
    store.getState().deleteNodes([id]);
    expect(graphOf(store).nodes.map((n) => n.id)).not.toContain(id);
    expect(graphOf(store).edges.some((e) => e.from.node === id || e.to.node === id)).toBe(false);
    store.getState().undo();
    expect(graphOf(store)).toEqual(example);
    store.getState().redo();
    expect(graphOf(store).nodes.map((n) => n.id)).not.toContain(id);
  });

  it("makes one step of a whole drag, however many frames", () => {
    const store = createCanvasStore(example);
    const id = example.nodes[0]!.id;
    for (let i = 1; i <= 30; i++) store.getState().onNodesChange([{ type: "position", id, position: { x: i * 10, y: 0 }, dragging: true }]);
    store.getState().onNodesChange([{ type: "position", id, position: { x: 300, y: 0 }, dragging: false }]);
    expect(graphOf(store).nodes[0]!.position).toEqual({ x: 300, y: 0 });
    store.getState().undo();
    expect(graphOf(store)).toEqual(example);
    expect(store.getState().past).toHaveLength(0);
  });

  it("makes one step of typing without a pause, and a new step after a pause", () => {
    const store = createCanvasStore(example);
    const id = example.nodes[1]!.id;
    const cfg = example.nodes[1]!.config;
    for (const p of ["a", "a ", "a >", "a > 1"]) {
      store.getState().updateConfig(id, { ...cfg, predicate: p });
      vi.advanceTimersByTime(300);
    }
    vi.advanceTimersByTime(2000);
    store.getState().updateConfig(id, { ...cfg, predicate: "a > 2" });
    store.getState().undo();
    expect(graphOf(store).nodes[1]!.config.predicate).toBe("a > 1");
    store.getState().undo();
    expect(graphOf(store)).toEqual(example);
  });

  it("ignores selection changes and drops the redo branch on a new edit", () => {
    const store = createCanvasStore(example);
    store.getState().onNodesChange([{ type: "select", id: example.nodes[0]!.id, selected: true }]);
    expect(store.getState().past).toHaveLength(0);
    store.getState().setName("renamed");
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().addNode("blackhole", 1, {}, { x: 0, y: 0 });
    expect(store.getState().future).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().name).toBe(example.name);
  });

  it("undoes an auto-layout and a connection as single steps", () => {
    const store = createCanvasStore(example);
    store.getState().setPositions(Object.fromEntries(example.nodes.map((n, i) => [n.id, { x: i, y: i }])));
    store.getState().onConnect({ source: example.nodes[0]!.id, sourceHandle: "out", target: example.nodes[2]!.id, targetHandle: "in" });
    store.getState().undo();
    store.getState().undo();
    expect(graphOf(store)).toEqual(example);
  });
});

describe("copy / paste", () => {
  it("pastes a copied pair with fresh ids, its inner edge remapped, the copies selected", () => {
    const store = createCanvasStore(example);
    const [a, b] = [example.edges[0]!.from.node, example.edges[0]!.to.node];
    store.getState().onNodesChange([a, b].map((id) => ({ type: "select" as const, id, selected: true })));
    const frag = store.getState().copySelection()!;
    expect(frag.nodes.map((n) => n.id).sort()).toEqual([a, b].sort());
    expect(frag.edges).toHaveLength(1);
    const ids = store.getState().paste(frag, { x: 40, y: 40 });
    const g = graphOf(store);
    expect(ids).toHaveLength(2);
    expect(ids.some((id) => id === a || id === b)).toBe(false);
    expect(g.nodes).toHaveLength(example.nodes.length + 2);
    const pasted = g.edges.filter((e) => ids.includes(e.from.node));
    expect(pasted).toHaveLength(1);
    expect(ids).toContain(pasted[0]!.to.node);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    expect(store.getState().nodes.filter((n) => n.selected).map((n) => n.id).sort()).toEqual([...ids].sort());
    const orig = g.nodes.find((n) => n.id === frag.nodes[0]!.id)!;
    const copy = g.nodes.find((n) => n.id === ids[0])!;
    expect(copy.position).toEqual({ x: orig.position.x + 40, y: orig.position.y + 40 });
    store.getState().undo();
    expect(graphOf(store)).toEqual(example);
  });

  it("inserts a node into an edge: one edge becomes two through the new node", () => {
    const store = createCanvasStore(example);
    const e = example.edges[0]!;
    const id = store.getState().insertOnEdge(e.id, "filter", 1, { predicate: "TRUE" }, { x: 0, y: 0 }, { in: "in", out: "out" })!;
    const g = graphOf(store);
    expect(g.edges.find((x) => x.id === e.id)).toBeUndefined();
    expect(g.edges).toContainEqual(expect.objectContaining({ from: e.from, to: { node: id, port: "in" } }));
    expect(g.edges).toContainEqual(expect.objectContaining({ from: { node: id, port: "out" }, to: e.to }));
    store.getState().undo();
    expect(graphOf(store)).toEqual(example);
  });
});
