// The server's one door into pipeline/: read a graph file, validate it, compile it to the IR.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import { compile } from "@/pipeline/compile";
import type { TableProgram } from "@/pipeline/ir";
import { parseGraph } from "@/pipeline/upgrade";
import { validateGraph } from "@/pipeline/validate";
import { bundleUdfs, checkUdfs } from "@/server/udf/compile-udfs";
import { crossBundleError } from "@/server/errors";

export type ReadResult = { ok: true; graph: PipelineGraph } | { ok: false; errors: GraphError[] };

/** Parses untrusted JSON (a saved file, an API input) into a PipelineGraph, upgrading old node versions. */
export const readGraph = (json: unknown): ReadResult => parseGraph(json);

/** Errors that block a run, TypeScript UDF type errors included; empty when the graph can be compiled. */
export function checkGraph(graph: PipelineGraph): GraphError[] {
  const errors = validateGraph(graph).errors;
  return errors.length ? errors : checkUdfs(graph);
}

/** Thrown by compileGraph for a graph that does not compile; carries the errors for the API and the CLI. */
export class GraphCompileError extends Error {
  constructor(readonly graphErrors: GraphError[]) {
    super(`pipeline is invalid: ${graphErrors.map((e) => `${e.nodeId ? `node ${e.nodeId}: ` : ""}${e.message}`).join("; ")}`);
  }
}
crossBundleError("GraphCompileError", GraphCompileError);

/** Compiles a graph into the TableProgram IR sent to the runner: pure compile(), then TS UDFs type-checked and bundled. */
export function compileGraph(graph: PipelineGraph): TableProgram {
  const r = compile(graph);
  if (!r.ok) throw new GraphCompileError(r.errors);
  const udfErrors = checkUdfs(graph);
  if (udfErrors.length) throw new GraphCompileError(udfErrors);
  return bundleUdfs(r.program);
}
