// Runs one program on a runner until it ends, or until --max-rows / --timeout, which cancel it.
import type { TableProgram } from "@/pipeline/ir";
import type { RunnerConnections } from "@/server/connections/resolve";
import type { JobInfo, RunnerClient } from "@/server/runner/client";
import { isEnded } from "@/server/states";
import type { RunnerTarget } from "@/server/targets/runner-target";

export type StopReason = "max-rows" | "timeout" | null;
export type JobOutcome = { job: JobInfo; stoppedBy: StopReason; bounded: boolean };


const collected = (job: JobInfo) => Object.values(job.sinks ?? {}).reduce((n, s) => Math.max(n, s.total), 0);

export async function runJob(
  client: RunnerClient, program: TableProgram,
  /** bounded: the pipeline ends by itself (pipeline/bounded.ts), so a --timeout stop is a failure */
  o: { connections: RunnerConnections; target?: RunnerTarget; bounded: boolean; maxRows?: number; timeoutS: number; pollMs?: number; onStatus?: (s: string) => void },
): Promise<JobOutcome> {
  const { jobId } = await client.submit(program, o.connections, o.target);
  const deadline = Date.now() + o.timeoutS * 1000;
  let stoppedBy: StopReason = null;
  let lastStatus = "";
  for (;;) {
    const job = await client.job(jobId);
    if (!job) throw new Error(`the runner lost job ${jobId}`);
    if (job.status !== lastStatus) o.onStatus?.((lastStatus = job.status));
    if (isEnded(job.status)) return { job, stoppedBy, bounded: o.bounded };
    if (!stoppedBy) {
      if (o.maxRows !== undefined && collected(job) >= o.maxRows) stoppedBy = "max-rows";
      else if (Date.now() >= deadline) stoppedBy = "timeout";
      if (stoppedBy) await client.cancel(jobId);
    }
    await new Promise((r) => setTimeout(r, o.pollMs ?? 300));
  }
}
