// Propose columns for a source kind that can sample its data (kind.source.sample): the server reads a sample and
// proposes names and Flink types, the user edits them and uses them as the node's columns. One piece for every such
// source (the Files source now, a Kafka source's sampled messages later).
"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { NodeKind } from "@/pipeline/kinds/define";
import type { ColumnProposal, ProposedColumn } from "@/pipeline/sample/request";
import { useTRPC } from "@/components/trpc/client";
import { describeError } from "@/components/monitor/describe-error";

export function ProposeColumns({ kind, config, onApply }: { kind: NodeKind<unknown>; config: unknown; onApply(next: unknown): void }) {
  const trpc = useTRPC();
  const propose = useMutation(trpc.sample.proposeColumns.mutationOptions());
  const [draft, setDraft] = useState<{ proposal: ColumnProposal; columns: ProposedColumn[] } | null>(null);
  const sample = kind.source?.sample;
  if (!sample) return null;
  // a new node's config holds only what the user set; the kind's defaults fill the rest, as validation's parse does
  const full = { ...(kind.defaults as object), ...(config as object) };
  const run = async () => {
    const r = await propose.mutateAsync(sample.request(full));
    setDraft(r.ok ? { proposal: r.proposal, columns: r.proposal.columns } : null);
  };
  const answer = propose.data;
  const edit = (i: number, patch: Partial<ProposedColumn>) =>
    setDraft((d) => d && { ...d, columns: d.columns.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <section className="sc-propose" data-testid="propose-columns">
      <div className="sc-try__bar">
        <button type="button" className="sc-button" data-testid="propose-columns-button" disabled={propose.isPending}
          onClick={() => void run().catch(() => {})}>
          {propose.isPending ? "Reading a sample…" : "Propose columns"}
        </button>
        <span className="sc-muted">from the first rows of the data</span>
      </div>
      {propose.error && <pre className="sc-alert sc-alert--bad" data-testid="propose-error">{describeError(propose.error)}</pre>}
      {answer && !answer.ok && (
        <p className="sc-field__error" data-testid="propose-error" data-field={answer.field}>{answer.field}: {answer.message}</p>
      )}
      {draft && (
        <div className="sc-propose__draft" data-testid="propose-draft">
          <p className="sc-muted" data-testid="propose-source">{draft.proposal.source}. Edit the names and types, then use them.</p>
          <table className="sc-propose__table">
            <thead><tr><th>Name</th><th>Type</th></tr></thead>
            {draft.columns.map((c, i) => (
              // a tbody per column: its two inputs, then its sample values beneath, so both inputs get half the width
              <tbody key={i}>
                <tr data-testid="proposed-column">
                  <td><input className="sc-input sc-input--mono" aria-label={`column ${i + 1} name`} data-testid={`proposed-name-${i}`}
                    value={c.name} onChange={(e) => edit(i, { name: e.target.value })} /></td>
                  <td><input className="sc-input sc-input--mono" aria-label={`column ${i + 1} type`} data-testid={`proposed-type-${i}`}
                    value={c.type} onChange={(e) => edit(i, { type: e.target.value })} /></td>
                </tr>
                <tr>
                  <td colSpan={2} className="sc-propose__sample" title={draft.proposal.rows.map((r) => r[i] ?? "").join("\n")}>
                    {draft.proposal.rows.slice(0, 3).map((r) => r[i] ?? "∅").join(" · ")}
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
          <div className="sc-try__bar">
            <button type="button" className="sc-button" data-testid="propose-apply"
              onClick={() => (onApply(sample.apply(full, draft.columns)), setDraft(null))}>Use these columns</button>
            <button type="button" className="sc-button sc-button--ghost" data-testid="propose-discard" onClick={() => setDraft(null)}>Discard</button>
          </div>
        </div>
      )}
    </section>
  );
}
