// Exceptions mapped to canvas nodes: a TS UDF's node by its name, else the failing task's vertex.
import { describe, expect, it } from "vitest";
import { exceptionNodes } from "./job-extras";
import type { ExceptionInfo } from "./types";

const placement = {
  gen: { vertices: ["A"], sharedWith: [] }, enrich: { vertices: ["A"], sharedWith: [] },
  agg: { vertices: ["B"], sharedWith: [] }, out: { vertices: ["B"], sharedWith: [] },
};
const vertices = [{ id: "A", name: "Source: gen[1] -> AsyncCalc[2]" }, { id: "B", name: "GroupAggregate[4] -> Sink: Collect: out" }];
const ex = (o: Partial<ExceptionInfo>): ExceptionInfo => ({ time: 1, name: "X", rootCause: "", stack: "", task: null, nodes: [], ...o });

describe("exceptionNodes", () => {
  it("names the TS UDF's own node when the root cause names the UDF", () => {
    expect(exceptionNodes(ex({ rootCause: 'UdfException: UDF "enrich" threw: boom', task: "Source: gen[1] -> AsyncCalc[2] (1/1)#0" }), placement, vertices))
      .toEqual(["enrich"]);
  });
  it("otherwise names the nodes in the failing task's vertex", () => {
    expect(exceptionNodes(ex({ task: "GroupAggregate[4] -> Sink: Collect: out (1/1)#3" }), placement, vertices)).toEqual(["agg", "out"]);
  });
  it("names nothing when the failure has no task and the job more than one vertex", () => {
    expect(exceptionNodes(ex({}), placement, vertices)).toEqual([]);
    expect(exceptionNodes(ex({}), placement, vertices.slice(0, 1))).toEqual(["gen", "enrich"]);
  });
});
