// Run control beyond start/stop: stop with a savepoint, list a pipeline's savepoints, redeploy from a savepoint.
import fs from "node:fs";
import path from "node:path";
import type { RunTracker } from "@/server/runner/run-tracker";
import type { RunInfo } from "@/server/store/runs-repo";
import { isTerminal } from "@/server/states";
import type { MonitorHub } from "./hub";
import type { FlinkClient } from "./flink-client";
import { SavepointDirSchema } from "@/server/targets/service";
import { NotFoundError, SavepointFailed } from "@/server/errors";

/** `target`: the remote target whose file system holds it (null: the embedded cluster's state folder) */
export type SavepointInfo = { path: string; createdAt: number; target: string | null };
/** Where a cluster's config names its default savepoint folder (Flink 2's key, then the old one it still reads). */
const SAVEPOINT_DIR_KEYS = ["execution.checkpointing.savepoint-dir", "state.savepoints.dir"];

/**
 * Flink writes a savepoint wherever it is told, so a target must be a local folder under the state dir (where the
 * runner also confines checkpoints); refused before Flink is asked, so the job keeps running.
 */
export function checkStateTarget(stateDir: string | undefined, target: string): void {
  const refuse = (why: string) => new SavepointFailed(`savepoint target ${JSON.stringify(target)} refused (${why}), so the job keeps running`);
  if (!stateDir) throw refuse("no state folder is configured");
  let local: string;
  if (target.startsWith("/")) local = target;
  else {
    let u: URL;
    try {
      u = new URL(target);
    } catch {
      throw refuse("not a path or a file: URL");
    }
    if (u.protocol !== "file:" || u.host !== "") throw refuse("savepoints go to a local folder");
    local = decodeURIComponent(u.pathname);
  }
  const root = path.resolve(stateDir);
  const resolved = path.resolve(local);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) throw refuse(`outside the state folder ${root}`);
  // a link on the way out of the folder: compare the real path of the deepest part that exists
  let existing = resolved;
  while (!fs.existsSync(existing) && existing !== path.dirname(existing)) existing = path.dirname(existing);
  const real = fs.realpathSync(existing);
  const realRoot = fs.existsSync(root) ? fs.realpathSync(root) : root;
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw refuse(`it leads out of the state folder ${root} through a link`);
}

export class RunControl {
  constructor(private readonly tracker: RunTracker, private readonly monitor: MonitorHub) {}

  /**
   * Stops the run's job with a savepoint and returns the savepoint's path; on failure the job keeps running. On the
   * embedded cluster it goes under the state folder; on a remote target to `targetDirectory`, else the target's
   * savepoint folder, else the cluster's own state.savepoints.dir, and it is recorded so resume can find it.
   */
  async stopWithSavepoint(runId: string, targetDirectory?: string): Promise<{ run: RunInfo; savepointPath: string }> {
    const run = this.tracker.get(runId);
    if (!run.jobId || isTerminal(run.status)) throw new SavepointFailed(`run ${runId} is not running (${run.status})`);
    const flink = this.monitor.flinkFor(run.jobId);
    if (!flink) throw new SavepointFailed("the runner is not ready, so Flink cannot be asked for a savepoint");
    const dir = run.target ? await this.remoteDir(run.target, flink, targetDirectory) : this.localDir(run.pipelineId, targetDirectory);
    const trigger = await flink.stopWithSavepoint(run.jobId, dir);
    const result = await flink.awaitSavepoint(run.jobId, trigger);
    if (!result.ok) throw new SavepointFailed(`the savepoint failed, so the job keeps running: ${result.cause}`);
    if (run.target) this.tracker.recordSavepoint({ path: result.location, pipelineId: run.pipelineId, runId, target: run.target });
    return { run: await this.tracker.waitTerminal(runId, 60_000), savepointPath: result.location };
  }

