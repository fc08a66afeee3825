// Jobs StreamCanvas runs for itself, not for the user: the runner's warm-up job and previews (Try it samples its input
// with a preview too). Their names are made here and recognised here; the jobs list hides them unless asked.

/** The runner's warm-up job (jvm-runner Warmup.java names its program so; internal-jobs.test.ts holds the two together). */
export const WARMUP_JOB_NAME = "streamcanvas-warmup";
const PREVIEW_PREFIX = "preview of ";

export type InternalJobKind = "warm-up" | "preview";

/** The job name of a preview of `nodeId` (Flink caps names; so do we). */
export const previewJobName = (nodeId: string, pipelineName: string) => `${PREVIEW_PREFIX}${nodeId} in ${pipelineName}`.slice(0, 200);

/** What an internal job is for, from its name; null for any other job. Only asked of jobs no StreamCanvas run owns. */
export function internalJobKind(name: string): InternalJobKind | null {
  if (name === WARMUP_JOB_NAME) return "warm-up";
  if (name.startsWith(PREVIEW_PREFIX)) return "preview";
  return null;
}
