// Retained checkpoints on disk: Flink writes <checkpoint dir>/<job id>/chk-<n>/_metadata and keeps them when its
// cluster dies with the runner (a job is only cleaned up when it is cancelled), so a run can resume from the newest.
import fs from "node:fs";
import path from "node:path";

export type RetainedCheckpoint = { id: number; path: string };

/** The newest completed checkpoint of a job (one whose _metadata was written), or undefined. */
export function latestCheckpoint(checkpointDir: string, jobId: string): RetainedCheckpoint | undefined {
  if (!/^[0-9a-f]{32}$/.test(jobId)) return undefined; // a Flink job id, never a path
  const dir = path.join(checkpointDir, jobId);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return undefined;
  }
  let best: RetainedCheckpoint | undefined;
  for (const name of names) {
    const m = /^chk-(\d+)$/.exec(name);
    if (!m || !fs.existsSync(path.join(dir, name, "_metadata"))) continue;
    const id = Number(m[1]);
    if (!best || id > best.id) best = { id, path: `file://${path.join(dir, name)}` };
  }
  return best;
}
