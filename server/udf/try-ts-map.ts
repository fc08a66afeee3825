// Try it and pinned tests for TS map nodes: the node's function, type-checked and bundled as for a run, applied to
// rows in a sandboxed worker (worker-call.ts); rows and outputs in the runner's JSON encoding, like preview rows.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import type { UdfTestCase } from "@/pipeline/kinds/ts-map.node.ts";
import { upstreamOf } from "@/pipeline/preview";
import { formatType } from "@/pipeline/types";
import { udfInputColumns } from "@/pipeline/udf/declarations";
import { readOutputType } from "@/pipeline/udf/output-type";
import { fromWire, sameValue, toWire } from "@/pipeline/udf/wire-values";
import { analyzeGraph } from "@/pipeline/validate";
import { GraphCompileError } from "@/server/pipeline-ops";
import { bundleUdf } from "./bundle";
import { checkUdfs } from "./compile-udfs";
import { callWorker, type WorkerLog } from "./worker-call";

type Row = Record<string, unknown>;
type Columns = { name: string; type: string }[];
export type TryResult = {
  inputColumns: Columns; outputColumns: Columns;
  rows: { input: Row; output: Row | null }[];
  error: { message: string; stack: string[]; row: unknown } | null;
  logs: WorkerLog[];
};

/** The node's code, bundled, with its input and output columns; refuses a node that cannot run. */
function prepare(graph: PipelineGraph, nodeId: string) {
  const a = analyzeGraph(graph);
  const entry = a.nodes.get(nodeId);
  if (!entry) throw new GraphCompileError(a.errors.filter((e) => e.nodeId === nodeId).concat(a.errors.length ? [] : [{ message: `no node "${nodeId}"` }]));
  if (entry.kind.kind !== "ts-map") throw new GraphCompileError([{ nodeId, message: `Try it works on TS map nodes, not ${entry.kind.title}` }]);
  const upstream = new Set(upstreamOf(graph, nodeId));
  const blocking: GraphError[] = a.errors.filter((e) => e.nodeId !== undefined && upstream.has(e.nodeId));
  if (blocking.length) throw new GraphCompileError(blocking);
  const input = a.rowTypes[a.inputs[nodeId]!.in!]!;
  const typeErrors = checkUdfs(graph).filter((e) => e.nodeId === nodeId);
  if (typeErrors.length) throw new GraphCompileError(typeErrors);
  const config = entry.config as { code: string; tests: UdfTestCase[] };
  const out = readOutputType(config.code);
  if (!out.ok) throw new GraphCompileError([{ nodeId, field: "code", message: out.message }]);
  const col = (c: { name: string; type: Parameters<typeof formatType>[0] }) => ({ name: c.name, type: formatType(c.type) });
  return {
    spec: { name: nodeId, code: bundleUdf(config.code), inputColumns: udfInputColumns(input).map(col), outputColumns: out.columns.map(col) },
    tests: config.tests,
  };
}

export async function tryTsMap(graph: PipelineGraph, nodeId: string, rows: Row[]): Promise<TryResult> {
  const { spec } = prepare(graph, nodeId);
  const wire = rows.map((r) => spec.inputColumns.map((c) => toWire(c.type, r[c.name] ?? null)));
  const r = await callWorker(spec, wire);
  const outputs = r.ok
    ? r.rows.map((o) => Object.fromEntries(spec.outputColumns.map((c, i) => [c.name, fromWire(c.type, o[i] ?? null)])))
    : [];
  return {
    inputColumns: spec.inputColumns, outputColumns: spec.outputColumns,
    rows: rows.map((input, i) => ({ input, output: outputs[i] ?? null })),
    error: r.ok ? null : r.error, logs: r.logs,
  };
}

export type CaseOutcome = { index: number; input: Row; pass: boolean; diffs: { column: string; expected: unknown; actual: unknown }[] };
export type NodeTestOutcome = { nodeId: string; cases: CaseOutcome[]; error: string | null };

/** Every TS map node's pinned tests: each expected column must equal the function's output for the input row. */
export async function runUdfTests(graph: PipelineGraph): Promise<NodeTestOutcome[]> {
  const out: NodeTestOutcome[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== "ts-map" || !Array.isArray(node.config.tests) || node.config.tests.length === 0) continue;
    const tests = node.config.tests as UdfTestCase[];
    try {
      const r = await tryTsMap(graph, node.id, tests.map((t) => t.input));
      const types = new Map(r.outputColumns.map((c) => [c.name, c.type]));
      const cases = tests.map((t, index): CaseOutcome => {
        const actual = r.rows[index]?.output ?? null;
        const diffs = Object.entries(t.expected).flatMap(([column, expected]) => {
          const type = types.get(column);
          const got = actual && type ? actual[column] : undefined;
          return type && actual && sameValue(type, expected, got) ? [] : [{ column, expected, actual: got ?? (type ? null : "(no such output column)") }];
        });
        return { index, input: t.input, pass: diffs.length === 0, diffs };
      });
      out.push({ nodeId: node.id, cases, error: r.error ? [r.error.message, ...r.error.stack].join("\n") : null });
    } catch (e) {
      const msg = e instanceof GraphCompileError ? e.message : `${(e as Error).message}`;
      out.push({ nodeId: node.id, cases: [], error: msg });
    }
  }
  return out;
}

export const testsPassed = (r: NodeTestOutcome[]) => r.every((n) => n.error === null && n.cases.every((c) => c.pass));
