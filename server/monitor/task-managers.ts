// Where a job's subtasks run: per vertex and TaskManager, which subtasks it holds and their records in and out (Flink's
// /jobs/:id/vertices/:vid subtask details). A job on a cluster of several TaskManagers shows how it is spread.
import { z } from "zod";
import type { FlinkClient } from "./flink-client";

const VertexDetailsSchema = z.object({
  subtasks: z.array(z.object({
    subtask: z.number(), status: z.string(),
    "taskmanager-id": z.string().optional(), endpoint: z.string().optional(), host: z.string().optional(),
    metrics: z.object({ "read-records": z.number().optional(), "write-records": z.number().optional() }).partial().optional(),
  })),
});

export type TaskManagerPlacement = {
  vertexId: string; vertex: string;
  /** Flink's TaskManager id ("(unassigned)" before placement) and its host:port */
  taskManagerId: string; endpoint: string | null;
  subtasks: number[]; recordsIn: number; recordsOut: number;
};

/** Every vertex's subtasks grouped by the TaskManager they run on, in vertex order then TaskManager id. */
export async function taskManagerPlacement(client: FlinkClient, jobId: string): Promise<TaskManagerPlacement[]> {
  const job = await client.job(jobId);
  const perVertex = await Promise.all(job.vertices.map(async (v) => {
    const details = VertexDetailsSchema.parse(await client.getJson(`/jobs/${encodeURIComponent(jobId)}/vertices/${encodeURIComponent(v.id)}`));
    const byTm = new Map<string, TaskManagerPlacement>();
    for (const st of details.subtasks) {
      const tm = st["taskmanager-id"] ?? "(unassigned)";
      let p = byTm.get(tm);
      if (!p) byTm.set(tm, (p = { vertexId: v.id, vertex: v.name, taskManagerId: tm, endpoint: st.endpoint ?? st.host ?? null, subtasks: [], recordsIn: 0, recordsOut: 0 }));
      p.subtasks.push(st.subtask);
      p.recordsIn += st.metrics?.["read-records"] ?? 0;
      p.recordsOut += st.metrics?.["write-records"] ?? 0;
    }
    return [...byTm.values()].sort((a, b) => a.taskManagerId.localeCompare(b.taskManagerId));
  }));
  return perVertex.flat();
}
