// Canvas store: graph ↔ React Flow round trip, node ids, selection, one edge per input port.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { PipelineGraphSchema } from "@/pipeline/graph";
import { createCanvasStore, nextNodeId, toGraph } from "./store";

const example = PipelineGraphSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../examples/sensor-alerts.json"), "utf8")),
);

describe("canvas store", () => {
  it("round-trips a saved graph through React Flow nodes and edges unchanged", () => {
    expect(toGraph(createCanvasStore(example).getState())).toEqual(example);
  });

  it("names new nodes <kind>_<n> with the smallest free n, valid as graph node ids", () => {
    expect(nextNodeId("filter", ["filter_1", "filter_3"])).toBe("filter_2");
    expect(nextNodeId("tumble-window", [])).toBe("tumble_window_1");
    expect(nextNodeId("9lives", [])).toMatch(/^[A-Za-z]/);
  });

  it("adds a node selected (and deselects the others), with its own copy of the config", () => {
    const store = createCanvasStore(example);
    const config = { predicate: "TRUE" };
    const id = store.getState().addNode("filter", 1, config, { x: 1, y: 2 });
    expect(id).toBe("filter_1");
    const nodes = store.getState().nodes;
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["filter_1"]);
    store.getState().updateConfig(id, { predicate: "FALSE" });
    expect(config.predicate).toBe("TRUE");
    expect(toGraph(store.getState()).nodes.find((n) => n.id === id)?.config).toEqual({ predicate: "FALSE" });
  });

  it("gives an input port one edge: connecting again replaces the old edge", () => {
    const store = createCanvasStore(example);
    store.getState().onConnect({ source: "readings", sourceHandle: "out", target: "alert", targetHandle: "in" });
    const into = toGraph(store.getState()).edges.filter((e) => e.to.node === "alert");
    expect(into).toHaveLength(1);
    expect(into[0]!.from.node).toBe("readings");
  });

  it("ignores a connection from a node to itself", () => {
    const store = createCanvasStore(example);
    const before = store.getState().edges;
    store.getState().onConnect({ source: "alert", sourceHandle: "out", target: "alert", targetHandle: "in" });
    expect(store.getState().edges).toBe(before);
  });
});
