// Live validation in the browser: re-runs pipeline/validate whenever the graph's structure (not positions) changes.
"use client";
import { createContext, useContext, useMemo, useRef, type ReactNode } from "react";
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import type { RowType } from "@/pipeline/types";
import { validateGraph } from "@/pipeline/validate";
import { useServerErrors } from "@/components/udf-editor/server-errors";
import { useCanvas } from "./store-context";
import { toGraph, type CanvasNode, type CanvasState } from "./store";

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

/** Same ids and same data objects in the same order: a drag or a selection replaced node objects but not their data. */
const sameStructure = (a: CanvasNode[], b: CanvasNode[]) =>
  a.length === b.length && a.every((n, i) => n.id === b[i]!.id && n.data === b[i]!.data);

/**
 * The structure key, recomputed only when names, edges or node data change: during a drag of a 1,000-node graph the
 * store changes every frame, and serialising the whole graph each time would cost frames.
 */
function useStructureKey(): string {
  const last = useRef<{ s: Pick<CanvasState, "name" | "nodes" | "edges">; key: string } | null>(null);
  return useCanvas((s) => {
    const l = last.current;
    if (l && l.s.name === s.name && l.s.edges === s.edges && sameStructure(l.s.nodes, s.nodes)) return l.key;
    last.current = { s: { name: s.name, nodes: s.nodes, edges: s.edges }, key: structureKey(toGraph(s)) };
    return last.current.key;
  });
}

export function ValidationProvider({ children }: { children: ReactNode }) {
  const key = useStructureKey();
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

/** The node's errors: the live validator's, then those the server reported for its current config (e.g. UDF type
 *  errors from a refused Run), which the browser's validator cannot find itself. */
export function useNodeErrors(nodeId: string): GraphError[] {
  const { errors } = useValidation();
  const server = useServerErrors(nodeId);
  return useMemo(() => {
    const own = errors.filter((e) => e.nodeId === nodeId);
    return [...own, ...server.filter((s) => !own.some((e) => e.field === s.field && e.message === s.message))];
  }, [errors, server, nodeId]);
}
