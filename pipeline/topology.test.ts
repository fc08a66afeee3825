// Graph algorithms on shapes users draw, including very long chains (no recursion, no quadratic scans).
import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { graph, seqSource } from "./testing/graphs";
import { findCycles, topoOrder } from "./topology";
import { validateGraph } from "./validate";

const chain = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);
const pairs = (ids: string[]) => ids.slice(1).map((id, i) => [ids[i]!, id] as [string, string]);

describe("topoOrder", () => {
  it("takes ready nodes in graph order and leaves out nodes on or behind a cycle", () => {
    expect(topoOrder(["c", "a", "b"], [["a", "b"]])).toEqual(["c", "a", "b"]);
    expect(topoOrder(["a", "b", "c", "d"], [["a", "b"], ["b", "c"], ["c", "b"], ["c", "d"]])).toEqual(["a"]);
    expect(topoOrder(["x", "y", "z"], [["z", "x"], ["z", "y"]])).toEqual(["z", "x", "y"]);
  });

  it("orders a 100,000-node chain given backwards", () => {
    const ids = chain(100_000);
    expect(topoOrder([...ids].reverse(), pairs(ids))).toEqual(ids);
  });
});

describe("findCycles", () => {
  it("finds each cycle once as a path back to its first node", () => {
    expect(findCycles(["a", "b", "c"], [["a", "b"], ["b", "a"], ["c", "c"]])).toEqual([["a", "b", "a"], ["c", "c"]]);
  });

  it("walks a 100,000-node chain and finds the cycle closed at its end", () => {
    const ids = chain(100_000);
    expect(findCycles(ids, pairs(ids))).toEqual([]);
    const cycles = findCycles(ids, [...pairs(ids), [ids.at(-1)!, ids.at(-3)!]]);
    expect(cycles).toEqual([[ids.at(-3), ids.at(-2), ids.at(-1), ids.at(-3)]]);
  });
});

it("a 10,000-node chain validates and compiles (it exhausted the stack before)", () => {
  const filters = Array.from({ length: 10_000 }, (_, i) => ({ id: `f${i}`, kind: "filter", config: { predicate: "id > 0" } }));
  const edges = ["src->f0", ...filters.slice(1).map((f, i) => `f${i}->${f.id}`), "f9999->sink"];
  const g = graph([seqSource("src", 10), ...filters, { id: "sink", kind: "blackhole" }], edges);
  expect(validateGraph(g).errors).toEqual([]);
  const c = compile(g);
  expect(c.ok).toBe(true);
});
