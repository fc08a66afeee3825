// preview.*: start a preview of one node of an unsaved graph (mutation), watch its progress and rows (SSE);
// Try it on a TS map node (upstream sample rows + hand-written rows through the sandboxed worker) and its pinned tests.
import { z } from "zod";
import type { PipelineGraph } from "@/pipeline/graph";
import { readGraph } from "@/server/pipeline-ops";
import { runPreview } from "@/server/preview/run-preview";
import { resolveConnections } from "@/server/connections/resolve";
import { runUdfTests, tryTsMap } from "@/server/udf/try-ts-map";
import { procedure, router } from "../trpc";
import { GraphCompileError } from "@/server/errors";

const Limits = {
  rows: z.number().int().min(1).max(1000).optional(),
  seconds: z.number().min(1).max(120).optional(),
};

function graphOf(input: unknown): PipelineGraph {
  const g = readGraph(input);
  if (!g.ok) throw new GraphCompileError(g.errors);
  return g.graph;
}

export const previewRouter = router({
  start: procedure
    // `target`: the run panel's choice ("embedded", a stored target's name); none: the default target
    .input(z.object({ key: z.string().min(1).max(200), graph: z.unknown(), nodeId: z.string().min(1), target: z.string().min(1).max(63).optional(), ...Limits }))
    .mutation(({ ctx, input }) =>
      ctx.services.previews.start({
        key: input.key, graph: graphOf(input.graph), nodeId: input.nodeId, rows: input.rows, seconds: input.seconds,
        target: ctx.services.runnerTarget(input.target),
      }),
    ),
  watch: procedure.input(z.object({ previewId: z.string().min(1) })).subscription(({ ctx, input, signal }) =>
    ctx.services.previews.watch(input.previewId, signal),
  ),
  /** Runs a TS map / filter / flatMap node's function on `sample` rows previewed from its input (0 = none) plus the given rows. */
  tryUdf: procedure
    .input(z.object({
      graph: z.unknown(), nodeId: z.string().min(1),
      sample: z.number().int().min(0).max(100).default(10),
      rows: z.array(z.record(z.string(), z.unknown())).max(100).default([]),
    }))
    .mutation(async ({ ctx, input, signal }) => {
      const graph = graphOf(input.graph);
      const from = graph.edges.find((e) => e.to.node === input.nodeId)?.from.node;
      let sample: Record<string, unknown>[] = [];
      let sampleError: string | null = null;
      if (input.sample > 0 && from) {
        const client = await ctx.services.supervisor.whenReady(30_000);
        const p = await runPreview(client, graph, from, {
          rows: input.sample, seconds: 15, signal, dataRoot: ctx.services.dataRoot,
          connections: (program) => resolveConnections(program, ctx.services.connections),
        });
        const s = p.samples[p.target];
        if (p.error) sampleError = [p.error.message, p.error.rootCause].filter(Boolean).join(": ");
        sample = (s?.rows ?? []).filter((r) => r.kind === "+I" || r.kind === "+U")
          .map((r) => Object.fromEntries(s!.columns.map((c, i) => [c.name, r.values[i] ?? null])));
      }
      const result = await tryTsMap(graph, input.nodeId, [...sample, ...input.rows]);
      return { ...result, sampleRows: sample, sampleCount: sample.length, typedCount: input.rows.length, sampleError };
    }),
  /** The pinned test tables of every TS map node in the graph. */
  testUdfs: procedure.input(z.object({ graph: z.unknown() })).mutation(({ input }) => runUdfTests(graphOf(input.graph))),
});
