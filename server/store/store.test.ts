// Store on a real SQLite file in a temp dir: CRUD, optimistic concurrency, runs, reopen, one-time seeding.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { seedOnce, WELCOME_EXAMPLE } from "./examples";
import { StaleRevisionError } from "./pipelines-repo";
import { openStore, type Store } from "./store";

const graph = (name: string, nodes = 0): PipelineGraph => ({
  schemaVersion: 1, name, edges: [],
  nodes: Array.from({ length: nodes }, (_, i) => ({ id: `n${i}`, kind: "blackhole", version: 1, config: {}, position: { x: i, y: 0 } })),
});

let dir: string;
let store: Store;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-store-"));
  store = openStore(dir);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("pipelines", () => {
  it("creates, lists with node counts, gets, deletes", () => {
    const { id } = store.pipelines.create(graph("a", 2));
    expect(store.pipelines.list()).toEqual([expect.objectContaining({ id, name: "a", nodeCount: 2 })]);
    expect(store.pipelines.get(id)).toMatchObject({ id, name: "a", revision: 1, graph: graph("a", 2) });
    expect(store.pipelines.delete(id)).toBe(true);
    expect(store.pipelines.get(id)).toBeUndefined();
  });
  it("saves on the current revision and refuses a stale one", () => {
    const { id } = store.pipelines.create(graph("a"));
    expect(store.pipelines.save(id, graph("b", 1), 1)?.revision).toBe(2);
    expect(() => store.pipelines.save(id, graph("c"), 1)).toThrow(StaleRevisionError);
    expect(store.pipelines.get(id)?.graph.name).toBe("b");
    expect(store.pipelines.save("missing", graph("c"), 1)).toBeUndefined();
  });
  it("survives closing and reopening the file, in WAL mode", () => {
    const { id } = store.pipelines.create(graph("kept"));
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    store.close();
    store = openStore(dir);
    expect(store.pipelines.get(id)?.name).toBe("kept");
  });
});

describe("runs", () => {
  it("tracks status, sets endedAt once on a terminal state, lists newest first", () => {
    const a = store.runs.create("p1");
    const b = store.runs.create("p1");
    expect(a.status).toBe("SUBMITTING");
    store.runs.update(a.id, { jobId: "j1", status: "RUNNING" });
    expect(store.runs.active().map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    const done = store.runs.update(a.id, { status: "FINISHED", sinks: { s: { columns: [], rows: [], total: 3 } } })!;
    expect(done.endedAt).not.toBeNull();
    expect(store.runs.get(a.id)).toMatchObject({ jobId: "j1", status: "FINISHED", sinks: { s: { total: 3 } } });
    expect(store.runs.active().map((r) => r.id)).toEqual([b.id]);
    expect(store.runs.list("p1")[0]!.id).toBe(b.id);
    expect(store.runs.list("other")).toEqual([]);
  });
});

describe("seedOnce", () => {
  it("adds the first example on the first start only", () => {
    const ex = path.join(dir, "examples");
    fs.mkdirSync(ex);
    fs.writeFileSync(path.join(ex, "b.json"), JSON.stringify(graph("second")));
    fs.writeFileSync(path.join(ex, "a.json"), JSON.stringify({ ...graph("first", 1), description: "d" }));
    fs.writeFileSync(path.join(ex, "broken.json"), JSON.stringify({ nope: 1 }));
    seedOnce(store, ex);
    expect(store.pipelines.list().map((p) => p.name)).toEqual(["first"]);
    store.pipelines.delete(store.pipelines.list()[0]!.id);
    seedOnce(store, ex);
    expect(store.pipelines.list()).toEqual([]);
  });

  it("prefers the welcome example over the first file", () => {
    const ex = path.join(dir, "examples");
    fs.mkdirSync(ex);
    fs.writeFileSync(path.join(ex, "a.json"), JSON.stringify(graph("first")));
    fs.writeFileSync(path.join(ex, WELCOME_EXAMPLE), JSON.stringify(graph("welcome")));
    seedOnce(store, ex);
    expect(store.pipelines.list().map((p) => p.name)).toEqual(["welcome"]);
  });
});
