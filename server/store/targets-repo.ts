// Targets table: one row per named remote Flink cluster; public fields as JSON, the secret ones as one sealed value.
import type Database from "better-sqlite3";

export type TargetRow = {
  name: string; url: string; fields: Record<string, unknown>;
  /** sealed JSON object of the secret fields (auth header, truststore password), or null when none is set */
  sealedSecrets: string | null;
  createdAt: number; updatedAt: number;
};

type Row = { name: string; url: string; fields_json: string; sealed_secrets: string | null; created_at: number; updated_at: number };

const toRow = (r: Row): TargetRow => ({
  name: r.name, url: r.url, fields: JSON.parse(r.fields_json) as Record<string, unknown>, sealedSecrets: r.sealed_secrets,
  createdAt: r.created_at, updatedAt: r.updated_at,
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
    delete(name: string): boolean {
      return db.prepare("DELETE FROM targets WHERE name = ?").run(name).changes === 1;
    },
  };
}
export type TargetsRepo = ReturnType<typeof createTargetsRepo>;
