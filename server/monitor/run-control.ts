// Run control beyond start/stop: stop with a savepoint, list a pipeline's savepoints, redeploy from a savepoint.
import fs from "node:fs";
import path from "node:path";
import type { RunTracker } from "@/server/runner/run-tracker";
import type { RunInfo } from "@/server/store/runs-repo";
import { isTerminal } from "@/server/states";
import type { MonitorHub } from "./hub";
import { NotFoundError, SavepointFailed } from "@/server/errors";

export type SavepointInfo = { path: string; createdAt: number };

export class RunControl {
  constructor(private readonly tracker: RunTracker, private readonly monitor: MonitorHub) {}

  /** Stops the run's job with a savepoint and returns the savepoint's path; on failure the job keeps running. */
  async stopWithSavepoint(runId: string, targetDirectory?: string): Promise<{ run: RunInfo; savepointPath: string }> {
    const run = this.tracker.get(runId);
    if (!run.jobId || isTerminal(run.status)) throw new SavepointFailed(`run ${runId} is not running (${run.status})`);
    const flink = this.monitor.flink();
    if (!flink) throw new SavepointFailed("the runner is not ready, so Flink cannot be asked for a savepoint");
    const dir = this.tracker.savepointDir(run.pipelineId);
    if (!dir && !targetDirectory) throw new SavepointFailed("no savepoint directory is configured");
    if (!targetDirectory) fs.mkdirSync(dir!, { recursive: true });
    const trigger = await flink.stopWithSavepoint(run.jobId, targetDirectory ?? `file://${dir}`);
    const result = await flink.awaitSavepoint(run.jobId, trigger);
    if (!result.ok) throw new SavepointFailed(`the savepoint failed, so the job keeps running: ${result.cause}`);
    return { run: await this.tracker.waitTerminal(runId, 60_000), savepointPath: result.location };
  }

  /** The pipeline's savepoints on disk, newest first. */
  savepoints(pipelineId: string): SavepointInfo[] {
    const dir = this.tracker.savepointDir(pipelineId);
    if (!dir || !fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name.startsWith("savepoint-") && fs.existsSync(path.join(dir, d.name, "_metadata")))
      .map((d) => ({ path: `file:${path.join(dir, d.name)}`, createdAt: fs.statSync(path.join(dir, d.name, "_metadata")).mtimeMs }))
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * Starts the pipeline from one of its own savepoints (a path outside its savepoint directory is refused), with the
   * pipeline's saved run settings, so it checkpoints and restarts as the stopped job did.
   */
  resume(pipelineId: string, savepointPath: string): Promise<RunInfo> {
    if (!this.savepoints(pipelineId).some((s) => s.path === savepointPath)) {
      throw new NotFoundError(`no savepoint ${savepointPath} for pipeline ${pipelineId}`);
    }
    return this.tracker.start(pipelineId, { savepointPath });
  }

  /** Runs the pipeline again from scratch: stops the run first if it still runs. */
  async restart(runId: string): Promise<RunInfo> {
    const run = this.tracker.get(runId);
    if (!isTerminal(run.status)) {
      await this.tracker.stop(runId);
      const ended = await this.tracker.waitTerminal(runId, 60_000);
      if (!isTerminal(ended.status)) throw new SavepointFailed(`run ${runId} did not stop within 60 s (${ended.status})`);
    }
    return this.tracker.start(run.pipelineId);
  }

  /**
   * Redeploys a running pipeline after an edit: stop with a savepoint, then start the saved graph from it.
   * If the savepoint fails, the old job keeps running and SavepointFailed says why.
   */
  async redeploy(runId: string, targetDirectory?: string) {
    const { run, savepointPath } = await this.stopWithSavepoint(runId, targetDirectory);
    const next = await this.tracker.start(run.pipelineId, { savepointPath });
    return { stopped: run, run: next, savepointPath };
  }
}
