// Pipelines table: graphs stored as JSON, saved with optimistic concurrency on `revision`.
import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { PipelineGraphSchema, type PipelineGraph } from "@/pipeline/graph";
import { StaleRevisionError } from "@/server/errors";

export type PipelineSummary = { id: string; name: string; updatedAt: number; nodeCount: number };
export type StoredPipeline = { id: string; name: string; graph: PipelineGraph; revision: number; updatedAt: number };

type Row = { id: string; name: string; graph_json: string; revision: number; updated_at: number };

export function createPipelinesRepo(db: Database.Database, now = () => Date.now()) {
  const toStored = (r: Row): StoredPipeline => ({
    id: r.id, name: r.name, revision: r.revision, updatedAt: r.updated_at,
    graph: PipelineGraphSchema.parse(JSON.parse(r.graph_json)),
  });
  return {
    list(): PipelineSummary[] {
      const rows = db.prepare("SELECT id, name, graph_json, updated_at FROM pipelines ORDER BY updated_at DESC, id").all() as Row[];
      return rows.map((r) => ({
        id: r.id, name: r.name, updatedAt: r.updated_at,
        nodeCount: (JSON.parse(r.graph_json) as { nodes?: unknown[] }).nodes?.length ?? 0,
      }));
    },
    get(id: string): StoredPipeline | undefined {
      const r = db.prepare("SELECT * FROM pipelines WHERE id = ?").get(id) as Row | undefined;
      return r && toStored(r);
    },
    create(graph: PipelineGraph): { id: string } {
      const id = randomUUID();
      const t = now();
      db.prepare("INSERT INTO pipelines (id, name, graph_json, revision, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)")
        .run(id, graph.name, JSON.stringify(graph), t, t);
      return { id };
    },
    /** Saves only if baseRevision is still current; the check and the write are one statement. */
    save(id: string, graph: PipelineGraph, baseRevision: number): { revision: number; updatedAt: number } | undefined {
      const t = now();
      const res = db.prepare(
        "UPDATE pipelines SET graph_json = ?, name = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?",
      ).run(JSON.stringify(graph), graph.name, t, id, baseRevision);
      if (res.changes === 1) return { revision: baseRevision + 1, updatedAt: t };
      const cur = db.prepare("SELECT revision FROM pipelines WHERE id = ?").get(id) as { revision: number } | undefined;
      if (!cur) return undefined;
      throw new StaleRevisionError(cur.revision);
    },
    delete(id: string): boolean {
      return db.prepare("DELETE FROM pipelines WHERE id = ?").run(id).changes === 1;
    },
  };
}
export type PipelinesRepo = ReturnType<typeof createPipelinesRepo>;
