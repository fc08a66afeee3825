// Errors the server reported for nodes when it refused a Run (type errors show live, canvas/udf-check.ts; these are the rest,
// e.g. a path outside the data root), kept beside the config they were found in: on the node until its config changes.
"use client";
import { TRPCClientError } from "@trpc/client";
import { useMemo } from "react";
import { create } from "zustand";
import type { GraphError } from "@/pipeline/graph";
import { useCanvas } from "@/components/canvas/store-context";
import type { CanvasNode } from "@/components/canvas/store";

type Reported = { error: GraphError; config: string };
const useReported = create<{ reported: Reported[] }>(() => ({ reported: [] }));

/** Remembers the node errors of a failed server call (run, validate) against the nodes' configs at the time. */
export function reportServerErrors(e: unknown, nodes: CanvasNode[]): void {
  const graphErrors = e instanceof TRPCClientError ? (e.data as { graphErrors?: GraphError[] } | undefined)?.graphErrors : undefined;
  const config = (id: string) => JSON.stringify(nodes.find((n) => n.id === id)?.data.config ?? null);
  useReported.setState({ reported: (graphErrors ?? []).filter((g) => g.nodeId).map((error) => ({ error, config: config(error.nodeId!) })) });
}

/** The server's errors for a node that still apply: its config is unchanged since they were reported. */
export function useServerErrors(nodeId: string): GraphError[] {
  const reported = useReported((s) => s.reported);
  const mine = useMemo(() => reported.filter((r) => r.error.nodeId === nodeId), [reported, nodeId]);
  // Every node calls this: only a node with reported errors looks its config up (the store changes on every drag frame).
  const config = useCanvas((s) => (mine.length ? s.nodes.find((n) => n.id === nodeId)?.data.config : undefined));
  return useMemo(() => {
    const now = JSON.stringify(config ?? null);
    return mine.filter((r) => r.config === now).map((r) => r.error);
  }, [mine, config]);
}
