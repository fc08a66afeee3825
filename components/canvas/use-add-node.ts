// Adds a node of a kind (with the kind's defaults) to the canvas store; used by drop and by palette clicks.
"use client";
import { useCallback } from "react";
import { getNodeKind } from "@/pipeline/kinds";
import { useCanvasStoreApi } from "./store-context";

export function useAddNode() {
  const store = useCanvasStoreApi();
  return useCallback(
    (kind: string, position: { x: number; y: number }) => {
      const k = getNodeKind(kind);
      if (!k) return null;
      // Deep copy so two nodes never share (and co-edit) the same defaults object.
      const config = structuredClone(k.defaults) as Record<string, unknown>;
      return store.getState().addNode(k.kind, k.version, config, position);
    },
    [store],
  );
}
