// Job page side panels: checkpoints, exceptions (root cause first, history below), Flink vertices, UDF log lines.
"use client";
import { LogsView } from "./logs-view";
import { fmtBytes, fmtDuration, fmtRate, fmtShare, fmtTime } from "./format";
import type { JobSnapshot } from "./monitor-types";

export function CheckpointsPanel({ c }: { c: JobSnapshot["checkpoints"] }) {
  return (
    <section className="sc-panel" data-testid="checkpoints-panel">
      <h3>Checkpoints</h3>
      {!c ? <p className="sc-muted">No checkpoint figures.</p> : (
        <dl className="sc-dl">
          <dt>completed</dt><dd data-testid="checkpoints-completed">{c.completed}</dd>
          <dt>failed</dt><dd data-testid="checkpoints-failed">{c.failed}</dd>
          <dt>in progress</dt><dd>{c.inProgress}</dd>
          <dt>last</dt><dd>{fmtTime(c.lastAt)} · {fmtDuration(c.lastDurationMs)} · {fmtBytes(c.lastSizeBytes)}</dd>
          {c.failed > 0 && (
            <>
              <dt>last failure</dt>
              <dd className={c.lastFailure ? "sc-bad" : "sc-muted"} data-testid="checkpoint-failure" data-from={c.lastFailureFrom ?? ""}>
                {c.lastFailure
                  ? <>{c.lastFailure}{c.lastFailureFrom === "runner-log" && <span className="sc-muted"> (from the runner&apos;s log)</span>}</>
                  : "Flink gave no reason: its checkpoint history and the runner's log have no message for it."}
              </dd>
            </>
          )}
          {c.lastSavepoint && (<><dt>last savepoint</dt><dd><code>{c.lastSavepoint}</code></dd></>)}
          {c.restoredFrom && (<><dt>restored from</dt><dd><code data-testid="restored-from">{c.restoredFrom}</code></dd></>)}
        </dl>
      )}
    </section>
  );
}

export function ExceptionsPanel({ x }: { x: JobSnapshot["exceptions"] }) {
  return (
    <section className="sc-panel" data-testid="exceptions-panel">
      <h3>Exceptions</h3>
      {!x.rootCause ? <p className="sc-muted">None.</p> : (
        <>
          <div className="sc-alert sc-alert--bad">
            <strong data-testid="exception-root-cause">{x.rootCause.rootCause}</strong>
            <div className="sc-muted">{fmtTime(x.rootCause.time)}{x.rootCause.task ? ` · ${x.rootCause.task}` : ""}</div>
            {x.rootCause.causeFrom && (
              <div className="sc-muted" data-testid="exception-cause-from">
                from the runner&apos;s log: this failure took its TaskManager down, so Flink recorded only
                &ldquo;{x.rootCause.flinkCause}&rdquo;
              </div>
            )}
            {x.rootCause.nodes.length > 0 && (
              <div data-testid="exception-nodes">at node{x.rootCause.nodes.length > 1 ? "s" : ""} {x.rootCause.nodes.join(", ")}</div>
            )}
          </div>
          <ol className="sc-exc-history" data-testid="exception-history">
            {x.history.map((e, i) => (
              <li key={i}>
                <details>
                  <summary>{fmtTime(e.time)} · {e.rootCause}</summary>
                  <pre>{e.stack}</pre>
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export function VerticesPanel({ s }: { s: JobSnapshot }) {
  return (
    <section className="sc-panel sc-panel--wide" data-testid="vertices-panel">
      <h3>Flink vertices</h3>
      <table className="sc-table">
        <thead><tr><th>Vertex</th><th>Par.</th><th>Status</th><th>In</th><th>Out</th><th>Busy</th><th>Backpr.</th></tr></thead>
        <tbody>
          {s.vertices.map((v) => (
            <tr key={v.id} data-testid="vertex-row">
              <td title={v.id}>{v.name}</td><td>{v.parallelism}</td><td>{v.status}</td>
              <td>{fmtRate(v.inRate)}</td><td>{fmtRate(v.outRate)}</td><td>{fmtShare(v.busy)}</td><td>{fmtShare(v.backpressured)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The UDF log lines of the job: a slot until the runner's per-job UDF log API is available here. */
/** console.* lines of the run's TypeScript UDFs (the runner keeps them per job, rate-limited); none for a job StreamCanvas did not start. */
export function UdfLogPanel({ runId, active }: { runId: string | null; active: boolean }) {
  return (
    <section className="sc-panel" data-testid="udf-log-panel">
      <h3>UDF log</h3>
      {runId ? <LogsView runId={runId} active={active} /> : <p className="sc-muted">Not a StreamCanvas run: it has no TypeScript UDF log.</p>}
    </section>
  );
}
