// The Preview tab: which node, progress while the job runs, up to 100 rows with column names and types, why it is
// empty (hints from the upstream sample counts), or the error, and the live-preview switch.
"use client";
import { ErrorList } from "@/components/inspector/error-list";
import { RowsTable } from "@/components/monitor/rows-table";
import { usePreview, usePreviewApi } from "./preview-context";

export function PreviewPanel() {
  const api = usePreviewApi();
  const s = usePreview((x) => x);
  const sample = s.result ? s.result.samples[s.result.target] : undefined;
  return (
    <div className="sc-preview" data-testid="preview-panel" data-phase={s.phase} data-node={s.nodeId ?? ""}>
      <div className="sc-preview__bar">
        <label className="sc-preview__live">
          <input type="checkbox" data-testid="preview-live" checked={s.live} onChange={(e) => api?.setLive(e.target.checked)} />
          Live preview
        </label>
        {s.nodeId && <span className="sc-muted">node <code>{s.nodeId}</code>{s.result && s.result.target !== s.nodeId && <> (receives <code>{s.result.target}</code>)</>}</span>}
        {s.phase === "running" && (
          <span className="sc-muted" data-testid="preview-progress">
            {s.progress ? `${s.progress.status.toLowerCase()} · ${Object.entries(s.progress.counts).map(([id, n]) => `${id} ${n}`).join(" · ")}` : "starting…"}
          </span>
        )}
        {s.result && s.phase === "done" && (
          <span className="sc-muted" data-testid="preview-status">
            {s.result.status === "FINISHED" ? "done" : s.result.stoppedBy === "time-limit" ? "stopped at the time limit" : s.result.status.toLowerCase()}
            {` in ${(s.result.elapsedMs / 1000).toFixed(1)} s`}
          </span>
        )}
        {s.result && (
          <span className="sc-muted" data-testid="preview-cluster" data-cluster={s.result.cluster.name}>
            on {s.result.cluster.url ? `${s.result.cluster.name} (${s.result.cluster.url})` : "the embedded cluster"}
          </span>
        )}
      </div>
      {s.phase === "idle" && <p className="sc-muted">Select a node and press Preview to see sample rows of its output; sinks are not written.</p>}
      {s.phase === "invalid" && <ErrorList errors={s.errors} testId="preview-errors" withNode />}
      {s.phase === "failed" && <pre className="sc-alert sc-alert--bad" data-testid="preview-error">{s.message}</pre>}
      {s.result?.error && (
        <div className="sc-alert sc-alert--bad" data-testid="preview-error">
          <strong>{s.result.error.message}</strong>
          {s.result.error.rootCause && <pre>{s.result.error.rootCause}</pre>}
        </div>
      )}
      {s.result && s.result.hints.length > 0 && (
        <ul className="sc-preview__hints" data-testid="preview-hints">
          {s.result.hints.map((h) => <li key={h.nodeId}>{h.message}</li>)}
        </ul>
      )}
      {sample && <RowsTable sinkId={s.result!.target} result={sample} />}
    </div>
  );
}

/** The inspector's Preview button for the selected node. */
export function PreviewButton({ nodeId }: { nodeId: string }) {
  const api = usePreviewApi();
  const running = usePreview((s) => s.phase === "running" && s.nodeId === nodeId);
  if (!api) return null;
  return (
    <button type="button" className="sc-button" data-testid="preview-button" disabled={running}
      title="Run the part of the pipeline up to this node on sample data (sinks are not written)" onClick={() => api.start(nodeId)}>
      {running ? "Previewing…" : "Preview"}
    </button>
  );
}

/** Sample count on an edge of the last preview. */
export function PreviewEdgeBadge({ edgeId, x, y }: { edgeId: string; x: number; y: number }) {
  const n = usePreview((s) => (s.phase === "done" ? s.result?.edgeCounts[edgeId] : undefined));
  if (n === undefined) return null;
  return (
    <div className="sc-edge__count nodrag nopan" data-testid={`edge-count-${edgeId}`} title={`${n} sample rows in the last preview`}
      style={{ transform: `translate(-50%, 0) translate(${x}px, ${y + 10}px)` }}>
      {n} rows
    </div>
  );
}

/** On a node: its sample count in the last preview, or the preview's failure when it is this node's. */
export function PreviewNodeMark({ nodeId }: { nodeId: string }) {
  const mark = usePreview((s) => {
    if (s.phase === "failed" && s.nodeId === nodeId) return "!preview failed";
    const r = s.phase === "done" ? s.result : null;
    if (!r) return null;
    const mentions = r.error && (r.error.rootCause ?? r.error.message).includes(`"${nodeId}"`);
    if (r.error && (mentions || r.nodeId === nodeId)) return "!preview failed";
    if (r.hints.some((h) => h.nodeId === nodeId)) return "!0 rows";
    const n = r.counts[nodeId];
    return n === undefined ? null : `${n} sample row${n === 1 ? "" : "s"}`;
  }); // a string, so the selector's result compares equal between renders
  if (!mark) return null;
  const bad = mark.startsWith("!");
  return <div className={`sc-node__preview${bad ? " is-bad" : ""}`} data-testid={`node-preview-${nodeId}`}>{bad ? mark.slice(1) : mark}</div>;
}
