// Runs one program on a runner until it ends, or until --max-rows / --timeout, which cancel it.
import type { TableProgram } from "@/pipeline/ir";
import type { JobInfo, RunnerClient } from "@/server/runner/client";

export type StopReason = "max-rows" | "timeout" | null;
export type JobOutcome = { job: JobInfo; stoppedBy: StopReason; bounded: boolean };

const TERMINAL = new Set(["FINISHED", "FAILED", "CANCELED"]);

/** A datagen source ends after number-of-rows, or when a sequence column runs out; other connectors run on. */
const boundedSource = (o: Record<string, string>, connector: string) =>
  (connector === "datagen" && ("number-of-rows" in o || Object.entries(o).some(([k, v]) => /^fields\..+\.kind$/.test(k) && v === "sequence"))) ||
  // files are read once and the source ends, unless it watches its folder for new ones
  (connector === "filesystem" && !("source.monitor-interval" in o));

export const isBounded = (p: TableProgram) =>
  p.statements.every((s) => s.op !== "from" || boundedSource(s.descriptor.options, s.descriptor.connector));

const collected = (job: JobInfo) => Object.values(job.sinks ?? {}).reduce((n, s) => Math.max(n, s.total), 0);

export async function runJob(
  client: RunnerClient, program: TableProgram,
  o: { maxRows?: number; timeoutS: number; pollMs?: number; onStatus?: (s: string) => void },
): Promise<JobOutcome> {
  const { jobId } = await client.submit(program);
  const deadline = Date.now() + o.timeoutS * 1000;
  let stoppedBy: StopReason = null;
  let lastStatus = "";
  for (;;) {
    const job = await client.job(jobId);
    if (!job) throw new Error(`the runner lost job ${jobId}`);
    if (job.status !== lastStatus) o.onStatus?.((lastStatus = job.status));
    if (TERMINAL.has(job.status)) return { job, stoppedBy, bounded: isBounded(program) };
    if (!stoppedBy) {
      if (o.maxRows !== undefined && collected(job) >= o.maxRows) stoppedBy = "max-rows";
      else if (Date.now() >= deadline) stoppedBy = "timeout";
      if (stoppedBy) await client.cancel(jobId);
    }
    await new Promise((r) => setTimeout(r, o.pollMs ?? 300));
  }
}
