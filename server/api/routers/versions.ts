// versions.*: numbered versions of a pipeline — list, open one, and the explicit Save that keeps a version.
import { z } from "zod";
import { PipelineGraphSchema } from "@/pipeline/graph";
import { readGraph } from "@/server/pipeline-ops";
import { procedure, router } from "../trpc";
import { NotFoundError } from "@/server/errors";

const Id = z.object({ id: z.string().min(1) });

export const versionsRouter = router({
  list: procedure.input(Id).query(({ ctx, input }) => ctx.services.store.versions.list(input.id)),

  get: procedure.input(Id.extend({ number: z.number().int().min(1) })).query(({ ctx, input }) => {
    const v = ctx.services.store.versions.get(input.id, input.number);
    if (!v) throw new NotFoundError(`pipeline ${input.id} has no version ${input.number}`);
    const upgraded = readGraph(v.graph); // a version saved by older node kinds opens in their current shape
    return upgraded.ok ? { ...v, graph: upgraded.graph } : v;
  }),

  /** Explicit Save: saves like autosave (refused when stale) and keeps the result as a numbered version. */
  save: procedure
    .input(Id.extend({ graph: PipelineGraphSchema, baseRevision: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => {
      const { store } = ctx.services;
      const r = store.db.transaction(() => {
        const saved = store.pipelines.save(input.id, input.graph, input.baseRevision);
        return saved && { ...saved, version: store.versions.add(input.id, input.graph, "save").number };
      })();
      if (!r) throw new NotFoundError(`no pipeline ${input.id}`);
      return r;
    }),
});
