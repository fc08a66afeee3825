// inputStatus: a connected input behind a broken node names that node; an unconnected one says so.
import { describe, expect, it } from "vitest";
import { inputStatus, type InputLink } from "./input-status";
import { validateGraph } from "./validate";
import { graph, seqSource } from "./testing/graphs";

const rowType = [{ name: "id", type: { kind: "BIGINT" } }] as never;

describe("inputStatus", () => {
  const links: InputLink[] = [{ from: "src", to: "filter", port: "in" }, { from: "filter", to: "sink", port: "in" }];

  it("is unconnected when no edge reaches the port", () => {
    expect(inputStatus([], [], {}, "sink", "in")).toEqual({ state: "unconnected" });
  });

  it("gives the feeding node's row type when it has one", () => {
    expect(inputStatus(links, [], { filter: rowType }, "sink", "in")).toEqual({ state: "typed", rowType });
  });

  it("names the nearest node upstream with an error, with its field", () => {
    const errors = [{ nodeId: "src", message: "the path is outside the data root" }, { nodeId: "filter", field: "predicate", message: "unknown column x" }];
    expect(inputStatus(links, errors, {}, "sink", "in")).toEqual({ state: "upstream-error", nodeId: "filter", message: "predicate: unknown column x" });
    expect(inputStatus(links, errors.slice(0, 1), {}, "sink", "in")).toMatchObject({ state: "upstream-error", nodeId: "src" });
  });

  it("finds the error two nodes up in a validated graph", () => {
    const gen = seqSource("gen");
    const g = graph([{ ...gen, config: { ...gen.config, rowsPerSecond: -1 } }, { id: "keep", kind: "filter", config: { predicate: "id > 2" } },
      { id: "out", kind: "collect" }], ["gen->keep", "keep->out"]);
    const v = validateGraph(g);
    const ls = g.edges.map((e) => ({ from: e.from.node, to: e.to.node, port: e.to.port }));
    expect(inputStatus(ls, v.errors, v.rowTypes, "out", "in")).toMatchObject({ state: "upstream-error", nodeId: "gen" });
  });
});
