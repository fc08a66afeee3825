// runs.*: start (validate + compile + submit), get, list, logs, stop, and a live watch subscription.
import { z } from "zod";
import { procedure, router } from "../trpc";

const RunId = z.object({ runId: z.string().min(1) });

export const runsRouter = router({
  start: procedure
    .input(z.object({
      pipelineId: z.string().min(1),
      parallelism: z.number().int().min(1).max(64).optional(),
      checkpointIntervalMs: z.number().int().min(100).max(3_600_000).optional(),
    }))
    .mutation(({ ctx, input }) => {
      const { pipelineId, ...options } = input;
      return ctx.services.tracker.start(pipelineId, options);
    }),
  get: procedure.input(RunId).query(({ ctx, input }) => ctx.services.tracker.get(input.runId)),
  list: procedure
    .input(z.object({ pipelineId: z.string().min(1).optional() }).optional())
    .query(({ ctx, input }) => ctx.services.store.runs.list(input?.pipelineId)),
  /** console.* lines of the run's TS UDFs (the runner keeps the last 1000 per job; poll while the run is active) */
  logs: procedure.input(RunId).query(({ ctx, input }) => ctx.services.tracker.logs(input.runId)),
  stop: procedure.input(RunId).mutation(({ ctx, input }) => ctx.services.tracker.stop(input.runId)),
  watch: procedure.input(RunId).subscription(({ ctx, input, signal }) => {
    ctx.services.tracker.get(input.runId); // an unknown run fails here, as NOT_FOUND, not mid-stream
    return ctx.services.tracker.watch(input.runId, signal);
  }),
});
