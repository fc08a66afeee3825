// The home page: saved pipelines (name, node count, last update) and buttons to create one, blank or from an example.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { describeError } from "@/components/monitor/describe-error";
import { StatusBadge } from "@/components/monitor/status-badge";
import type { PipelineGraph } from "@/pipeline/graph";
import { MissingConnections } from "@/components/connections/missing-connections";
import { ImportButton } from "./import-button";

function ago(t: string | number | Date): string {
  const s = Math.round((Date.now() - new Date(t).getTime()) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(t).toLocaleDateString();
}

export function PipelineList() {
  const trpc = useTRPC();
  const router = useRouter();
  const qc = useQueryClient();
  const list = useQuery(trpc.pipelines.list.queryOptions());
  const examples = useQuery(trpc.examples.list.queryOptions());
  const runs = useQuery(trpc.runs.list.queryOptions());
  // runs.list is newest first, so the first run seen per pipeline is its latest.
  const lastRun = new Map<string, { status: string; target: string | null }>();
  for (const r of runs.data ?? []) if (!lastRun.has(r.pipelineId)) lastRun.set(r.pipelineId, r);
  const create = useMutation(trpc.pipelines.create.mutationOptions());
  const remove = useMutation(trpc.pipelines.delete.mutationOptions({
    onSuccess: () => qc.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey() }),
  }));
  const [showExamples, setShowExamples] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<{ id: string; missing: string[] } | null>(null);

  const open = async (input: { example?: string; graph?: PipelineGraph }) => {
    setError(null);
    try {
      const { id, missingConnections } = await create.mutateAsync(input);
      // stay here to say which connections an imported pipeline needs before it can run
      if (missingConnections.length) setImported({ id, missing: missingConnections });
      else router.push(`/pipelines/${id}`);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <div className="sc-page">
      <div className="sc-page__head">
        <h1>Pipelines</h1>
        <div className="sc-page__actions">
          <ImportButton onGraph={(graph) => void open({ graph })} onError={setError} />
          <button type="button" className="sc-button" data-testid="from-example"
            onClick={() => setShowExamples((v) => !v)}>From example ▾</button>
          <button type="button" className="sc-button sc-button--primary" data-testid="new-pipeline"
            disabled={create.isPending} onClick={() => open({})}>+ New pipeline</button>
        </div>
      </div>
      {showExamples && (
        <div className="sc-examples" data-testid="examples">
          {examples.data?.map((ex) => (
            <button key={ex.file} type="button" className="sc-example" data-testid={`example-${ex.file}`}
              onClick={() => open({ example: ex.file })}>
              <strong>{ex.name}</strong>
              <span className="sc-muted">{ex.description}</span>
            </button>
          ))}
          {examples.data?.length === 0 && <span className="sc-muted">No examples found.</span>}
        </div>
      )}
      {error && <pre className="sc-alert sc-alert--bad" data-testid="list-error">{error}</pre>}
      {imported && (
        <MissingConnections missing={imported.missing}>
          <Link href={`/pipelines/${imported.id}`} data-testid="import-open">Open the imported pipeline</Link>
        </MissingConnections>
      )}
      <table className="sc-list" data-testid="pipeline-list">
        <thead>
          <tr>
            <th>Name</th><th className="sc-num sc-list__narrow">Nodes</th><th className="sc-list__wide">Last run</th>
            <th className="sc-list__wide">Updated</th><th />
          </tr>
        </thead>
        <tbody>
          {list.data?.map((p) => (
            <tr key={p.id} data-testid={`pipeline-row-${p.id}`}>
              <td>
                <Link href={`/pipelines/${p.id}`} data-testid={`open-pipeline-${p.id}`} className="sc-list__name">{p.name}</Link>
              </td>
              <td className="sc-num">{p.nodeCount}</td>
              <td data-testid={`last-run-${p.id}`}>
                {lastRun.has(p.id) ? <>
                  <StatusBadge status={lastRun.get(p.id)!.status} testId={null} />
                  <span className="sc-muted" data-testid={`last-run-target-${p.id}`}> on {lastRun.get(p.id)!.target ?? "embedded"}</span>
                </> : <span className="sc-muted">—</span>}
              </td>
              <td className="sc-muted" title={new Date(p.updatedAt).toLocaleString()}>{ago(p.updatedAt)}</td>
              <td className="sc-list__actions">
                <button type="button" className="sc-button sc-button--ghost sc-button--small" data-testid={`delete-pipeline-${p.id}`}
                  onClick={() => { if (confirm(`Delete “${p.name}”?`)) remove.mutate({ id: p.id }); }}>Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.isLoading && <p className="sc-muted">Loading…</p>}
      {list.error && <pre className="sc-alert sc-alert--bad">{describeError(list.error)}</pre>}
      {list.data?.length === 0 && <p className="sc-empty">No pipelines yet. Create one, or start from an example.</p>}
    </div>
  );
}

