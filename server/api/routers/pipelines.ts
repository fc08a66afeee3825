// pipelines.*: list, get, create (blank or from an example), save with revision check, delete.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { emptyGraph, PipelineGraphSchema, type PipelineGraph } from "@/pipeline/graph";
import { graphConnections } from "@/pipeline/connections/graph-refs";
import { readGraph } from "@/server/pipeline-ops";
import { loadExample } from "@/server/store/examples";
import { procedure, router } from "../trpc";
import { NotFoundError } from "@/server/errors";

const Id = z.object({ id: z.string().min(1) });

export const pipelinesRouter = router({
  list: procedure.query(({ ctx }) => ctx.services.store.pipelines.list()),

  get: procedure.input(Id).query(({ ctx, input }) => {
    const p = ctx.services.store.pipelines.get(input.id);
    if (!p) throw new NotFoundError(`no pipeline ${input.id}`);
    const upgraded = readGraph(p.graph); // nodes saved by older kind versions come back in their current shape
    return upgraded.ok ? { ...p, graph: upgraded.graph } : p;
  }),

  create: procedure
    .input(z.object({
      name: z.string().min(1).max(200).optional(), example: z.string().min(1).optional(),
      /** a whole graph: an imported file, or a fork of a pipeline changed elsewhere */
      graph: PipelineGraphSchema.optional(),
    }))
    .mutation(({ ctx, input }) => {
      let graph: PipelineGraph = emptyGraph(input.name ?? "Untitled pipeline");
      if (input.example) {
        const ex = loadExample(ctx.services.examplesDir, input.example);
        if (!ex) throw new TRPCError({ code: "NOT_FOUND", message: `no example ${input.example}` });
        graph = { ...ex, name: input.name ?? ex.name };
      } else if (input.graph) {
        graph = { ...input.graph, name: input.name ?? input.graph.name };
      }
      const { id } = ctx.services.store.pipelines.create(graph);
      // an imported pipeline may name connections this server does not have: say which to create
      const missing = [...new Set(graphConnections(graph).map((r) => r.connection))].filter((n) => !ctx.services.connections.exists(n));
      return { id, missingConnections: missing };
    }),

  save: procedure
    .input(z.object({ id: z.string().min(1), graph: PipelineGraphSchema, baseRevision: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => {
      const r = ctx.services.store.pipelines.save(input.id, input.graph, input.baseRevision);
      if (!r) throw new NotFoundError(`no pipeline ${input.id}`);
      return r;
    }),

  delete: procedure.input(Id).mutation(({ ctx, input }) => {
    if (!ctx.services.store.pipelines.delete(input.id)) throw new NotFoundError(`no pipeline ${input.id}`);
    ctx.services.store.versions.deleteAll(input.id);
    return { ok: true as const };
  }),
});
