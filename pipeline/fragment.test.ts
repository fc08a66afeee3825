// Clipboard fragments: only edges inside the selection travel; pasting remaps ids clear of the target graph's.
import { describe, expect, it } from "vitest";
import { extractFragment, FRAGMENT_TYPE, parseFragment, remapFragment } from "./fragment";

const n = (id: string, kind = "filter") => ({ id, kind, version: 1, config: { predicate: "TRUE" }, position: { x: 10, y: 20 } });
const e = (a: string, b: string) => ({ id: `${a}-${b}`, from: { node: a, port: "out" }, to: { node: b, port: "in" } });

describe("fragments", () => {
  const graph = { nodes: [n("a"), n("b"), n("c")], edges: [e("a", "b"), e("b", "c")] };

  it("keeps the chosen nodes and only the edges between them", () => {
    const f = extractFragment(graph, ["a", "b"]);
    expect(f.nodes.map((x) => x.id)).toEqual(["a", "b"]);
    expect(f.edges.map((x) => x.id)).toEqual(["a-b"]);
  });

  it("remaps ids clear of the taken ones, rewires inner edges and shifts positions", () => {
    const r = remapFragment(extractFragment(graph, ["a", "b"]), ["filter_1", "filter_2"], { x: 5, y: -5 });
    expect(r.nodes.map((x) => x.id)).toEqual(["filter_3", "filter_4"]);
    expect(r.edges).toEqual([{ id: "e_filter_3_out_filter_4_in", from: { node: "filter_3", port: "out" }, to: { node: "filter_4", port: "in" } }]);
    expect(r.nodes[0]!.position).toEqual({ x: 15, y: 15 });
  });

  it("reads its own clipboard text and nothing else", () => {
    const f = extractFragment(graph, ["c"]);
    expect(parseFragment(JSON.stringify(f))).toEqual(f);
    expect(parseFragment("hello")).toBeNull();
    expect(parseFragment(JSON.stringify({ type: FRAGMENT_TYPE, nodes: [{ id: 1 }], edges: [] }))).toBeNull();
  });
});
