// The run panel's Logs tab: console.* lines of the run's TypeScript UDFs (runs.logs), polled while the run is active;
// on a remote cluster each line names the TaskManager whose log it came from.
"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";

export function LogsView({ runId, active }: { runId: string; active: boolean }) {
  const trpc = useTRPC();
  const logs = useQuery({ ...trpc.runs.logs.queryOptions({ runId }), refetchInterval: active ? 1000 : false });
  const lines = logs.data?.lines ?? [];
  if (logs.error) return <pre className="sc-alert sc-alert--bad" data-testid="run-logs-error">{logs.error.message}</pre>;
  return (
    <div className="sc-run__logs" data-testid="run-logs">
      {logs.data && logs.data.dropped > 0 && <p className="sc-muted">{logs.data.dropped} older lines not kept</p>}
      {lines.length === 0 ? <p className="sc-muted" data-testid="run-logs-empty">No console output from TypeScript UDFs.</p> : (
        <pre className="sc-code">
          {lines.map((l) => (
            <div key={l.seq} data-testid="run-log-line" data-level={l.level}>
              <span className="sc-muted">{new Date(l.time).toLocaleTimeString()} [{l.udf}] </span>
              {l.taskManager && <span className="sc-muted" data-testid="run-log-taskmanager">{l.taskManager}: </span>}{l.line}
            </div>
          ))}
        </pre>
      )}
    </div>
  );
}
