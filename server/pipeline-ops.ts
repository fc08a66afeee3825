// The server's one door into pipeline/: read a graph file, validate it, compile it to the IR.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import { compileAnalyzed } from "@/pipeline/compile";
import type { TableProgram } from "@/pipeline/ir";
import { parseGraph } from "@/pipeline/upgrade";
import { analyzeGraph } from "@/pipeline/validate";
import { bundleUdfs, checkUdfs } from "@/server/udf/compile-udfs";
import { GraphCompileError } from "@/server/errors";
import { checkDataPaths, dataRootOf, resolveDataPaths } from "@/server/files/data-root";
import { getEnv } from "@/env";

export type ReadResult = { ok: true; graph: PipelineGraph } | { ok: false; errors: GraphError[] };

/** Parses untrusted JSON (a saved file, an API input) into a PipelineGraph, upgrading old node versions. */
export const readGraph = (json: unknown): ReadResult => parseGraph(json);

/** The data root of this process (STREAMCANVAS_DATA_ROOT or files/ in the data directory). */
export const defaultDataRoot = () => dataRootOf(getEnv());

/**
 * The graph analysed once (validation, row types), compiled from that analysis, its TS UDFs type-checked and its file
 * paths checked against the data root: the program as compiled (not yet bundled) or every error that blocks a run.
 */
function checked(graph: PipelineGraph, dataRoot: string): { program: TableProgram } | { errors: GraphError[] } {
  const a = analyzeGraph(graph);
  if (a.errors.length) return { errors: a.errors };
  const compiled = compileAnalyzed(graph, a);
  const errors = [...checkUdfs(graph, a), ...(compiled.ok ? checkDataPaths(compiled.program, dataRoot) : compiled.errors)];
  return errors.length || !compiled.ok ? { errors } : { program: compiled.program };
}

/** Errors that block a run, TypeScript UDF type errors and file paths outside the data root included. */
export function checkGraph(graph: PipelineGraph, dataRoot = defaultDataRoot()): GraphError[] {
  const r = checked(graph, dataRoot);
  return "errors" in r ? r.errors : [];
}

/**
 * What a Run sends the runner: the TableProgram IR with TS UDFs bundled and file paths made absolute inside the data
 * root, or every error that blocks it. The graph is analysed once.
 */
export function prepareRun(graph: PipelineGraph, dataRoot = defaultDataRoot()): { program: TableProgram } | { errors: GraphError[] } {
  const r = checked(graph, dataRoot);
  return "errors" in r ? r : { program: resolveDataPaths(bundleUdfs(r.program), dataRoot) };
}

/** What an export for another cluster carries: prepareRun's program with file paths left relative to the data root. */
export function prepareExport(graph: PipelineGraph, dataRoot = defaultDataRoot()): { program: TableProgram } | { errors: GraphError[] } {
  const r = checked(graph, dataRoot);
  return "errors" in r ? r : { program: bundleUdfs(r.program) };
}

/** prepareRun for callers that want the program or a GraphCompileError (the CLI's plan, run and java/sql). */
export function compileGraph(graph: PipelineGraph, dataRoot = defaultDataRoot()): TableProgram {
  const r = prepareRun(graph, dataRoot);
  if ("errors" in r) throw new GraphCompileError(r.errors);
  return r.program;
}
