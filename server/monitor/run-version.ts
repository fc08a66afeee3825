// The pipeline version a run ran: RunTracker.start keeps the graph as a numbered version (or reuses the latest,
// unchanged one) in the same synchronous step that creates the run, so it is the newest version created no later than
// a few milliseconds after the run's start; any later version (an edit, a redeploy) comes after an await, much later.
import type { Store } from "@/server/store/store";
import type { PipelineGraph } from "@/pipeline/graph";

const SLACK_MS = 100;

export function runVersion(store: Store, run: { pipelineId: string; startedAt: number }): { number: number; graph: PipelineGraph } | undefined {
  const v = store.versions.list(run.pipelineId).find((x) => x.createdAt <= run.startedAt + SLACK_MS);
  const stored = v && store.versions.get(run.pipelineId, v.number);
  return stored ? { number: stored.number, graph: stored.graph } : undefined;
}
