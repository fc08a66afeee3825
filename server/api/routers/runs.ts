// runs.*: start (validate + compile + submit), get, list, logs, stop, and a live watch subscription. Every run sent
// carries `ended` (server/states.ts), so the browser never decides it again.
import { z } from "zod";
import { type RunInfo, viewRun } from "@/server/store/runs-repo";
import { procedure, router } from "../trpc";

async function* viewed(runs: AsyncGenerator<RunInfo>) {
  for await (const r of runs) yield viewRun(r);
}

const RunId = z.object({ runId: z.string().min(1) });

export const runsRouter = router({
  start: procedure
    // runs the saved pipeline with its saved run settings (graph.settings) on a target (none: the default one)
    .input(z.object({ pipelineId: z.string().min(1), target: z.string().min(1).optional() }))
    .mutation(({ ctx, input }) => ctx.services.tracker.start(input.pipelineId, input.target ? { target: input.target } : {}).then(viewRun)),
  get: procedure.input(RunId).query(({ ctx, input }) => viewRun(ctx.services.tracker.get(input.runId))),
  list: procedure
    .input(z.object({ pipelineId: z.string().min(1).optional() }).optional())
    .query(({ ctx, input }) => ctx.services.store.runs.list(input?.pipelineId).map(viewRun)),
  /** console.* lines of the run's TS UDFs (the runner keeps the last 1000 per job; poll while the run is active) */
  logs: procedure.input(RunId).query(({ ctx, input }) => ctx.services.tracker.logs(input.runId)),
  stop: procedure.input(RunId).mutation(async ({ ctx, input }) => viewRun(await ctx.services.tracker.stop(input.runId))),
  watch: procedure.input(RunId).subscription(({ ctx, input, signal }) => {
    ctx.services.tracker.get(input.runId); // an unknown run fails here, as NOT_FOUND, not mid-stream
    return viewed(ctx.services.tracker.watch(input.runId, signal));
  }),
});
