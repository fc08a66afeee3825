// Autosave: subscribes to the canvas store; writes a local draft at once and saves to the server debounced.
"use client";
import { TRPCClientError } from "@trpc/client";
import { useEffect, useRef, useState } from "react";
import { toGraph, type CanvasStore } from "@/components/canvas/store";
import { useTRPCClient } from "@/components/trpc/client";
import { clearDraft, writeDraft } from "./draft";

export type SaveState = "saved" | "pending" | "saving" | "offline" | "conflict" | "error";
export type SaveStatus = { state: SaveState; message?: string };
const DEBOUNCE_MS = 500;
const RETRY_MS = 3000;

type SaveFn<R extends { revision: number } = { revision: number }> =
  (input: { id: string; graph: ReturnType<typeof toGraph>; baseRevision: number }) => Promise<R>;

/** The saver's whole lifecycle in one closure, so the effect below can start and stop it cleanly. */
export function startSaver(id: string, store: CanvasStore, save: SaveFn, rev: { current: number }, pushNow: boolean, report: (s: SaveStatus) => void) {
  let lastSaved = pushNow ? "" : JSON.stringify(toGraph(store.getState()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let conflict = false;

  /** One save; `fn` (an explicit Save keeping a version) overrides the autosave call and saves even without changes. */
  const attempt = async (fn?: SaveFn): Promise<unknown> => {
    const graph = toGraph(store.getState());
    const json = JSON.stringify(graph);
    if (json === lastSaved && !fn) return report({ state: "saved" });
    report({ state: "saving" });
    try {
      const r = await (fn ?? save)({ id, graph, baseRevision: rev.current });
      rev.current = r.revision;
      lastSaved = json;
      if (JSON.stringify(toGraph(store.getState())) === json) {
        clearDraft(id);
        report({ state: "saved" });
      } else schedule(DEBOUNCE_MS);
      return r;
    } catch (e) {
      const code = e instanceof TRPCClientError ? (e.data as { code?: string } | undefined)?.code : undefined;
      if (code === "CONFLICT") {
        conflict = true;
        report({ state: "conflict", message: "saved from another tab or window meanwhile; your version is kept locally" });
      } else if (code) {
        report({ state: "error", message: e instanceof Error ? e.message : String(e) });
      } else {
        report({ state: "offline" });
        if (!stopped) schedule(RETRY_MS);
      }
      throw e;
    }
  };
  /** Runs one save after any save in flight; saves never overlap, so revisions stay in order. */
  const run = (fn?: SaveFn): Promise<unknown> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const next = (running ?? Promise.resolve()).catch(() => {}).then(() => attempt(fn));
    running = next;
    next.catch(() => {}).finally(() => { if (running === next) running = null; });
    return next;
  };
  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run().catch(() => {}), ms);
  };

  if (pushNow) schedule(0);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.nodes === prev.nodes && s.edges === prev.edges && s.name === prev.name && s.settings === prev.settings) return;
    // Mid-drag frames are not saved (serialising a large graph every frame costs frames); the drop is.
    if (s.nodes.some((n) => n.dragging)) return;
    const graph = toGraph(s);
    if (JSON.stringify(graph) === lastSaved) return;
    writeDraft(id, { graph, baseRevision: rev.current, savedAt: Date.now() });
    if (conflict || stopped) return;
    report({ state: "pending" });
    schedule(DEBOUNCE_MS);
  });
  const refuse = () => Promise.reject(new Error("the pipeline was changed elsewhere; keep your copy, load the saved one or fork first"));
  return {
    flush: (): Promise<void> => (conflict ? refuse() : run().then(() => undefined)),
    /** Explicit Save: the same queue and conflict rules as autosave, through `fn`, which also keeps a version. */
    saveWith: <R extends { revision: number }>(fn: SaveFn<R>): Promise<R> => (conflict ? refuse() : (run(fn) as Promise<R>)),
    /** After a conflict, the user chose their copy: save it over the given (current) server revision. */
    overwrite: (currentRevision: number) => {
      rev.current = currentRevision;
      conflict = false;
      return run().then(() => undefined);
    },
    stop: () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}

/** Returns the save status and `flush()`, which saves now (Run calls it so the server compiles what is on screen). */
export function useAutosave(id: string, store: CanvasStore, initialRevision: number, pushNow: boolean) {
  const client = useTRPCClient();
  const [status, setStatus] = useState<SaveStatus>({ state: pushNow ? "pending" : "saved" });
  const rev = useRef(initialRevision);
  const saver = useRef<ReturnType<typeof startSaver> | null>(null);

  useEffect(() => {
    const s = startSaver(id, store, (input) => client.pipelines.save.mutate(input), rev, pushNow, setStatus);
    saver.current = s;
    return () => s.stop();
  }, [client, id, store, pushNow]);

  const flush = () => saver.current?.flush() ?? Promise.resolve();
  /** Conflict resolution: keep what is on screen (save over the server's copy) or drop it for the server's copy. */
  const keepMine = async () => {
    const current = await client.pipelines.get.query({ id });
    await saver.current?.overwrite(current.revision);
  };
  /** Explicit Save: keeps a numbered version; returns its number. */
  const saveVersion = async () => {
    const r = await (saver.current?.saveWith((input) => client.versions.save.mutate(input)) ?? Promise.reject(new Error("not ready")));
    return r.version;
  };
  /** Conflict resolution: save what is on screen as a new pipeline and open it; the original keeps the other tab's copy. */
  const fork = async () => {
    const graph = toGraph(store.getState());
    const { id: forkId } = await client.pipelines.create.mutate({ graph, name: `${graph.name} (fork)`.slice(0, 200) });
    saver.current?.stop();
    clearDraft(id);
    window.location.assign(`/pipelines/${forkId}`);
  };
  const useSaved = () => {
    saver.current?.stop();
    clearDraft(id);
    window.location.reload();
  };
  return { status, flush, keepMine, useSaved, saveVersion, fork };
}
