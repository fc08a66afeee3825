// Connections page: the named connections (Kafka clusters…) pipelines refer to, with New / Edit / Test / Remove.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { ConnectionView } from "@/server/connections/service";
import { ConnectionForm } from "./connection-form";
import { TestResult } from "./test-result";

export function ConnectionsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.connections.list.queryOptions());
  const [editing, setEditing] = useState<ConnectionView | "new" | null>(null);
  const remove = useMutation(trpc.connections.remove.mutationOptions());
  const test = useMutation(trpc.connections.test.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.connections.list.queryKey() });
  const done = () => (setEditing(null), void refresh());
  return (
    <div className="sc-jobs sc-connections" data-testid="connections-page">
      <div className="sc-jobs__bar">
        <h1>Connections</h1>
        <button type="button" className="sc-button sc-button--primary" data-testid="connection-new" onClick={() => setEditing("new")}>New connection</button>
      </div>
      <p className="sc-muted">Pipelines name a connection; its secrets are sealed on this server and joined in only when a job is sent to Flink.</p>
      {editing && <ConnectionForm key={editing === "new" ? "new" : editing.name} saved={editing === "new" ? undefined : editing} onDone={done} />}
      {list.isLoading && <p className="sc-muted">Loading connections…</p>}
      {list.data && (
        <table className="sc-table" data-testid="connections-table">
          <thead><tr><th>Name</th><th>Kind</th><th>Where</th><th>Secrets</th><th /></tr></thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.name} data-testid="connection-row" data-name={c.name}>
                <td>{c.name}</td>
                <td>{c.title}</td>
                <td data-testid="connection-summary">{c.summary}</td>
                <td>{Object.entries(c.secretsSet).filter(([, set]) => set).map(([k]) => k).join(", ") || "—"}</td>
                <td className="sc-connections__actions">
                  <button type="button" className="sc-button" data-testid="connection-row-test" onClick={() => test.mutate({ name: c.name })}>Test</button>
                  <button type="button" className="sc-button" data-testid="connection-edit" onClick={() => setEditing(c)}>Edit</button>
                  <button type="button" className="sc-button" data-testid="connection-remove"
                    onClick={() => confirm(`Remove connection "${c.name}"? Pipelines naming it will not run until it exists again.`) && remove.mutate({ name: c.name }, { onSuccess: refresh })}>Remove</button>
                </td>
              </tr>
            ))}
            {list.data.length === 0 && <tr><td colSpan={5} className="sc-muted">No connections yet.</td></tr>}
          </tbody>
        </table>
      )}
      {test.variables && <div data-testid="connection-row-test-of" data-name={test.variables.name}>
        <TestResult pending={test.isPending} result={test.data} error={test.error?.message} />
      </div>}
    </div>
  );
}
