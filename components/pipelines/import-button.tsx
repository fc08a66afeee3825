// "Import file" on the pipeline list: a pipeline file (see pipeline/format.ts) becomes a new pipeline, then opens.
"use client";
import { useRef } from "react";
import { describeFileErrors, parsePipelineFile } from "@/pipeline/format";
import type { PipelineGraph } from "@/pipeline/graph";

type Props = { onGraph(graph: PipelineGraph): void; onError(message: string): void };

export function ImportButton({ onGraph, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const read = async (file: File | undefined) => {
    if (!file) return;
    const r = parsePipelineFile(await file.text());
    if (input.current) input.current.value = "";
    if (r.ok) onGraph(r.graph);
    else onError(`${file.name} was not imported:\n${describeFileErrors(r.errors)}`);
  };
  return (
    <>
      <button type="button" className="sc-button" data-testid="import-pipeline" onClick={() => input.current?.click()}
        title="Create a pipeline from an exported file">Import file</button>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="import-pipeline-input"
        onChange={(e) => void read(e.target.files?.[0])} />
    </>
  );
}