  private localDir(pipelineId: string, targetDirectory: string | undefined): string {
    const dir = this.tracker.savepointDir(pipelineId);
    if (!dir && !targetDirectory) throw new SavepointFailed("no savepoint directory is configured");
    if (targetDirectory) checkStateTarget(this.tracker.stateDir(), targetDirectory);
    else fs.mkdirSync(dir!, { recursive: true });
    return targetDirectory ?? `file://${dir}`;
  }

  /** A folder on the cluster's side: this server can neither check nor create it, the cluster says if it cannot write. */
  private async remoteDir(target: string, flink: FlinkClient, targetDirectory: string | undefined): Promise<string> {
    const given = targetDirectory ?? this.tracker.targetSavepointDir(target);
    if (given) {
      const ok = SavepointDirSchema.safeParse(given);
      if (!ok.success) throw new SavepointFailed(`savepoint folder ${JSON.stringify(given)} refused (${ok.error.issues[0]!.message}), so the job keeps running`);
      return given;
    }
    const config = await flink.jobManagerConfig().catch((e: unknown) => {
      throw new SavepointFailed(`cannot read the configuration of target ${JSON.stringify(target)}, so the job keeps running: ${(e as Error).message}`);
    });
    const clusterDir = SAVEPOINT_DIR_KEYS.map((k) => config.get(k)).find(Boolean);
    if (!clusterDir) {
      throw new SavepointFailed(`target ${JSON.stringify(target)} names no savepoint folder and its cluster sets no state.savepoints.dir, so the job ` +
        "keeps running: give the target one (streamcanvas targets add … --savepoint-dir DIR) or set it in the cluster's config");
    }
    return clusterDir;
  }

  /** The pipeline's savepoints, newest first: the embedded cluster's on disk, and those recorded on remote targets. */
  savepoints(pipelineId: string): SavepointInfo[] {
    const dir = this.tracker.savepointDir(pipelineId);
    const local = !dir || !fs.existsSync(dir) ? [] : fs.readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name.startsWith("savepoint-") && fs.existsSync(path.join(dir, d.name, "_metadata")))
      .map((d) => ({ path: `file:${path.join(dir, d.name)}`, createdAt: fs.statSync(path.join(dir, d.name, "_metadata")).mtimeMs, target: null }));
    const remote = this.tracker.recordedSavepoints(pipelineId).map((s) => ({ path: s.path, createdAt: s.createdAt, target: s.target }));
    return [...local, ...remote].sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * Starts the pipeline from one of its own savepoints (a path outside its savepoint directory is refused), with the
   * pipeline's saved run settings, so it checkpoints and restarts as the stopped job did.
   */
  resume(pipelineId: string, savepointPath: string): Promise<RunInfo> {
    const savepoint = this.savepoints(pipelineId).find((s) => s.path === savepointPath);
    if (!savepoint) throw new NotFoundError(`no savepoint ${savepointPath} for pipeline ${pipelineId}`);
    // a savepoint on a remote cluster's file system is resumed on that cluster
    return this.tracker.start(pipelineId, { savepointPath, ...(savepoint.target ? { target: savepoint.target } : {}) });
  }

  /** Runs the pipeline again from scratch: stops the run first if it still runs. */
  async restart(runId: string): Promise<RunInfo> {
    const run = this.tracker.get(runId);
    if (!isTerminal(run.status)) {
      await this.tracker.stop(runId);
      const ended = await this.tracker.waitTerminal(runId, 60_000);
      if (!isTerminal(ended.status)) throw new SavepointFailed(`run ${runId} did not stop within 60 s (${ended.status})`);
    }
    return this.tracker.start(run.pipelineId, run.target ? { target: run.target } : {});
  }

  /**
   * Redeploys a running pipeline after an edit: stop with a savepoint, then start the saved graph from it.
   * If the savepoint fails, the old job keeps running and SavepointFailed says why.
   */
  async redeploy(runId: string, targetDirectory?: string) {
    const { run, savepointPath } = await this.stopWithSavepoint(runId, targetDirectory);
    const next = await this.tracker.start(run.pipelineId, { savepointPath, ...(run.target ? { target: run.target } : {}) });
    return { stopped: run, run: next, savepointPath };
  }
}
