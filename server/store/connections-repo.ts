// Connections table: one row per named connection; public fields as JSON, the secret fields as one sealed value.
import type Database from "better-sqlite3";

export type ConnectionRow = {
  name: string; kind: string; fields: Record<string, unknown>;
  /** sealed JSON object of the secret fields (server/connections/seal.ts), or null when none is set */
  sealedSecrets: string | null;
  createdAt: number; updatedAt: number;
};

type Row = { name: string; kind: string; fields_json: string; sealed_secrets: string | null; created_at: number; updated_at: number };

const toRow = (r: Row): ConnectionRow => ({
  name: r.name, kind: r.kind, fields: JSON.parse(r.fields_json) as Record<string, unknown>, sealedSecrets: r.sealed_secrets,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

export function createConnectionsRepo(db: Database.Database, now = () => Date.now()) {
  return {
    list(): ConnectionRow[] {
      return (db.prepare("SELECT * FROM connections ORDER BY name").all() as Row[]).map(toRow);
    },
    get(name: string): ConnectionRow | undefined {
      const r = db.prepare("SELECT * FROM connections WHERE name = ?").get(name) as Row | undefined;
      return r && toRow(r);
    },
    /** false when the name is taken */
    insert(c: Pick<ConnectionRow, "name" | "kind" | "fields" | "sealedSecrets">): boolean {
      const t = now();
      const res = db.prepare("INSERT INTO connections (name, kind, fields_json, sealed_secrets, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING")
        .run(c.name, c.kind, JSON.stringify(c.fields), c.sealedSecrets, t, t);
      return res.changes === 1;
    },
    /** false when there is no such connection */
    update(name: string, fields: Record<string, unknown>, sealedSecrets: string | null): boolean {
      return db.prepare("UPDATE connections SET fields_json = ?, sealed_secrets = ?, updated_at = ? WHERE name = ?")
        .run(JSON.stringify(fields), sealedSecrets, now(), name).changes === 1;
    },
    delete(name: string): boolean {
      return db.prepare("DELETE FROM connections WHERE name = ?").run(name).changes === 1;
    },
  };
}
export type ConnectionsRepo = ReturnType<typeof createConnectionsRepo>;
