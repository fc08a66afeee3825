// Flink targets page: the embedded cluster and the remote session clusters runs can go to, each with its last Test
// (Flink version, TaskManagers, slots, or what failed), and New / Edit / Test / Remove.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { LastTest, TargetView } from "@/server/targets/service";
import { TargetForm } from "./target-form";

export function TargetsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.targets.list.queryOptions());
  const [editing, setEditing] = useState<TargetView | "new" | null>(null);
  const remove = useMutation(trpc.targets.remove.mutationOptions());
  const test = useMutation(trpc.targets.test.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.targets.list.queryKey() });
  const done = () => (setEditing(null), void refresh());
  const envDefault = list.data?.default ?? null;
  return (
    <div className="sc-jobs sc-connections" data-testid="targets-page">
      <div className="sc-jobs__bar">
        <h1>Flink targets</h1>
        <button type="button" className="sc-button sc-button--primary" data-testid="target-new" onClick={() => setEditing("new")}>New target</button>
      </div>
      <p className="sc-muted">
        Runs go to the embedded cluster unless the run panel names a target. A remote session cluster must run Flink {"2.3.x"}, and each
        TaskManager host needs Node.js ≥ 20 for TypeScript UDFs. Auth headers and truststore passwords are sealed on this server.
      </p>
      {editing && <TargetForm key={editing === "new" ? "new" : editing.name} saved={editing === "new" ? undefined : editing} onDone={done} />}
      {list.isLoading && <p className="sc-muted">Loading targets…</p>}
      {list.data && (
        <table className="sc-table" data-testid="targets-table">
          <thead><tr><th>Name</th><th>REST address</th><th>Auth · TLS</th><th>Last test</th><th /></tr></thead>
          <tbody>
            <tr data-testid="target-row" data-name="embedded" data-default={envDefault === null}>
              <td>embedded{envDefault === null && <DefaultChip />}</td>
              <td className="sc-muted">the runner&apos;s own MiniCluster</td><td>—</td><td>—</td><td />
            </tr>
            {envDefault && (
              <tr data-testid="target-row" data-name="STREAMCANVAS_FLINK_URL" data-default>
                <td>STREAMCANVAS_FLINK_URL<DefaultChip /></td><td>{envDefault}</td><td>—</td><td>—</td><td />
              </tr>
            )}
            {list.data.targets.map((t) => (
              <tr key={t.name} data-testid="target-row" data-name={t.name}>
                <td>{t.name}</td>
                <td data-testid="target-row-url">{t.url}</td>
                <td>{[t.authScheme && `${t.authScheme} header`, t.truststore && `truststore ${t.truststore}`].filter(Boolean).join(" · ") || "—"}</td>
                <td data-testid="target-last-test" data-state={test.isPending && test.variables?.name === t.name ? "pending" : t.lastTest ? (t.lastTest.ok ? "ok" : "failed") : ""}>
                  {test.isPending && test.variables?.name === t.name ? <span className="sc-muted">Testing…</span> : <LastTestCell t={t.lastTest} />}
                </td>
                <td className="sc-connections__actions">
                  <button type="button" className="sc-button" data-testid="target-test" disabled={test.isPending}
                    onClick={() => test.mutate({ name: t.name }, { onSettled: refresh })}>Test</button>
                  <button type="button" className="sc-button" data-testid="target-edit" onClick={() => setEditing(t)}>Edit</button>
                  <button type="button" className="sc-button" data-testid="target-remove"
                    onClick={() => confirm(`Remove target "${t.name}"? Runs on it keep their record; new runs cannot pick it.`) && remove.mutate({ name: t.name }, { onSuccess: refresh })}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {test.error && <p className="sc-field__error" data-testid="target-test-error">{test.error.message}</p>}
    </div>
  );
}

const DefaultChip = () => <span className="sc-chip" data-testid="target-default"> default</span>;

function LastTestCell({ t }: { t: LastTest | null }) {
  if (!t) return <span className="sc-muted">not tested</span>;
  return (
    <span className={t.ok ? "sc-conn-test is-ok" : "sc-field__error"} title={new Date(t.at).toLocaleString()}>
      {t.ok ? "✓ " : "✗ "}<span data-testid="target-test-message">{t.message}</span>
      {t.ok && <span data-testid="target-test-figures" data-task-managers={t.taskManagers} data-slots-total={t.slotsTotal} data-slots-free={t.slotsFree} />}
    </span>
  );
}
