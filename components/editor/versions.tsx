// Save (keeps a numbered version) and the Versions list: compare any version with the canvas, or restore it (undoable).
"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCanvasStoreApi } from "@/components/canvas/store-context";
import { toGraph } from "@/components/canvas/store";
import { describeError } from "@/components/monitor/describe-error";
import { useTRPC, useTRPCClient } from "@/components/trpc/client";
import type { PipelineGraph } from "@/pipeline/graph";
import { VersionDiff } from "./version-diff";

type Props = { pipelineId: string; saveVersion(): Promise<number> };

export function Versions({ pipelineId, saveVersion }: Props) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const store = useCanvasStoreApi();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ number: number; graph: PipelineGraph } | null>(null);
  const list = useQuery({ ...trpc.versions.list.queryOptions({ id: pipelineId }), enabled: open });

  const save = async () => {
    try {
      const n = await saveVersion();
      setNote(`saved as version ${n}`);
      await qc.invalidateQueries({ queryKey: trpc.versions.list.queryKey({ id: pipelineId }) });
    } catch (e) {
      setNote(describeError(e));
    }
  };
  const openCompare = async (number: number) => {
    const v = await client.versions.get.query({ id: pipelineId, number });
    setCompare({ number, graph: v.graph });
  };
  const restore = () => {
    if (!compare) return;
    store.getState().replaceGraph({ ...compare.graph, name: store.getState().name }, true);
    setCompare(null);
    setOpen(false);
  };

  return (
    <>
      <button type="button" className="sc-button sc-button--small" data-testid="save-version" onClick={() => void save()}
        title="Save now and keep this graph as a numbered version">Save version</button>
      <button type="button" className="sc-button sc-button--small" data-testid="versions-open" onClick={() => { setOpen((v) => !v); setNote(null); }}
        aria-expanded={open}>Versions</button>
      {note && <span className="sc-muted" data-testid="version-note">{note}</span>}
      {open && (
        <div className="sc-versions" data-testid="versions" role="region" aria-label="Versions">
          {list.isLoading && <div className="sc-muted">Loading…</div>}
          {list.data?.length === 0 && <div className="sc-muted">No versions yet: Save version or Run keeps one.</div>}
          {list.data?.map((v) => (
            <div key={v.number} className="sc-versions__row" data-testid={`version-${v.number}`}>
              <b>v{v.number}</b>
              <span className="sc-muted">{v.reason === "run" ? "run" : "saved"} · {new Date(v.createdAt).toLocaleString()} · {v.nodeCount} nodes</span>
              <button type="button" className="sc-button sc-button--small" data-testid={`version-compare-${v.number}`}
                onClick={() => void openCompare(v.number)}>Compare / restore</button>
            </div>
          ))}
        </div>
      )}
      {compare && (
        <VersionDiff number={compare.number} version={compare.graph} current={toGraph(store.getState())}
          onRestore={restore} onClose={() => setCompare(null)} />
      )}
    </>
  );
}
