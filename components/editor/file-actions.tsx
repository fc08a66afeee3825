// Export the pipeline as a Git-friendly file, or import one: a file that does not read (a field, an edge to a node or
// port that does not exist) is refused naming each problem; over a non-empty canvas it asks first; undo brings it back.
"use client";
import { useRef, useState } from "react";
import { useCanvasStoreApi } from "@/components/canvas/store-context";
import { toGraph } from "@/components/canvas/store";
import { describeFileErrors, FILE_EXTENSION, formatPipelineFile, parsePipelineFile } from "@/pipeline/format";
import type { PipelineGraph } from "@/pipeline/graph";
import { graphConnections } from "@/pipeline/connections/graph-refs";
import { useTRPCClient } from "@/components/trpc/client";
import { MissingConnections } from "@/components/connections/missing-connections";

const fileName = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "pipeline"}${FILE_EXTENSION}`;

export function FileActions() {
  const store = useCanvasStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ file: string; graph: PipelineGraph } | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const client = useTRPCClient();

  const exportFile = () => {
    const graph = toGraph(store.getState());
    const url = URL.createObjectURL(new Blob([formatPipelineFile(graph)], { type: "application/json" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: fileName(graph.name) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const replace = (graph: PipelineGraph) => {
    setAsking(null);
    store.getState().replaceGraph(graph, true);
    // a file carries connection names only: say which of them this server lacks
    const names = [...new Set(graphConnections(graph).map((r) => r.connection))];
    setMissing([]);
    if (names.length) void client.connections.missing.query({ names }).then(setMissing, () => {});
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const r = parsePipelineFile(await file.text());
    if (input.current) input.current.value = ""; // the same file may be picked again after a fix
    if (!r.ok) return setError(`${file.name} was not imported:\n${describeFileErrors(r.errors)}`);
    setError(null);
    // an empty canvas has nothing to lose; otherwise the user confirms (and can still undo)
    if (store.getState().nodes.length === 0) replace(r.graph);
    else setAsking({ file: file.name, graph: r.graph });
  };

  return (
    <>
      <button type="button" className="sc-button sc-button--small" data-testid="export-file" onClick={exportFile}
        title="Download this pipeline as a file (stable format, readable in a Git diff)">Export</button>
      <button type="button" className="sc-button sc-button--small" data-testid="import-file" onClick={() => input.current?.click()}
        title="Replace the canvas with a pipeline file (undo brings this one back)">Import</button>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="import-file-input"
        onChange={(e) => void importFile(e.target.files?.[0])} />
      {missing.length > 0 && (
        <div className="sc-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setMissing([])}>
          <div className="sc-dialog" role="dialog" aria-label="Connections to create" onKeyDown={(e) => e.key === "Escape" && setMissing([])}>
            <MissingConnections missing={missing} />
            <button type="button" autoFocus className="sc-button sc-button--small" data-testid="import-missing-close" onClick={() => setMissing([])}>Close</button>
          </div>
        </div>
      )}
      {error && (
        <div className="sc-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setError(null)}>
          <div className="sc-dialog" role="dialog" aria-label="Import failed" onKeyDown={(e) => e.key === "Escape" && setError(null)}>
            <pre className="sc-alert sc-alert--bad" data-testid="import-error">{error}</pre>
            <button type="button" autoFocus className="sc-button sc-button--small" onClick={() => setError(null)}>Close</button>
          </div>
        </div>
      )}
      {asking && (
        <div className="sc-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setAsking(null)}>
          <div className="sc-dialog" role="dialog" aria-label="Replace the canvas?" data-testid="import-confirm"
            onKeyDown={(e) => e.key === "Escape" && setAsking(null)}>
            <h2 className="sc-dialog__title">Replace this pipeline with {asking.file}?</h2>
            <p>
              Its {asking.graph.nodes.length} node{asking.graph.nodes.length === 1 ? "" : "s"} replace the {store.getState().nodes.length} on
              the canvas. Undo (Ctrl/⌘ Z) brings the current pipeline back.
            </p>
            <div className="sc-dialog__actions">
              <button type="button" autoFocus className="sc-button sc-button--small" data-testid="import-confirm-cancel" onClick={() => setAsking(null)}>
                Cancel
              </button>
              <button type="button" className="sc-button sc-button--small sc-button--primary" data-testid="import-confirm-replace"
                onClick={() => replace(asking.graph)}>
                Replace
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
