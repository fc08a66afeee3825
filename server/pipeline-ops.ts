// The server's one door into pipeline/: read a graph file, validate it, compile it to the IR.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import { PipelineGraphSchema } from "@/pipeline/graph";
import type { TableProgram } from "@/pipeline/ir";

export type ReadResult = { ok: true; graph: PipelineGraph } | { ok: false; errors: GraphError[] };

/** Parses untrusted JSON (a saved file, an API input) into a PipelineGraph. */
export function readGraph(json: unknown): ReadResult {
  const r = PipelineGraphSchema.safeParse(json);
  if (r.success) return { ok: true, graph: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) };
}

/** Errors that block a run; empty when the graph can be compiled. */
export function checkGraph(_graph: PipelineGraph): GraphError[] {
  return [];
}

/** Compiles a valid graph into the TableProgram IR sent to the runner. */
export function compileGraph(_graph: PipelineGraph): TableProgram {
  throw new Error("compile is not available yet");
}
