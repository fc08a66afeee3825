// Try it (TS map, filter and flatMap nodes) and pinned tests (TS map nodes): the node's function, type-checked and bundled as for a run, applied to
// rows in a sandboxed worker (worker-call.ts); rows and outputs in the runner's JSON encoding, like preview rows.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import { tryItKind } from "@/pipeline/kinds/define";
import type { UdfTestCase } from "@/pipeline/kinds/ts-map.node.ts";
import { upstreamOf } from "@/pipeline/preview";
import { formatType } from "@/pipeline/types";
import { udfInputColumns } from "@/pipeline/udf/declarations";
import { readOutputType } from "@/pipeline/udf/output-type";
import { fromWire, sameValue, toWire } from "@/pipeline/udf/wire-values";
import { analyzeGraph } from "@/pipeline/validate";
import { bundleUdf } from "./bundle";
import { checkUdfs } from "./compile-udfs";
import { callWorker, type WorkerLog } from "./worker-call";
import { GraphCompileError } from "@/server/errors";

type Row = Record<string, unknown>;
type Columns = { name: string; type: string }[];
export type TryResult = {
  inputColumns: Columns; outputColumns: Columns;
  rows: { input: Row; output: Row | null }[];
  error: { message: string; stack: string[]; row: unknown } | null;
  logs: WorkerLog[];
};

/** A filter's answer, shown as one output column. */
const KEEPS = { name: "keeps row", type: "BOOLEAN" };

/** The node's code, bundled, with its input and output columns; refuses a node that cannot run. */
function prepare(graph: PipelineGraph, nodeId: string) {
  const a = analyzeGraph(graph);
  const entry = a.nodes.get(nodeId);
  if (!entry) throw new GraphCompileError(a.errors.filter((e) => e.nodeId === nodeId).concat(a.errors.length ? [] : [{ message: `no node "${nodeId}"` }]));
  const kind = tryItKind(entry.kind);
  if (!kind) throw new GraphCompileError([{ nodeId, message: `Try it works on TS map, filter and flatMap nodes, not ${entry.kind.title}` }]);
  const upstream = new Set(upstreamOf(graph, nodeId));
  const blocking: GraphError[] = a.errors.filter((e) => e.nodeId !== undefined && upstream.has(e.nodeId));
  if (blocking.length) throw new GraphCompileError(blocking);
  const input = a.rowTypes[a.inputs[nodeId]!.in!]!;
  const typeErrors = checkUdfs(graph).filter((e) => e.nodeId === nodeId);
  if (typeErrors.length) throw new GraphCompileError(typeErrors);
  const config = entry.config as { code: string; tests?: UdfTestCase[] };
  const col = (c: { name: string; type: Parameters<typeof formatType>[0] }) => ({ name: c.name, type: formatType(c.type) });
  let outputColumns: Columns = [];
  if (kind !== "filter") {
    const out = readOutputType(config.code, kind === "flatMap" ? "rows" : "object");
    if (!out.ok) throw new GraphCompileError([{ nodeId, field: "code", message: out.message }]);
    outputColumns = out.columns.map(col);
  }
  return {
    kind,
    spec: { kind, name: nodeId, code: bundleUdf(config.code), inputColumns: udfInputColumns(input).map(col), outputColumns },
    tests: config.tests ?? [],
  };
}

/**
 * Runs the node's function on rows: a map answers one output row per input row, a filter whether it keeps the row,
 * a flatMap the rows it yields (one result line per yielded row; an input that yields none keeps a line with no output).
 */
export async function tryTsMap(graph: PipelineGraph, nodeId: string, rows: Row[]): Promise<TryResult> {
  const { kind, spec } = prepare(graph, nodeId);
  const wire = rows.map((r) => spec.inputColumns.map((c) => toWire(c.type, r[c.name] ?? null)));
  const r = await callWorker(spec, wire);
  const outputColumns = kind === "filter" ? [KEEPS] : spec.outputColumns;
  const decode = (o: unknown[]) => Object.fromEntries(spec.outputColumns.map((c, i) => [c.name, fromWire(c.type, o[i] ?? null)]));
  const answers = r.ok ? r.rows : [];
  const lines = rows.flatMap((input, i): TryResult["rows"] => {
    const a = answers[i];
    if (a === undefined) return [{ input, output: null }];
    if (kind === "filter") return [{ input, output: { [KEEPS.name]: a[0] === true } }];
    if (kind === "map") return [{ input, output: decode(a) }];
    const yielded = a as unknown[][];
    return yielded.length === 0 ? [{ input, output: null }] : yielded.map((o) => ({ input, output: decode(o) }));
  });
  return { inputColumns: spec.inputColumns, outputColumns, rows: lines, error: r.ok ? null : r.error, logs: r.logs };
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
