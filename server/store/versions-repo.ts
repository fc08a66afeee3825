// Pipeline versions: numbered snapshots (1, 2, …) per pipeline, kept at each explicit Save and each Run.
import type Database from "better-sqlite3";
import { PipelineGraphSchema, type PipelineGraph } from "@/pipeline/graph";

export type VersionReason = "save" | "run";
export type VersionSummary = { number: number; reason: VersionReason; createdAt: number; nodeCount: number };
export type StoredVersion = VersionSummary & { graph: PipelineGraph };

type Row = { number: number; reason: VersionReason; graph_json: string; created_at: number };

export function createVersionsRepo(db: Database.Database, now = () => Date.now()) {
  const latest = (pipelineId: string) =>
    db.prepare("SELECT * FROM pipeline_versions WHERE pipeline_id = ? ORDER BY number DESC LIMIT 1").get(pipelineId) as Row | undefined;
  return {
    /**
     * Keeps the graph as the next numbered version. Running the same graph again (or saving it unchanged) keeps no
     * duplicate: it returns the latest number instead, so the list shows changes rather than clicks.
     */
    add(pipelineId: string, graph: PipelineGraph, reason: VersionReason): { number: number; created: boolean } {
      return db.transaction(() => {
        const json = JSON.stringify(graph);
        const last = latest(pipelineId);
        if (last && last.graph_json === json) return { number: last.number, created: false };
        const number = (last?.number ?? 0) + 1;
        db.prepare("INSERT INTO pipeline_versions (pipeline_id, number, reason, graph_json, created_at) VALUES (?, ?, ?, ?, ?)")
          .run(pipelineId, number, reason, json, now());
        return { number, created: true };
      })();
    },
    list(pipelineId: string): VersionSummary[] {
      const rows = db.prepare("SELECT * FROM pipeline_versions WHERE pipeline_id = ? ORDER BY number DESC").all(pipelineId) as Row[];
      return rows.map((r) => ({
        number: r.number, reason: r.reason, createdAt: r.created_at,
        nodeCount: (JSON.parse(r.graph_json) as { nodes?: unknown[] }).nodes?.length ?? 0,
      }));
    },
    get(pipelineId: string, number: number): StoredVersion | undefined {
      const r = db.prepare("SELECT * FROM pipeline_versions WHERE pipeline_id = ? AND number = ?").get(pipelineId, number) as Row | undefined;
      if (!r) return undefined;
      const graph = PipelineGraphSchema.parse(JSON.parse(r.graph_json));
      return { number: r.number, reason: r.reason, createdAt: r.created_at, nodeCount: graph.nodes.length, graph };
    },
    deleteAll(pipelineId: string): void {
      db.prepare("DELETE FROM pipeline_versions WHERE pipeline_id = ?").run(pipelineId);
    },
  };
}
export type VersionsRepo = ReturnType<typeof createVersionsRepo>;
