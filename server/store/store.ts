// The store: one SQLite file (WAL) under the data directory, holding pipelines and runs.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { migrate } from "./migrations";
import { createPipelinesRepo } from "./pipelines-repo";
import { createRunsRepo } from "./runs-repo";
import { createVersionsRepo } from "./versions-repo";

export function openStore(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "streamcanvas.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return {
    file,
    db,
    pipelines: createPipelinesRepo(db),
    runs: createRunsRepo(db),
    versions: createVersionsRepo(db),
    getMeta(key: string): string | undefined {
      return (db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
    },
    setMeta(key: string, value: string): void {
      db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
    },
    close(): void {
      db.close();
    },
  };
}
export type Store = ReturnType<typeof openStore>;
