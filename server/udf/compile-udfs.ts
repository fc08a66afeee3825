// The server's half of compiling TS UDF nodes: pipeline/compile() leaves each UDF statement's code as the TypeScript
// source; here every TS UDF node (ts-map, ts-filter, ts-flat-map, ts-aggregate, a window's TS aggregate) is type-checked (errors → GraphErrors
// on field "code") and its code replaced by the bundle.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import type { Statement, TableProgram } from "@/pipeline/ir";
import { codeError } from "@/pipeline/kinds/ts-udf";
import { formatType } from "@/pipeline/types";
import type { MergingWindow } from "@/pipeline/udf/aggregate-exports";
import { readOutputType, type ReturnShape } from "@/pipeline/udf/output-type";
import { analyzeGraph, type GraphAnalysis } from "@/pipeline/validate";
import { bundleUdf } from "./bundle";
import { type TypecheckResult, typecheckUdf, type UdfKind } from "./typecheck";

const SHAPE: Record<UdfKind, ReturnShape> = { map: "object", filter: "boolean", flatMap: "rows", aggregate: "object" };

/** Results by input declaration + code: the CLI checks a graph (validate) and then prepares it (run); edits repeat code. */
const cache = new Map<string, TypecheckResult>();
function cachedTypecheck(code: string, input: Parameters<typeof typecheckUdf>[1], kind: UdfKind, merging?: MergingWindow): TypecheckResult {
  const key = JSON.stringify([code, input, kind, merging ?? null]);
  let r = cache.get(key);
  if (!r) {
    r = typecheckUdf(code, input, kind, merging);
    if (cache.size >= 64) cache.delete(cache.keys().next().value!);
    cache.set(key, r);
  }
  return r;
}

/** Type errors of every TS UDF node whose input type is known; empty when all of them compile. */
export function checkUdfs(graph: PipelineGraph, a: GraphAnalysis = analyzeGraph(graph)): GraphError[] {
  const errors: GraphError[] = [];
  for (const [id, { kind, config }] of a.nodes) {
    // a kind whose `code` is a TS UDF says so, with the UDF kind the compiler checks it as (its `udf` facet)
    const udf = kind.udf;
    if (!udf) continue;
    const from = a.inputs[id]?.in;
    const input = from === undefined ? undefined : a.rowTypes[from];
    if (!input) continue;
    const code = (config as { code: string }).code;
    if (udf.codeOptional && code.trim() === "") continue;
    const r = cachedTypecheck(code, input, udf.kind, udf.merging);
    errors.push(...r.diagnostics.map((d) => codeError(id, code, { start: d.start, end: d.end }, d.message)));
    const read = readOutputType(code, SHAPE[udf.kind]);
    if (r.outputColumns && read.ok && !sameColumns(r.outputColumns, read.columns)) {
      errors.push(codeError(id, code, { start: 0, end: 0 }, `internal error: the compiler reads the output columns as ${show(r.outputColumns)}, the editor as ${show(read.columns)}`));
    }
  }
  return errors;
}

type Cols = { name: string; type: Parameters<typeof formatType>[0] }[];
const show = (cols: Cols) => cols.map((c) => `${c.name} ${formatType(c.type)}`).join(", ");
const sameColumns = (a: Cols, b: Cols) => show(a) === show(b);

/** The program with each UDF statement's TypeScript source replaced by its ES module bundle (call after checkUdfs passed). */
export function bundleUdfs(program: TableProgram): TableProgram {
  return {
    ...program,
    statements: program.statements.map((s): Statement => {
      if (!("udf" in s) || !s.udf) return s;
      const bundled = { ...s, udf: { ...s.udf, code: bundleUdf(s.udf.code) } };
      return bundled as Statement;
    }),
  };
}
