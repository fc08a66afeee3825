// Live validation in the browser: re-runs pipeline/validate whenever the graph's structure (not positions) changes.
"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import type { RowType } from "@/pipeline/types";
import { validateGraph } from "@/pipeline/validate";
import { useCanvas } from "./store-context";
import { toGraph } from "./store";

export type Validation = {
  errors: GraphError[];
  rowTypes: Record<string, RowType | undefined>;
  edgeTypes: Record<string, RowType | undefined>;
};

const empty: Validation = { errors: [], rowTypes: {}, edgeTypes: {} };
const ValidationContext = createContext<Validation>(empty);

/** Positions and selection do not affect validity, so they are left out of the key that triggers re-validation. */
function structureKey(graph: PipelineGraph): string {
  return JSON.stringify({ ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) });
}

export function ValidationProvider({ children }: { children: ReactNode }) {
  const key = useCanvas((s) => structureKey(toGraph(s)));
  const value = useMemo<Validation>(() => {
    try {
      const r = validateGraph(JSON.parse(key) as PipelineGraph);
      return { errors: r.errors, rowTypes: r.rowTypes ?? {}, edgeTypes: r.edgeTypes ?? {} };
    } catch (e) {
      return { ...empty, errors: [{ message: `validation crashed: ${(e as Error).message}` }] };
    }
  }, [key]);
  return <ValidationContext.Provider value={value}>{children}</ValidationContext.Provider>;
}

export const useValidation = () => useContext(ValidationContext);

export function useNodeErrors(nodeId: string): GraphError[] {
  const { errors } = useValidation();
  return useMemo(() => errors.filter((e) => e.nodeId === nodeId), [errors, nodeId]);
}
