// Turns a tRPC error into one readable message: graph errors by node and field, else the server's message.
import { TRPCClientError } from "@trpc/client";
import type { GraphError } from "@/pipeline/graph";

export function describeError(e: unknown): string {
  if (e instanceof TRPCClientError) {
    const graphErrors = (e.data as { graphErrors?: GraphError[] } | undefined)?.graphErrors;
    if (graphErrors?.length) {
      return graphErrors.map((g) => `${[g.nodeId, g.field].filter(Boolean).join(".")}: ${g.message}`).join("\n");
    }
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
