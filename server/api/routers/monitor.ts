// monitor.*: live job figures and the jobs list (subscriptions over SSE, one shared poller per job), and run control.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { RunControl } from "@/server/monitor/run-control";
import { runVersion } from "@/server/monitor/run-version";
import { viewRun } from "@/server/store/runs-repo";
import { procedure, router } from "../trpc";
import { SavepointFailed } from "@/server/errors";
import { taskManagerPlacement } from "@/server/monitor/task-managers";

const JobId = z.object({ jobId: z.string().regex(/^[0-9a-fA-F]{32}$/, "a Flink job id: 32 hex digits") });

async function control<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof SavepointFailed) throw new TRPCError({ code: "CONFLICT", message: e.message, cause: e });
    throw e;
  }
}

export const monitorRouter = router({
  jobs: procedure.subscription(({ ctx, signal }) => ctx.services.monitor.watchJobs(signal)),
  job: procedure.input(JobId).subscription(({ ctx, input, signal }) => ctx.services.monitor.watchJob(input.jobId.toLowerCase(), signal)),
  /** The StreamCanvas run and pipeline behind a Flink job, if any (the job page draws the pipeline's canvas). */
  jobContext: procedure.input(JobId).query(({ ctx, input }) => {
    const run = ctx.services.store.runs.list().find((r) => r.jobId === input.jobId.toLowerCase()) ?? null;
    const p = run ? ctx.services.store.pipelines.get(run.pipelineId) : undefined;
    const version = run ? runVersion(ctx.services.store, run) : undefined;
    return { run: run && viewRun(run), pipeline: p ? { id: p.id, name: p.name, graph: version?.graph ?? p.graph, version: version?.number ?? null } : null };
  }),
  /** Which TaskManager runs which subtasks of each vertex, with their records in and out (polled by the job page). */
  taskManagers: procedure.input(JobId).query(({ ctx, input }) => {
    const client = ctx.services.monitor.flinkFor(input.jobId.toLowerCase());
    return client ? taskManagerPlacement(client, input.jobId.toLowerCase()) : [];
  }),
  // targetDirectory: this stop's folder (on a remote target a folder its cluster reaches; embedded: under the state folder)
  stopWithSavepoint: procedure.input(z.object({ runId: z.string().min(1), targetDirectory: z.string().min(1).optional() })).mutation(({ ctx, input }) =>
    control(() => new RunControl(ctx.services.tracker, ctx.services.monitor).stopWithSavepoint(input.runId, input.targetDirectory)).then((r) => ({ ...r, run: viewRun(r.run) }))),
  savepoints: procedure.input(z.object({ pipelineId: z.string().min(1) })).query(({ ctx, input }) =>
    new RunControl(ctx.services.tracker, ctx.services.monitor).savepoints(input.pipelineId)),
  // resume, restart and redeploy start the saved pipeline with its saved run settings, as the run before them did
  resume: procedure.input(z.object({ pipelineId: z.string().min(1), savepointPath: z.string().min(1) }))
    .mutation(({ ctx, input }) =>
      new RunControl(ctx.services.tracker, ctx.services.monitor).resume(input.pipelineId, input.savepointPath).then(viewRun)),
  restart: procedure.input(z.object({ runId: z.string().min(1) })).mutation(({ ctx, input }) =>
    control(() => new RunControl(ctx.services.tracker, ctx.services.monitor).restart(input.runId)).then(viewRun)),
  redeploy: procedure.input(z.object({ runId: z.string().min(1), targetDirectory: z.string().min(1).optional() })).mutation(({ ctx, input }) =>
    control(() => new RunControl(ctx.services.tracker, ctx.services.monitor).redeploy(input.runId, input.targetDirectory))
      .then((r) => ({ ...r, stopped: viewRun(r.stopped), run: viewRun(r.run) }))),
});
