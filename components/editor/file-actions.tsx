// Export the pipeline as a Git-friendly file, or import one (replacing the canvas, undoable); bad files name the field.
"use client";
import { useRef, useState } from "react";
import { useCanvasStoreApi } from "@/components/canvas/store-context";
import { toGraph } from "@/components/canvas/store";
import { describeFileErrors, FILE_EXTENSION, formatPipelineFile, parsePipelineFile } from "@/pipeline/format";

const fileName = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "pipeline"}${FILE_EXTENSION}`;

export function FileActions() {
  const store = useCanvasStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  const exportFile = () => {
    const graph = toGraph(store.getState());
    const url = URL.createObjectURL(new Blob([formatPipelineFile(graph)], { type: "application/json" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: fileName(graph.name) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const r = parsePipelineFile(await file.text());
    if (input.current) input.current.value = ""; // the same file may be picked again after a fix
    if (!r.ok) return setError(`${file.name} was not imported:\n${describeFileErrors(r.errors)}`);
    setError(null);
    store.getState().replaceGraph(r.graph, true);
  };

  return (
    <>
      <button type="button" className="sc-button sc-button--small" data-testid="export-file" onClick={exportFile}
        title="Download this pipeline as a file (stable format, readable in a Git diff)">Export</button>
      <button type="button" className="sc-button sc-button--small" data-testid="import-file" onClick={() => input.current?.click()}
        title="Replace the canvas with a pipeline file (undo brings this one back)">Import</button>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="import-file-input"
        onChange={(e) => void importFile(e.target.files?.[0])} />
      {error && (
        <div className="sc-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setError(null)}>
          <div className="sc-dialog" role="dialog" aria-label="Import failed" onKeyDown={(e) => e.key === "Escape" && setError(null)}>
            <pre className="sc-alert sc-alert--bad" data-testid="import-error">{error}</pre>
            <button type="button" autoFocus className="sc-button sc-button--small" onClick={() => setError(null)}>Close</button>
          </div>
        </div>
      )}
    </>
  );
}
