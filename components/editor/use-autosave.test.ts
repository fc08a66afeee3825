// Autosave with fake timers: debounced saves, offline retry, conflict stops saving, flush order.
import { TRPCClientError } from "@trpc/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyGraph } from "@/pipeline/graph";
import { createCanvasStore } from "@/components/canvas/store";
import { startSaver, type SaveStatus } from "./use-autosave";

const blank = emptyGraph("t");
const conflict = () =>
  TRPCClientError.from({ error: { message: "stale", code: -32009, data: { code: "CONFLICT", httpStatus: 409 } } } as never);

describe("autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(save: (i: { baseRevision: number }) => Promise<{ revision: number }>) {
    const store = createCanvasStore({ ...blank, nodes: [], edges: [] });
    const statuses: SaveStatus["state"][] = [];
    const rev = { current: 1 };
    const saver = startSaver("p1", store, save as never, rev, false, (s) => statuses.push(s.state));
    return { store, statuses, rev, saver };
  }

  it("debounces a burst of edits into one save and advances the base revision", async () => {
    const save = vi.fn(async (i: { baseRevision: number }) => ({ revision: i.baseRevision + 1 }));
    const { store, rev, statuses } = setup(save);
    store.getState().setName("a");
    store.getState().setName("ab");
    store.getState().setName("abc");
    await vi.runAllTimersAsync();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0]).toMatchObject({ baseRevision: 1, graph: { name: "abc" } });
    expect(rev.current).toBe(2);
    expect(statuses.at(-1)).toBe("saved");
  });

  it("keeps retrying while offline and saves once the server answers", async () => {
    let up = false;
    const save = vi.fn(async () => {
      if (!up) throw new TypeError("fetch failed");
      return { revision: 2 };
    });
    const { store, statuses } = setup(save);
    store.getState().setName("x");
    await vi.advanceTimersByTimeAsync(600);
    expect(statuses.at(-1)).toBe("offline");
    up = true;
    await vi.advanceTimersByTimeAsync(3_100);
    expect(statuses.at(-1)).toBe("saved");
  });

  it("stops saving after a conflict instead of overwriting the newer copy", async () => {
    const save = vi.fn(async () => { throw conflict(); });
    const { store, statuses, saver } = setup(save);
    store.getState().setName("x");
    await vi.runAllTimersAsync();
    expect(statuses.at(-1)).toBe("conflict");
    store.getState().setName("y");
    await vi.runAllTimersAsync();
    expect(save).toHaveBeenCalledTimes(1);
    await expect(saver.flush()).rejects.toThrow(/changed elsewhere/);
  });

  it("after a conflict, keeping one's own version saves it over the current server revision", async () => {
    const save = vi.fn(async (i: { baseRevision: number }) => {
      if (i.baseRevision < 5) throw conflict();
      return { revision: i.baseRevision + 1 };
    });
    const { store, statuses, saver, rev } = setup(save);
    store.getState().setName("mine");
    await vi.runAllTimersAsync();
    expect(statuses.at(-1)).toBe("conflict");
    await saver.overwrite(5);
    expect(save.mock.calls.at(-1)![0]).toMatchObject({ baseRevision: 5, graph: { name: "mine" } });
    expect(rev.current).toBe(6);
    expect(statuses.at(-1)).toBe("saved");
  });

  it("flush saves pending edits at once, after any save in flight", async () => {
    const order: string[] = [];
    const save = vi.fn(async (i: { graph?: { name: string } } & { baseRevision: number }) => {
      order.push(i.graph!.name);
      return { revision: i.baseRevision + 1 };
    });
    const { store, saver } = setup(save as never);
    store.getState().setName("first");
    await vi.advanceTimersByTimeAsync(600);
    store.getState().setName("second");
    await saver.flush();
    expect(order).toEqual(["first", "second"]);
  });

  it("an explicit Save (saveWith) saves even an unchanged graph, advances the revision, and is refused after a conflict", async () => {
    const save = vi.fn(async (i: { baseRevision: number }) => ({ revision: i.baseRevision + 1 }));
    const { store, saver, rev } = setup(save);
    const explicit = vi.fn(async (i: { baseRevision: number }) => ({ revision: i.baseRevision + 1, version: 7 }));
    expect((await saver.saveWith(explicit)).version).toBe(7);
    expect(rev.current).toBe(2);
    const stale = vi.fn(async () => { throw conflict(); });
    await expect(saver.saveWith(stale)).rejects.toThrow();
    store.getState().setName("later");
    await expect(saver.saveWith(explicit)).rejects.toThrow(/changed elsewhere/);
    expect(save).not.toHaveBeenCalled();
  });
});
