// Undo / redo for the canvas store: snapshots of (name, settings, nodes, edges) taken before each edit; all immutable, so cheap.
import type { RunSettings } from "@/pipeline/run-settings";
import type { CanvasEdge, CanvasNode } from "./store";

export type Snapshot = { name: string; settings: RunSettings; nodes: CanvasNode[]; edges: CanvasEdge[] };
export type HistoryState = { past: Snapshot[]; future: Snapshot[] };

const LIMIT = 200;
/** Edits of the same thing (typing into one field, nudging) closer together than this are one undo step. */
export const COALESCE_MS = 1000;

export function createHistory(
  get: () => Snapshot & HistoryState,
  set: (s: Partial<Snapshot & HistoryState>) => void,
  now: () => number = () => Date.now(),
) {
  let lastKey: string | null = null;
  let lastAt = 0;
  const snap = (): Snapshot => {
    const s = get();
    return { name: s.name, settings: s.settings, nodes: s.nodes, edges: s.edges };
  };
  return {
    /**
     * Call before an edit. With a key, an edit with the same key within COALESCE_MS of the previous one joins its step
     * (typing a word is one step, not one per letter).
     */
    checkpoint(key?: string) {
      const t = now();
      if (key && key === lastKey && t - lastAt < COALESCE_MS) {
        lastAt = t;
        return;
      }
      lastKey = key ?? null;
      lastAt = t;
      set({ past: [...get().past.slice(-(LIMIT - 1)), snap()], future: [] });
    },
    /** Ends coalescing, so the next edit starts a new step whatever its key. */
    seal() {
      lastKey = null;
    },
    undo() {
      const { past, future } = get();
      const prev = past.at(-1);
      if (!prev) return false;
      lastKey = null;
      set({ ...prev, past: past.slice(0, -1), future: [...future, snap()] });
      return true;
    },
    redo() {
      const { past, future } = get();
      const next = future.at(-1);
      if (!next) return false;
      lastKey = null;
      set({ ...next, past: [...past, snap()], future: future.slice(0, -1) });
      return true;
    },
  };
}
