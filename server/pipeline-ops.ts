// The server's one door into pipeline/: read a graph file, validate it, compile it to the IR.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import { compile } from "@/pipeline/compile";
import type { TableProgram } from "@/pipeline/ir";
import { parseGraph } from "@/pipeline/upgrade";
import { validateGraph } from "@/pipeline/validate";
import { bundleUdfs, checkUdfs } from "@/server/udf/compile-udfs";
import { GraphCompileError } from "@/server/errors";
import { checkDataPaths, dataRootOf, resolveDataPaths } from "@/server/files/data-root";
import { getEnv } from "@/env";

export type ReadResult = { ok: true; graph: PipelineGraph } | { ok: false; errors: GraphError[] };

/** Parses untrusted JSON (a saved file, an API input) into a PipelineGraph, upgrading old node versions. */
export const readGraph = (json: unknown): ReadResult => parseGraph(json);

/** The data root of this process (STREAMCANVAS_DATA_ROOT or files/ in the data directory). */
export const defaultDataRoot = () => dataRootOf(getEnv());

/** Errors that block a run, TypeScript UDF type errors and file paths outside the data root included. */
export function checkGraph(graph: PipelineGraph, dataRoot = defaultDataRoot()): GraphError[] {
  const errors = validateGraph(graph).errors;
  if (errors.length) return errors;
  const compiled = compile(graph);
  return [...checkUdfs(graph), ...(compiled.ok ? checkDataPaths(compiled.program, dataRoot) : compiled.errors)];
}

/**
 * Compiles a graph into the TableProgram IR sent to the runner: pure compile(), then TS UDFs type-checked and bundled
 * and filesystem paths resolved to absolute paths checked to be inside the data root.
 */
export function compileGraph(graph: PipelineGraph, dataRoot = defaultDataRoot()): TableProgram {
  const r = compile(graph);
  if (!r.ok) throw new GraphCompileError(r.errors);
  const errors = [...checkUdfs(graph), ...checkDataPaths(r.program, dataRoot)];
  if (errors.length) throw new GraphCompileError(errors);
  return resolveDataPaths(bundleUdfs(r.program), dataRoot);
}
