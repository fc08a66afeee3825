// versions.* through createCaller on a real temp-dir SQLite store: explicit Save and Run keep numbered versions.
import { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { graph, seqSource } from "@/pipeline/testing/graphs";
import { createPipeline, fakeRunnerCommand, makeHarness, type Harness } from "../testing/harness";

let h: Harness;
beforeEach(() => {
  h = makeHarness({ command: fakeRunnerCommand, startRunner: true });
});
afterEach(() => h.close());

const collect = { id: "out", kind: "collect", config: { maxRows: 50 } };
const v = (rows: number) => graph([seqSource("src", rows), collect], ["src->out"]);

describe("versions router", () => {
  it("keeps a numbered version at each explicit Save, opens any of them, and refuses a stale Save", async () => {
    const id = await createPipeline(h.caller, v(1)); // revision 2
    const a = await h.caller.versions.save({ id, graph: v(2), baseRevision: 2 });
    const b = await h.caller.versions.save({ id, graph: v(3), baseRevision: a.revision });
    expect([a.version, b.version]).toEqual([1, 2]);
    expect((await h.caller.versions.list({ id })).map((x) => [x.number, x.reason])).toEqual([[2, "save"], [1, "save"]]);
    expect((await h.caller.versions.get({ id, number: 1 })).graph).toEqual(v(2));
    expect((await h.caller.pipelines.get({ id })).graph).toEqual(v(3));
    const stale = await h.caller.versions.save({ id, graph: v(4), baseRevision: a.revision }).catch((e: unknown) => e);
    expect((stale as TRPCError).code).toBe("CONFLICT");
    expect(await h.caller.versions.list({ id })).toHaveLength(2);
    const missing = await h.caller.versions.get({ id, number: 9 }).catch((e: unknown) => e);
    expect((missing as TRPCError).code).toBe("NOT_FOUND");
  });

  it("keeps the graph of each Run as a version, without duplicates for an unchanged graph", async () => {
    const id = await createPipeline(h.caller, v(5));
    await h.caller.runs.start({ pipelineId: id });
    await h.caller.runs.start({ pipelineId: id });
    const list = await h.caller.versions.list({ id });
    expect(list.map((x) => [x.number, x.reason])).toEqual([[1, "run"]]);
    expect((await h.caller.versions.get({ id, number: 1 })).graph).toEqual(v(5));
  });

  it("forks: creates a new pipeline from a whole graph; deleting a pipeline drops its versions", async () => {
    const id = await createPipeline(h.caller, v(1));
    await h.caller.versions.save({ id, graph: v(2), baseRevision: 2 });
    const fork = await h.caller.pipelines.create({ graph: v(7), name: "copy" });
    expect((await h.caller.pipelines.get({ id: fork.id })).graph).toEqual({ ...v(7), name: "copy" });
    await h.caller.pipelines.delete({ id });
    expect(await h.caller.versions.list({ id })).toEqual([]);
  });
});
