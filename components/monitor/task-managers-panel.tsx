// The job page's TaskManagers panel: for each vertex, which TaskManager runs which subtasks, with their records in and
// out, so a job spread over a cluster shows where it runs. Asked of Flink only while opened (every 3 s while the job
// runs): many open job pages must not each keep a stream of requests going for a detail nobody looks at.
"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";

export function TaskManagersPanel({ jobId, live }: { jobId: string; live: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="sc-panel sc-panel--wide" data-testid="taskmanagers-section">
      <button type="button" className="sc-button sc-button--ghost" data-testid="taskmanagers-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "▾" : "▸"} TaskManagers: where the subtasks run
      </button>
      {open && <Placement jobId={jobId} live={live} />}
    </section>
  );
}

function Placement({ jobId, live }: { jobId: string; live: boolean }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.monitor.taskManagers.queryOptions({ jobId }, { refetchInterval: live ? 3_000 : false }));
  const rows = q.data ?? [];
  const tms = new Set(rows.filter((r) => r.taskManagerId !== "(unassigned)").map((r) => r.taskManagerId));
  return (
    <div data-testid="taskmanagers-panel" data-taskmanagers={tms.size}>
      <p className="sc-muted">{tms.size} TaskManager{tms.size === 1 ? "" : "s"}</p>
      {q.error && <p className="sc-field__error">{q.error.message}</p>}
      <table className="sc-table">
        <thead><tr><th>Vertex</th><th>TaskManager</th><th>Host</th><th>Subtasks</th><th>Records in</th><th>Records out</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.vertexId}/${r.taskManagerId}`} data-testid="taskmanager-row" data-vertex={r.vertexId} data-taskmanager={r.taskManagerId}
              data-subtasks={r.subtasks.join(",")} data-records-in={r.recordsIn} data-records-out={r.recordsOut}>
              <td title={r.vertexId}>{r.vertex}</td><td>{r.taskManagerId}</td><td>{r.endpoint ?? "—"}</td>
              <td>{r.subtasks.map((i) => `#${i}`).join(" ")}</td><td>{r.recordsIn}</td><td>{r.recordsOut}</td>
            </tr>
          ))}
          {rows.length === 0 && <tr><td colSpan={6} className="sc-muted">{q.isLoading ? "Loading…" : "No subtask placement known."}</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
