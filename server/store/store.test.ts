// Store on a real SQLite file in a temp dir: CRUD, optimistic concurrency, runs, reopen, one-time seeding.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCHEMA_VERSION, type PipelineGraph } from "@/pipeline/graph";
import { defaultRunSettings } from "@/pipeline/run-settings";
import { seedOnce, WELCOME_EXAMPLE } from "./examples";
import { openStore, type Store } from "./store";
import { StaleRevisionError, StoreOpenError } from "@/server/errors";

const graph = (name: string, nodes = 0): PipelineGraph => ({
  schemaVersion: SCHEMA_VERSION, name, edges: [], settings: defaultRunSettings(),
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

describe("the files on disk", () => {
  const mode = (f: string) => fs.statSync(f).mode & 0o777;

  it("are private to their user: data dir 0700, database, WAL and SHM files 0600", () => {
    store.pipelines.create(graph("written")); // makes the -wal and -shm files exist
    expect(mode(dir)).toBe(0o700);
    for (const f of ["streamcanvas.db", "streamcanvas.db-wal", "streamcanvas.db-shm"]) expect(mode(path.join(dir, f)), f).toBe(0o600);
    const fresh = path.join(dir, "nested", "data");
    openStore(fresh).close();
    expect(mode(fresh)).toBe(0o700);
  });

  it("tightens a world-readable store left by an older version", () => {
    store.close();
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, "streamcanvas.db"), 0o644);
    store = openStore(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "streamcanvas.db"))).toBe(0o600);
  });

  it("a corrupt database fails once at open, naming the file and how to recover", () => {
    store.close();
    const file = path.join(dir, "streamcanvas.db");
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    fs.writeFileSync(file, Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4096, 0xab)]));
    let error: unknown;
    try {
      store = openStore(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/move it .*aside/);
    fs.rmSync(file);
    store = openStore(dir); // after moving it aside, a fresh store opens
  });
});
