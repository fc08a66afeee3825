// Auto-layout with the real elkjs: a chain goes left to right, nodes never overlap.
import { describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { layoutGraph } from "./auto-layout";

const node = (id: string) => ({ id, kind: "blackhole", version: 1, config: {}, position: { x: 0, y: 0 } });
const edge = (a: string, b: string) => ({ id: `${a}-${b}`, from: { node: a, port: "out" }, to: { node: b, port: "in" } });

describe("layoutGraph", () => {
  it("places each node of a chain right of its input, and the two branches of a fork apart", async () => {
    const g: Pick<PipelineGraph, "nodes" | "edges"> = {
      nodes: ["a", "b", "c", "d"].map(node),
      edges: [edge("a", "b"), edge("b", "c"), edge("b", "d")],
    };
    const p = await layoutGraph(g);
    expect(p.b!.x).toBeGreaterThan(p.a!.x + 180);
    expect(p.c!.x).toBeGreaterThan(p.b!.x + 180);
    expect(p.c!.x).toBe(p.d!.x);
    expect(Math.abs(p.c!.y - p.d!.y)).toBeGreaterThanOrEqual(72);
  });
});
