// preview.*: start a preview of one node of an unsaved graph (mutation), then watch its progress and rows (SSE).
import { z } from "zod";
import { GraphCompileError, readGraph } from "@/server/pipeline-ops";
import { procedure, router } from "../trpc";

const Limits = {
  rows: z.number().int().min(1).max(1000).optional(),
  seconds: z.number().min(1).max(120).optional(),
};

export const previewRouter = router({
  start: procedure
    .input(z.object({ key: z.string().min(1).max(200), graph: z.unknown(), nodeId: z.string().min(1), ...Limits }))
    .mutation(({ ctx, input }) => {
      const g = readGraph(input.graph);
      if (!g.ok) throw new GraphCompileError(g.errors);
      return ctx.services.previews.start({ key: input.key, graph: g.graph, nodeId: input.nodeId, rows: input.rows, seconds: input.seconds });
    }),
  watch: procedure.input(z.object({ previewId: z.string().min(1) })).subscription(({ ctx, input, signal }) =>
    ctx.services.previews.watch(input.previewId, signal),
  ),
});
