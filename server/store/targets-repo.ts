// Targets table: one row per named remote Flink cluster; public fields as JSON, the secret ones as one sealed value.
import type Database from "better-sqlite3";

export type TargetRow = {
  name: string; url: string; fields: Record<string, unknown>;
  /** sealed JSON object of the secret fields (auth header, truststore password), or null when none is set */
  sealedSecrets: string | null;
  createdAt: number; updatedAt: number;
  /** the last Test's result as the service stored it (server/targets/service.ts), or null */
  lastTest: unknown;
};

type Row = { name: string; url: string; fields_json: string; sealed_secrets: string | null; created_at: number; updated_at: number; last_test_json: string | null };

const toRow = (r: Row): TargetRow => ({
  name: r.name, url: r.url, fields: JSON.parse(r.fields_json) as Record<string, unknown>, sealedSecrets: r.sealed_secrets,
  createdAt: r.created_at, updatedAt: r.updated_at, lastTest: r.last_test_json ? JSON.parse(r.last_test_json) : null,
});

export function createTargetsRepo(db: Database.Database, now = () => Date.now()) {
  return {
    list(): TargetRow[] {
      return (db.prepare("SELECT * FROM targets ORDER BY name").all() as Row[]).map(toRow);
    },
    get(name: string): TargetRow | undefined {
      const r = db.prepare("SELECT * FROM targets WHERE name = ?").get(name) as Row | undefined;
      return r && toRow(r);
    },
    /** false when the name is taken */
    insert(t: Pick<TargetRow, "name" | "url" | "fields" | "sealedSecrets">): boolean {
      const at = now();
      return db.prepare("INSERT INTO targets (name, url, fields_json, sealed_secrets, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING")
        .run(t.name, t.url, JSON.stringify(t.fields), t.sealedSecrets, at, at).changes === 1;
    },
    /** a changed address or secret makes the last Test's result stale, so it is cleared */
    update(t: Pick<TargetRow, "name" | "url" | "fields" | "sealedSecrets">): boolean {
      return db.prepare("UPDATE targets SET url = ?, fields_json = ?, sealed_secrets = ?, last_test_json = NULL, updated_at = ? WHERE name = ?")
        .run(t.url, JSON.stringify(t.fields), t.sealedSecrets, now(), t.name).changes === 1;
    },
    setLastTest(name: string, result: unknown): void {
      db.prepare("UPDATE targets SET last_test_json = ? WHERE name = ?").run(JSON.stringify(result), name);
    },
    delete(name: string): boolean {
      return db.prepare("DELETE FROM targets WHERE name = ?").run(name).changes === 1;
    },
  };
}
export type TargetsRepo = ReturnType<typeof createTargetsRepo>;
