// targets.*: Flink clusters runs can go to — the embedded one (always there) and named remote session clusters: list,
// get, create, remove, and Test (the cluster's release, TaskManagers and slots, or what failed). Secrets go in, never out.
import { z } from "zod";
import { appRoot } from "@/server/runner/spawn";
import { runnerFlinkVersion } from "@/server/runner/flink-version";
import { testTarget } from "@/server/targets/probe";
import { EMBEDDED, TargetInputSchema } from "@/server/targets/service";
import { procedure, router } from "../trpc";

const Name = z.object({ name: z.string().min(1).max(63) });
const Target = z.object({ url: z.string(), authHeader: z.string().optional(), truststore: z.string().optional(), truststorePassword: z.string().optional(), savepointDir: z.string().optional() });

export const targetsRouter = router({
  /** the stored remote targets; `embedded` is implicit and `default` is STREAMCANVAS_FLINK_URL's cluster, if set */
  list: procedure.query(({ ctx }) => ({ embedded: EMBEDDED, default: ctx.services.runnerTarget(undefined)?.url ?? null, targets: ctx.services.targets.list() })),
  get: procedure.input(Name).query(({ ctx, input }) => ctx.services.targets.get(input.name)),
  create: procedure
    // the schema's own checks run in the service too, so the CLI and tRPC refuse alike, pinned to the field
    .input(z.object({ name: z.string().min(1).max(63), target: Target }))
    .mutation(({ ctx, input }) => ctx.services.targets.create(input.name, input.target as z.input<typeof TargetInputSchema>)),
  /** a secret left empty keeps its saved value; `clear` removes saved ones on purpose */
  update: procedure
    .input(z.object({ name: z.string().min(1).max(63), target: Target, clear: z.array(z.enum(["authHeader", "truststorePassword"])).optional() }))
    .mutation(({ ctx, input }) => ctx.services.targets.update(input.name, input.target as z.input<typeof TargetInputSchema>, input.clear)),
  remove: procedure.input(Name).mutation(({ ctx, input }) => {
    ctx.services.targets.remove(input.name);
    return { ok: true as const };
  }),
  /** asks the cluster's REST API; what failed comes back as data, and the result is kept for the list */
  test: procedure.input(Name).mutation(async ({ ctx, input }) => {
    const r = await testTarget(ctx.services.targets.resolve(input.name), runnerFlinkVersion(appRoot()));
    ctx.services.targets.recordTest(input.name, r);
    return r;
  }),
});
