// Schema migrations, in order, in one place; PRAGMA user_version records how many have run.
import type Database from "better-sqlite3";

const MIGRATIONS: string[] = [
  `CREATE TABLE pipelines (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     graph_json TEXT NOT NULL,
     revision INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE runs (
     id TEXT PRIMARY KEY,
     pipeline_id TEXT NOT NULL,
     job_id TEXT,
     status TEXT NOT NULL,
     error_json TEXT,
     sinks_json TEXT NOT NULL DEFAULT '{}',
     started_at INTEGER NOT NULL,
     ended_at INTEGER
   );
   CREATE INDEX runs_by_pipeline ON runs(pipeline_id, started_at);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Numbered versions of a pipeline, kept at every explicit Save and every Run.
  `CREATE TABLE pipeline_versions (
     pipeline_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     reason TEXT NOT NULL,
     graph_json TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (pipeline_id, number)
   );`,
  // The run settings a run ran with (null for runs from before settings were kept).
  `ALTER TABLE runs ADD COLUMN settings_json TEXT;`,
  // Each time a run's job was resubmitted from its latest checkpoint after the runner died (JSON array).
  `ALTER TABLE runs ADD COLUMN resumes_json TEXT;`,
  // Named connections (Kafka clusters…): public fields as JSON, secret fields sealed (server/connections/seal.ts).
  `CREATE TABLE connections (
     name TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     fields_json TEXT NOT NULL,
     sealed_secrets TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  // Flink targets (remote session clusters by REST address; the embedded one is implicit), secrets sealed as connections'.
  // A run records the target it ran on (null: the embedded cluster).
  `CREATE TABLE targets (
     name TEXT PRIMARY KEY,
     url TEXT NOT NULL,
     fields_json TEXT NOT NULL,
     sealed_secrets TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   ALTER TABLE runs ADD COLUMN target TEXT;`,
  // Savepoints stop-with-savepoint wrote on a remote target's file system (server/store/savepoints-repo.ts).
  `CREATE TABLE savepoints (
     path TEXT PRIMARY KEY,
     pipeline_id TEXT NOT NULL,
     run_id TEXT,
     target TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX savepoints_by_pipeline ON savepoints(pipeline_id, created_at);`,
  // A target's last Test result (JSON: when, ok, the message and what it found), shown on the targets page.
  `ALTER TABLE targets ADD COLUMN last_test_json TEXT;`,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
