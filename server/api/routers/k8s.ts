// k8s.*: "Export for Kubernetes" of the canvas's graph: the operator manifests and the Dockerfile as text for the
// dialog (the whole build context, jars included, downloads from /api/k8s-export as a zip).
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { GraphCompileError } from "@/server/errors";
import { exportForKubernetes, K8sExportError } from "@/server/k8s/export";
import { K8sOptionsSchema } from "@/server/k8s/options";
import { readGraph } from "@/server/pipeline-ops";
import { appRoot } from "@/server/runner/spawn";
import { procedure, router } from "../trpc";

export const K8sExportInput = z.object({ graph: z.unknown(), options: K8sOptionsSchema });

/** The export of `input`, or a BAD_REQUEST naming what is wrong (an option, or the graph's errors per node). */
export function runExport(input: z.infer<typeof K8sExportInput>, dataRoot: string) {
  const g = readGraph(input.graph);
  if (!g.ok) throw new GraphCompileError(g.errors);
  try {
    return exportForKubernetes(g.graph, input.options, appRoot(), dataRoot);
  } catch (e) {
    if (e instanceof K8sExportError) throw new TRPCError({ code: "BAD_REQUEST", message: e.message, cause: e });
    throw e;
  }
}

export const k8sRouter = router({
  preview: procedure.input(K8sExportInput).mutation(({ ctx, input }) => {
    const exp = runExport(input, ctx.services.dataRoot);
    const texts = exp.files.flatMap((f) => ("text" in f && (exp.manifests.includes(f.path) || f.path === "Dockerfile") ? [{ path: f.path, text: f.text }] : []));
    return {
      name: exp.name, mode: exp.mode, image: exp.image, notes: exp.notes, files: texts,
      jars: exp.files.filter((f) => f.path.startsWith("lib/")).map((f) => f.path.slice(4)),
    };
  }),
});
