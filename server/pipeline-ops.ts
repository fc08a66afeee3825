// The server's one door into pipeline/: read a graph file, validate it, compile it to the IR.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import { compile } from "@/pipeline/compile";
import type { TableProgram } from "@/pipeline/ir";
import { parseGraph } from "@/pipeline/upgrade";
import { validateGraph } from "@/pipeline/validate";

export type ReadResult = { ok: true; graph: PipelineGraph } | { ok: false; errors: GraphError[] };

/** Parses untrusted JSON (a saved file, an API input) into a PipelineGraph, upgrading old node versions. */
export const readGraph = (json: unknown): ReadResult => parseGraph(json);

/** Errors that block a run; empty when the graph can be compiled. */
export const checkGraph = (graph: PipelineGraph): GraphError[] => validateGraph(graph).errors;

/** Thrown by compileGraph for a graph that does not compile; carries the errors for the API and the CLI. */
export class GraphCompileError extends Error {
  constructor(readonly graphErrors: GraphError[]) {
    super(`pipeline is invalid: ${graphErrors.map((e) => `${e.nodeId ? `node ${e.nodeId}: ` : ""}${e.message}`).join("; ")}`);
  }
}

/** Compiles a graph into the TableProgram IR sent to the runner. */
export function compileGraph(graph: PipelineGraph): TableProgram {
  const r = compile(graph);
  if (!r.ok) throw new GraphCompileError(r.errors);
  return r.program;
}
