// The pipeline version a run ran: each Run keeps its graph as a numbered version (or reuses the latest, unchanged one)
// just after the run is created, so it is the newest version from no later than moments after the run started.
import type { Store } from "@/server/store/store";
import type { PipelineGraph } from "@/pipeline/graph";

const SLACK_MS = 2_000;

export function runVersion(store: Store, run: { pipelineId: string; startedAt: number }): { number: number; graph: PipelineGraph } | undefined {
  const v = store.versions.list(run.pipelineId).find((x) => x.createdAt <= run.startedAt + SLACK_MS);
  const stored = v && store.versions.get(run.pipelineId, v.number);
  return stored ? { number: stored.number, graph: stored.graph } : undefined;
}
