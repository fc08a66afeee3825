// pipelines.* and examples.* through createCaller on a real temp-dir store.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { SCHEMA_VERSION, type PipelineGraph } from "@/pipeline/graph";
import { defaultRunSettings } from "@/pipeline/run-settings";
import { makeHarness, type Harness } from "../testing/harness";

const graph = (name: string): PipelineGraph => ({
  schemaVersion: SCHEMA_VERSION, name, edges: [], settings: defaultRunSettings(),
  nodes: [{ id: "s1", kind: "blackhole", version: 1, config: {}, position: { x: 0, y: 0 } }],
});

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => h.close());

const code = async (p: Promise<unknown>) => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(TRPCError);
  return (e as TRPCError).code;
};

describe("pipelines router", () => {
  it("creating from a file that names connections says which ones this server lacks (names only travel in files)", async () => {
    const g = graph("imported");
    g.nodes = [
      { id: "in", kind: "kafka-source", version: 1, config: { connection: "orders-kafka", topic: "orders" }, position: { x: 0, y: 0 } },
      { id: "out", kind: "kafka-sink", version: 1, config: { connection: "sink-kafka", topic: "out" }, position: { x: 0, y: 0 } },
    ];
    expect((await h.caller.pipelines.create({ graph: g })).missingConnections).toEqual(["orders-kafka", "sink-kafka"]);
    await h.caller.connections.create({ name: "sink-kafka", kind: "kafka", fields: { bootstrapServers: "k:9092" } });
    expect((await h.caller.pipelines.create({ graph: g })).missingConnections).toEqual(["orders-kafka"]);
    expect((await h.caller.pipelines.create({ name: "blank" })).missingConnections).toEqual([]);
  });

  it("creates a blank pipeline, saves it, lists and gets it", async () => {
    const { id } = await h.caller.pipelines.create({ name: "mine" });
    const got = await h.caller.pipelines.get({ id });
    expect(got).toMatchObject({ name: "mine", revision: 1, graph: { nodes: [] } });
    const saved = await h.caller.pipelines.save({ id, graph: graph("renamed"), baseRevision: 1 });
    expect(saved.revision).toBe(2);
    expect(await h.caller.pipelines.list()).toEqual([expect.objectContaining({ id, name: "renamed", nodeCount: 1 })]);
  });

  it("answers CONFLICT to a stale save and NOT_FOUND to unknown ids", async () => {
    const { id } = await h.caller.pipelines.create({});
    await h.caller.pipelines.save({ id, graph: graph("a"), baseRevision: 1 });
    expect(await code(h.caller.pipelines.save({ id, graph: graph("b"), baseRevision: 1 }))).toBe("CONFLICT");
    expect(await code(h.caller.pipelines.get({ id: "nope" }))).toBe("NOT_FOUND");
    expect(await code(h.caller.pipelines.delete({ id: "nope" }))).toBe("NOT_FOUND");
    expect(await h.caller.pipelines.delete({ id })).toEqual({ ok: true });
  });

  it("rejects a malformed graph with field-level zod errors", async () => {
    const { id } = await h.caller.pipelines.create({});
    const bad = { ...graph("x"), nodes: [{ id: "1bad", kind: "k", version: 1, config: {}, position: { x: 0, y: 0 } }] };
    const e = await h.caller.pipelines.save({ id, graph: bad, baseRevision: 1 }).catch((x: unknown) => x);
    expect((e as TRPCError).code).toBe("BAD_REQUEST");
  });
});

describe("examples router", () => {
  it("lists example files and creates a pipeline from one", async () => {
    await h.close();
    const ex = path.join(h.dir + "-ex");
    fs.mkdirSync(ex, { recursive: true });
    fs.writeFileSync(path.join(ex, "demo.json"), JSON.stringify({ ...graph("Demo"), description: "a demo" }));
    h = makeHarness({ examplesDir: ex });
    expect(await h.caller.examples.list()).toEqual([{ file: "demo.json", name: "Demo", description: "a demo" }]);
    // first start seeded the example
    expect((await h.caller.pipelines.list()).map((p) => p.name)).toEqual(["Demo"]);
    const { id } = await h.caller.pipelines.create({ example: "demo.json" });
    expect((await h.caller.pipelines.get({ id })).graph.nodes).toHaveLength(1);
    expect(await code(h.caller.pipelines.create({ example: "../package.json" }))).toBe("NOT_FOUND");
    fs.rmSync(ex, { recursive: true, force: true });
  });
});

describe("runner router", () => {
  it("reports the runner state; down with a reason when it cannot start", async () => {
    await h.close();
    h = makeHarness({ command: () => { throw new Error("jvm-runner is not built"); }, startRunner: true });
    await new Promise<void>((r) => {
      const off = h.services.supervisor.subscribe((s) => s.state === "down" && (off(), r()));
    });
    const st = await h.caller.runner.status();
    expect(st).toMatchObject({ state: "down", lostRuns: [] });
    expect(st.message).toMatch(/not built/);
  });
});
