// The canvas's commands (undo, clipboard, layout, fit …) as one hook, shared by the key handler and the toolbar buttons.
"use client";
import { useReactFlow } from "@xyflow/react";
import { useMemo, type RefObject } from "react";
import type { Fragment } from "@/pipeline/fragment";
import { layoutGraph } from "./auto-layout";
import { readStoredClipboard, writeClipboard } from "./clipboard";
import { useCanvasStoreApi } from "./store-context";
import { toGraph } from "./store";

type Point = { x: number; y: number } | null;
export type CanvasCommands = ReturnType<typeof useCanvasCommands>;

export function useCanvasCommands(pointer: RefObject<Point>) {
  const store = useCanvasStoreApi();
  const flow = useReactFlow();
  return useMemo(() => {
    const s = () => store.getState();
    /** Offset that puts the fragment's top-left corner at the pointer, or 40px down-right of the original. */
    const offsetFor = (f: Fragment) => {
      const minX = Math.min(...f.nodes.map((n) => n.position.x));
      const minY = Math.min(...f.nodes.map((n) => n.position.y));
      if (!pointer.current) return { x: 40, y: 40 };
      const p = flow.screenToFlowPosition(pointer.current);
      return { x: p.x - minX, y: p.y - minY };
    };
    const pasteFragment = (f: Fragment | null) => (f ? s().paste(f, offsetFor(f)) : []);
    return {
      undo: () => s().undo(),
      redo: () => s().redo(),
      copy: () => {
        const f = s().copySelection();
        if (f) writeClipboard(f);
        return !!f;
      },
      cut: () => {
        const f = s().copySelection();
        if (!f) return;
        writeClipboard(f);
        s().deleteSelection();
      },
      pasteFragment,
      pasteStored: () => pasteFragment(readStoredClipboard()),
      duplicate: () => {
        const f = s().copySelection();
        if (f) s().paste(f, { x: 40, y: 40 });
      },
      selectAll: () =>
        s().onNodesChange(s().nodes.filter((n) => !n.selected).map((n) => ({ type: "select" as const, id: n.id, selected: true }))),
      deleteSelection: () => s().deleteSelection(),
      fit: () => void flow.fitView({ padding: 0.12, maxZoom: 1, duration: 200 }),
      layout: async () => {
        const st = s();
        const sizes = Object.fromEntries(st.nodes.map((n) => [n.id, n.measured?.width && n.measured.height
          ? { width: n.measured.width, height: n.measured.height } : undefined]));
        const positions = await layoutGraph(toGraph(st), sizes);
        s().setPositions(positions);
        // Let React Flow render the new positions before fitting them.
        requestAnimationFrame(() => void flow.fitView({ padding: 0.12, maxZoom: 1, duration: 200 }));
      },
    };
  }, [store, flow, pointer]);
}
