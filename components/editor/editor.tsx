// The pipeline editor: loads the pipeline (or a newer local draft), then palette | canvas | inspector over the run panel.
"use client";
import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useState } from "react";
import { Canvas } from "@/components/canvas/canvas";
import { Palette } from "@/components/canvas/palette";
import { createCanvasStore } from "@/components/canvas/store";
import { CanvasStoreProvider, useCanvas } from "@/components/canvas/store-context";
import { ValidationProvider } from "@/components/canvas/validation";
import { Inspector } from "@/components/inspector/inspector";
import { describeError } from "@/components/monitor/describe-error";
import { RunPanel } from "@/components/monitor/run-panel";
import { PreviewProvider } from "@/components/preview/preview-context";
import { useTRPC } from "@/components/trpc/client";
import type { PipelineGraph } from "@/pipeline/graph";
import { readDraft, toMillis } from "./draft";
import { FileActions } from "./file-actions";
import { K8sExport } from "./k8s-export";
import { SaveIndicator } from "./save-indicator";
import { useAutosave } from "./use-autosave";
import { Versions } from "./versions";

type Loaded = { id: string; graph: PipelineGraph; revision: number; updatedAt: unknown };

export function Editor({ id }: { id: string }) {
  const trpc = useTRPC();
  // Loaded once: after that the canvas store is the truth and autosave pushes it; refetching would fight the user.
  const q = useQuery({ ...trpc.pipelines.get.queryOptions({ id }), staleTime: Infinity, gcTime: 0, refetchOnMount: "always" });
  if (q.error) {
    return (
      <div className="sc-page">
        <pre className="sc-alert sc-alert--bad" data-testid="load-error">{describeError(q.error)}</pre>
        <Link href="/">← All pipelines</Link>
      </div>
    );
  }
  if (!q.data) return <div className="sc-page sc-muted">Loading pipeline…</div>;
  return <LoadedEditor key={id} pipeline={q.data as Loaded} />;
}

function LoadedEditor({ pipeline }: { pipeline: Loaded }) {
  // A local draft newer than the server copy means the last edits never reached the server: restore and push them.
  // It is pushed against the revision it was based on, so if the server copy moved on since, that is a conflict.
  const [{ store, restored, baseRevision }] = useState(() => {
    const draft = readDraft(pipeline.id);
    const useDraft = !!draft && draft.savedAt > toMillis(pipeline.updatedAt);
    return {
      store: createCanvasStore(useDraft ? draft.graph : pipeline.graph),
      restored: useDraft,
      baseRevision: useDraft ? draft.baseRevision : pipeline.revision,
    };
  });
  const { status, flush, keepMine, useSaved, saveVersion, fork } = useAutosave(pipeline.id, store, baseRevision, restored);
  return (
    <CanvasStoreProvider store={store}>
      <ValidationProvider>
        <PreviewProvider pipelineId={pipeline.id}>
        <ReactFlowProvider>
          <div className="sc-editor" data-testid="editor">
            <div className="sc-toolbar">
              <Link href="/" className="sc-toolbar__back" data-testid="back-link">← Pipelines</Link>
              <PipelineName />
              <SaveIndicator status={status} restored={restored} onKeepMine={() => void keepMine().catch(() => {})} onUseSaved={useSaved}
                onFork={() => void fork().catch(() => {})} />
              <span className="sc-toolbar__actions">
                <Versions pipelineId={pipeline.id} saveVersion={saveVersion} />
                <FileActions />
                <K8sExport />
              </span>
            </div>
            <Palette />
            <Canvas />
            <Inspector />
            <RunPanel pipelineId={pipeline.id} flush={flush} />
          </div>
        </ReactFlowProvider>
        </PreviewProvider>
      </ValidationProvider>
    </CanvasStoreProvider>
  );
}

function PipelineName() {
  const name = useCanvas((s) => s.name);
  const setName = useCanvas((s) => s.setName);
  return (
    <input className="sc-toolbar__name" data-testid="pipeline-name" value={name} aria-label="Pipeline name"
      maxLength={200} spellCheck={false} onChange={(e) => setName(e.target.value)} />
  );
}
