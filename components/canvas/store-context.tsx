// Provides one canvas store per open pipeline; components read it through narrow selectors.
"use client";
import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { CanvasActions, CanvasState, CanvasStore } from "./store";

const CanvasStoreContext = createContext<CanvasStore | null>(null);

export function CanvasStoreProvider({ store, children }: { store: CanvasStore; children: ReactNode }) {
  return <CanvasStoreContext.Provider value={store}>{children}</CanvasStoreContext.Provider>;
}

export function useCanvasStoreApi(): CanvasStore {
  const store = useContext(CanvasStoreContext);
  if (!store) throw new Error("useCanvas outside CanvasStoreProvider");
  return store;
}

export function useCanvas<T>(selector: (s: CanvasState & CanvasActions) => T): T {
  return useStore(useCanvasStoreApi(), selector);
}
