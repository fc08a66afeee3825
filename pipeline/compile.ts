// compile: a valid PipelineGraph → TableProgram IR, one node's statements after another in stable topological order.
import type { GraphError, PipelineGraph } from "./graph";
import { IR_VERSION, type Statement, type TableProgram, TableProgramSchema } from "./ir";
import type { RowType } from "./types";
import { analyzeGraph, type GraphAnalysis } from "./validate";

export type CompileResult = { ok: true; program: TableProgram } | { ok: false; errors: GraphError[] };

export function compile(graph: PipelineGraph): CompileResult {
  return compileAnalyzed(graph, analyzeGraph(graph));
}

/** compile() from the graph's analysis, for a caller that needs the analysis too (the graph is analysed once). */
export function compileAnalyzed(graph: PipelineGraph, a: GraphAnalysis): CompileResult {
  if (a.errors.length) return { ok: false, errors: a.errors };
  const statements: Statement[] = [];
  for (const id of a.order) {
    const { kind, config } = a.nodes.get(id)!;
    const inputs = a.inputs[id] ?? {};
    const inputTypes: Record<string, RowType> = {};
    for (const [port, from] of Object.entries(inputs)) inputTypes[port] = a.rowTypes[from]!;
    statements.push(...kind.toIr({ nodeId: id, config, inputs, inputTypes }));
  }
  const program = TableProgramSchema.safeParse({ irVersion: IR_VERSION, name: graph.name, config: {}, statements });
  if (!program.success) {
    return { ok: false, errors: program.error.issues.map((i) => ({ message: `internal error: invalid IR at ${i.path.join(".")}: ${i.message}` })) };
  }
  return { ok: true, program: program.data };
}
