// The editor's preview: one small store (which node, progress, result) and the hook that drives it through
// preview.start + preview.watch (SSE). Live preview re-runs it, debounced, when the graph's structure changes.
"use client";
import { skipToken, useMutation } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { createStore, useStore, type StoreApi } from "zustand";
import { toGraph } from "@/components/canvas/store";
import { useCanvasStoreApi } from "@/components/canvas/store-context";
import { describeError } from "@/components/monitor/describe-error";
import { useRunTarget } from "@/components/monitor/run-target";
import { useTRPC } from "@/components/trpc/client";
import type { GraphError } from "@/pipeline/graph";
import type { PreviewEvent } from "@/server/preview/preview-service";
import type { PreviewProgress, PreviewResult } from "@/server/preview/run-preview";

export type PreviewPhase = "idle" | "running" | "done" | "invalid" | "failed";
export type PreviewState = {
  nodeId: string | null; previewId: string | null; phase: PreviewPhase; seq: number; live: boolean;
  progress: PreviewProgress | null; result: PreviewResult | null; errors: GraphError[]; message: string | null;
};
type Api = { store: StoreApi<PreviewState>; start(nodeId: string): void; setLive(on: boolean): void };

const initial: PreviewState = { nodeId: null, previewId: null, phase: "idle", seq: 0, live: false, progress: null, result: null, errors: [], message: null };
const Ctx = createContext<Api | null>(null);
const LIVE_DEBOUNCE_MS = 600;

/** Positions and selection do not change a preview, so live preview ignores them. */
const structureKey = (s: Parameters<typeof toGraph>[0]) =>
  JSON.stringify({ ...toGraph(s), name: "", settings: null, nodes: toGraph(s).nodes.map((n) => ({ ...n, position: null })) });

export function PreviewProvider({ pipelineId, children }: { pipelineId: string; children: ReactNode }) {
  const trpc = useTRPC();
  const canvas = useCanvasStoreApi();
  const [store] = useState(() => createStore<PreviewState>(() => initial));
  // one key per editor tab: a newer preview in this tab cancels the older one on the server
  const [key] = useState(() => `${pipelineId}:${Math.random().toString(36).slice(2)}`);
  const startM = useMutation(trpc.preview.start.mutationOptions());
  const mutate = useRef(startM.mutateAsync);
  mutate.current = startM.mutateAsync;

  const start = useCallback((nodeId: string) => {
    const seq = store.getState().seq + 1;
    store.setState({ nodeId, seq, phase: "running", previewId: null, progress: null, errors: [], message: null });
    const target = useRunTarget.getState().target;
    mutate.current({ key, graph: toGraph(canvas.getState()), nodeId, ...(target ? { target } : {}) }).then(
      ({ previewId }) => { if (store.getState().seq === seq) store.setState({ previewId }); },
      (e: unknown) => { if (store.getState().seq === seq) store.setState({ phase: "failed", message: describeError(e) }); },
    );
  }, [store, canvas, key]);

  const previewId = useStore(store, (s) => s.previewId);
  useSubscription(trpc.preview.watch.subscriptionOptions(previewId ? { previewId } : skipToken, {
    onData: (e) => {
      if (store.getState().previewId !== previewId) return;
      const ev = e as PreviewEvent;
      if (ev.type === "progress") store.setState({ progress: ev.progress });
      else if (ev.type === "result") store.setState({ phase: "done", result: ev.result, progress: null });
      else if (ev.type === "invalid") store.setState({ phase: "invalid", errors: ev.errors, result: null });
      else store.setState({ phase: "failed", message: ev.message, result: null });
    },
  }));

  // live preview: the selected node again, shortly after the graph stops changing
  const live = useStore(store, (s) => s.live);
  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = structureKey(canvas.getState());
    const off = canvas.subscribe((s) => {
      const k = structureKey(s);
      if (k === last) return;
      last = k;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const id = s.nodes.find((n) => n.selected)?.id ?? store.getState().nodeId;
        if (id && canvas.getState().nodes.some((n) => n.id === id)) start(id);
      }, LIVE_DEBOUNCE_MS);
    });
    return () => { off(); clearTimeout(timer); };
  }, [live, canvas, store, start]);

  const [api] = useState<Api>(() => ({ store, start: (id) => start(id), setLive: (on) => store.setState({ live: on }) }));
  api.start = start;
  return <Ctx.Provider value={api}>{children}</Ctx.Provider>;
}

export function usePreviewApi(): Api | null {
  return useContext(Ctx);
}

/** Reads the preview state; outside a PreviewProvider (e.g. a read-only canvas) it is always idle. */
export function usePreview<T>(selector: (s: PreviewState) => T): T {
  const api = useContext(Ctx);
  const [fallback] = useState(() => createStore<PreviewState>(() => initial));
  return useStore(api?.store ?? fallback, selector);
}
