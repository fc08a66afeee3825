// The runner's state as the API reports it (runner.status / runner.watch).
export type LostRun = { runId: string; pipelineId: string; jobId: string | null };
export type RunnerState = "starting" | "ready" | "restarting" | "down";
export type RunnerStatus = { state: RunnerState; message: string; flinkRestUrl: string | null; lostRuns: LostRun[] };
