// The store: one SQLite file (WAL) under the data directory, holding pipelines and runs.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { StoreOpenError } from "../errors";
import { createConnectionsRepo } from "./connections-repo";
import { migrate } from "./migrations";
import { createPipelinesRepo } from "./pipelines-repo";
import { createRunsRepo } from "./runs-repo";
import { createSavepointsRepo } from "./savepoints-repo";
import { createTargetsRepo } from "./targets-repo";
import { createVersionsRepo } from "./versions-repo";

/** Opens (or creates) the store. The data dir is private to its user (0700), the database files 0600: they hold every
 * pipeline and, later, sealed connection secrets. A file that is not a readable SQLite database fails here, once. */
export function openStore(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  const file = path.join(dataDir, "streamcanvas.db");
  // SQLite gives its -wal and -shm files the database file's permissions, so creating it 0600 covers all three
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
  let db: Database.Database;
  try {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
    db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (e) {
    throw new StoreOpenError(
      `cannot open the database ${file}: ${(e as Error).message}. ` +
        `If the file is damaged, stop StreamCanvas, move it (and any ${path.basename(file)}-wal / -shm beside it) aside, ` +
        "and start again: a new empty database is created and the example pipelines are added back. " +
        `To try to save its pipelines first: sqlite3 ${file} ".recover" > recovered.sql`,
    );
  }
  return {
    file,
    db,
    pipelines: createPipelinesRepo(db),
    runs: createRunsRepo(db),
    versions: createVersionsRepo(db),
    connections: createConnectionsRepo(db),
    targets: createTargetsRepo(db),
    savepoints: createSavepointsRepo(db),
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
