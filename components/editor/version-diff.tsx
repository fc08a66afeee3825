// An old version drawn against the current graph, read-only: added / removed / changed nodes marked, config changes listed.
"use client";
import { ReactFlowProvider } from "@xyflow/react";
import { useMemo } from "react";
import { Canvas } from "@/components/canvas/canvas";
import { createCanvasStore } from "@/components/canvas/store";
import { CanvasStoreProvider } from "@/components/canvas/store-context";
import { ValidationProvider } from "@/components/canvas/validation";
import { diffGraphs, diffOverlay, isEmptyDiff } from "@/pipeline/diff";
import type { PipelineGraph } from "@/pipeline/graph";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

type Props = { number: number; version: PipelineGraph; current: PipelineGraph; onRestore(): void; onClose(): void };

export function VersionDiff({ number, version, current, onRestore, onClose }: Props) {
  const diff = useMemo(() => diffGraphs(version, current), [version, current]);
  const store = useMemo(() => {
    const { graph, marks } = diffOverlay(version, current, diff);
    const s = createCanvasStore(graph);
    s.getState().setMarks(marks);
    return s;
  }, [version, current, diff]);
  return (
    <div className="sc-dialog-backdrop sc-diff-backdrop" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <div className="sc-dialog sc-diff" role="dialog" aria-label={`Version ${number} compared with the current graph`} data-testid="version-diff">
        <div className="sc-diff__head">
          <h2 className="sc-dialog__title">Version {number} → current</h2>
          <span className="sc-diff__legend"><i className="is-added" /> added <i className="is-changed" /> changed <i className="is-removed" /> removed</span>
          <button type="button" className="sc-button sc-button--small" data-testid="version-restore" onClick={onRestore}>Restore version {number}</button>
          <button type="button" autoFocus className="sc-button sc-button--small" data-testid="version-diff-close" onClick={onClose}>Close</button>
        </div>
        <div className="sc-diff__body">
          <CanvasStoreProvider store={store}>
            <ValidationProvider>
              <ReactFlowProvider>
                <Canvas readOnly />
              </ReactFlowProvider>
            </ValidationProvider>
          </CanvasStoreProvider>
          <ul className="sc-diff__list" data-testid="version-diff-list">
            {isEmptyDiff(diff) && <li className="sc-muted">No differences (positions aside).</li>}
            {diff.renamed && <li>renamed “{diff.renamed.from}” → “{diff.renamed.to}”</li>}
            {diff.settings.map((f) => (
              <li key={`s-${f.field}`} data-testid="diff-settings"><b className="is-changed">run setting</b> <code>{f.field}</code>: <s>{show(f.from)}</s> → <code>{show(f.to)}</code></li>
            ))}
            {diff.added.map((id) => <li key={`a-${id}`} data-testid={`diff-added-${id}`}><b className="is-added">added</b> {id}</li>)}
            {diff.removed.map((id) => <li key={`r-${id}`} data-testid={`diff-removed-${id}`}><b className="is-removed">removed</b> {id}</li>)}
            {diff.changed.map((c) => (
              <li key={`c-${c.id}`} data-testid={`diff-changed-${c.id}`}>
                <b className="is-changed">changed</b> {c.id}
                <ul>
                  {c.changes.map((f) => (
                    <li key={f.field}><code>{f.field}</code>: <s>{show(f.from)}</s> → <code>{show(f.to)}</code></li>
                  ))}
                </ul>
              </li>
            ))}
            {diff.edgesAdded.map((e) => <li key={`ea-${e.id}`}><b className="is-added">edge</b> {e.from.node} → {e.to.node}</li>)}
            {diff.edgesRemoved.map((e) => <li key={`er-${e.id}`}><b className="is-removed">edge</b> {e.from.node} → {e.to.node}</li>)}
          </ul>
        </div>
      </div>
    </div>
  );
}
