// Live validation in the browser: re-runs pipeline/validate whenever the graph's structure (not positions) changes,
// joined by the server's type check of the TS UDFs (udf-check.ts).
"use client";
import { createContext, useContext, useMemo, useRef, type ReactNode } from "react";
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import type { RowType } from "@/pipeline/types";
import { validateGraph } from "@/pipeline/validate";
import { useServerErrors } from "@/components/udf-editor/server-errors";
import { mergeErrors } from "./merge-errors";
import { useCanvas } from "./store-context";
import { useUdfTypeCheck } from "./udf-check";
import { toGraph, type CanvasNode, type CanvasState } from "./store";

export type Validation = {
  errors: GraphError[];
  rowTypes: Record<string, RowType | undefined>;
  edgeTypes: Record<string, RowType | undefined>;
  /** the TS UDFs' type check has not answered for the current graph yet (Run waits for it) */
  checking: boolean;
};

const empty: Validation = { errors: [], rowTypes: {}, edgeTypes: {}, checking: false };
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
  const graph = useMemo(() => JSON.parse(key) as PipelineGraph, [key]);
  const live = useMemo<Validation>(() => {
    try {
      const r = validateGraph(graph);
      return { errors: r.errors, rowTypes: r.rowTypes ?? {}, edgeTypes: r.edgeTypes ?? {}, checking: false };
    } catch (e) {
      return { ...empty, errors: [{ message: `validation crashed: ${(e as Error).message}` }] };
    }
  }, [graph]);
  const udf = useUdfTypeCheck(key, graph);
  const value = useMemo<Validation>(
    () => ({ ...live, errors: mergeErrors(graph, live.errors, udf.errors), checking: udf.checking }),
    [live, graph, udf],
  );
  return <ValidationContext.Provider value={value}>{children}</ValidationContext.Provider>;
}

export const useValidation = () => useContext(ValidationContext);

/** The node's errors: the live validation's (the UDF type check included), then those the server reported for its
 *  current config when it refused a Run (e.g. a file path outside the data root). */
export function useNodeErrors(nodeId: string): GraphError[] {
  const { errors } = useValidation();
  const server = useServerErrors(nodeId);
  return useMemo(() => {
    const own = errors.filter((e) => e.nodeId === nodeId);
    return [...own, ...server.filter((s) => !own.some((e) => e.field === s.field && e.message === s.message))];
  }, [errors, server, nodeId]);
}
