// runs.start through the tRPC caller refuses a TS map with a type error before any runner is involved.
import fs from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { makeHarness } from "@/server/api/testing/harness";

const h = makeHarness();
afterAll(() => h.close());

describe("runs.start with a ts-map node", () => {
  it("answers BAD_REQUEST with the type error on node enrich, field code, at its line", async () => {
    const g = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "fixtures", "ts-map.graph.json"), "utf8")) as PipelineGraph;
    const node = g.nodes.find((n) => n.kind === "ts-map")!;
    node.config = { code: (node.config.code as string).replace("toUpperCase()", "toUpperCase(1)") };
    const { id } = await h.caller.pipelines.create({});
    await h.caller.pipelines.save({ id, graph: g, baseRevision: 1 });
    const e = (await h.caller.runs.start({ pipelineId: id }).catch((x: unknown) => x)) as TRPCError & { cause: { graphErrors: unknown[] } };
    expect(e).toBeInstanceOf(TRPCError);
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.cause.graphErrors).toEqual([expect.objectContaining({ nodeId: "enrich", field: "code", message: "line 3:56: Expected 0 arguments, but got 1." })]);
  });
});
