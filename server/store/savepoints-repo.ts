// Savepoints taken on remote Flink targets: their folders live on the cluster's file system (s3://, a shared mount),
// which this server cannot list, so each one stop-with-savepoint wrote is recorded here (the embedded cluster's are
// listed from the state folder on disk, server/monitor/run-control.ts).
import type Database from "better-sqlite3";

export type StoredSavepoint = { path: string; pipelineId: string; runId: string | null; target: string; createdAt: number };

type Row = { path: string; pipeline_id: string; run_id: string | null; target: string; created_at: number };

export function createSavepointsRepo(db: Database.Database, now = () => Date.now()) {
  return {
    add(s: Omit<StoredSavepoint, "createdAt">): void {
      db.prepare("INSERT INTO savepoints (path, pipeline_id, run_id, target, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(path) DO NOTHING")
        .run(s.path, s.pipelineId, s.runId, s.target, now());
    },
    /** newest first */
    list(pipelineId: string): StoredSavepoint[] {
      const rows = db.prepare("SELECT * FROM savepoints WHERE pipeline_id = ? ORDER BY created_at DESC, rowid DESC").all(pipelineId) as Row[];
      return rows.map((r) => ({ path: r.path, pipelineId: r.pipeline_id, runId: r.run_id, target: r.target, createdAt: r.created_at }));
    },
  };
}
