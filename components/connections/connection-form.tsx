// The form of one connection, built from its kind's schema (pipeline/connections): a secret field shows "saved; type
// to replace" once saved and is never filled from the server. Test connects with what is typed, Save keeps it.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { connectionKind, CONNECTION_KINDS } from "@/pipeline/connections";
import { useTRPC } from "@/components/trpc/client";
import type { ConnectionView } from "@/server/connections/service";
import { formFields, parseProperties, printProperties, type FormField } from "@/pipeline/connections/form-fields";
import { TestResult } from "./test-result";

type Issues = { field: string; message: string }[];

function initial(fields: FormField[], saved?: ConnectionView): Record<string, string> {
  return Object.fromEntries(fields.map((f) => {
    const v = saved?.fields[f.key] ?? f.default;
    return [f.key, f.widget.type === "secret" ? "" : f.widget.type === "properties" ? printProperties(v) : String(v ?? "")];
  }));
}

export function ConnectionForm({ saved, onDone }: { saved?: ConnectionView; onDone(): void }) {
  const trpc = useTRPC();
  const [kindId, setKindId] = useState(saved?.kind ?? Object.keys(CONNECTION_KINDS)[0]!);
  const kind = connectionKind(kindId)!;
  const fields = formFields(kind);
  const [name, setName] = useState(saved?.name ?? "");
  const [values, setValues] = useState(() => initial(fields, saved));
  const [issues, setIssues] = useState<Issues>([]);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.connections.create.mutationOptions());
  const update = useMutation(trpc.connections.update.mutationOptions());
  const test = useMutation(trpc.connections.test.mutationOptions());

  const draft = (): Record<string, unknown> | null => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.widget.type !== "properties") out[f.key] = values[f.key];
      else {
        const p = parseProperties(values[f.key] ?? "");
        if (p.error) return setIssues([{ field: f.key, message: p.error }]), null;
        out[f.key] = p.value;
      }
    }
    return out;
  };
  const onError = (e: unknown) => {
    const data = (e as { data?: { connectionIssues?: Issues | null } }).data;
    setIssues(data?.connectionIssues ?? []);
    setError((e as Error).message);
  };
  const save = () => {
    const f = draft();
    if (!f) return;
    setError(null);
    const done = { onSuccess: onDone, onError };
    if (saved) update.mutate({ name: saved.name, fields: f }, done);
    else create.mutate({ name, kind: kindId, fields: f }, done);
  };
  const runTest = () => {
    const f = draft();
    if (f) test.mutate({ name: saved?.name ?? (name || "(unsaved)"), draft: { kind: kindId, fields: f } });
  };
  const issueOf = (key: string) => issues.find((i) => i.field === key || i.field.startsWith(`${key}.`))?.message;

  return (
    <form className="sc-conn-form" data-testid="connection-form" onSubmit={(e) => (e.preventDefault(), save())}>
      <label className="sc-field">
        <span className="sc-field__label">Name</span>
        <input className="sc-input" data-testid="connection-name" value={name} disabled={!!saved} onChange={(e) => setName(e.target.value)} />
        {issueOf("name") && <span className="sc-field__error">{issueOf("name")}</span>}
      </label>
      <label className="sc-field">
        <span className="sc-field__label">Kind</span>
        <select className="sc-input" data-testid="connection-kind" value={kindId} disabled={!!saved}
          onChange={(e) => (setKindId(e.target.value), setValues(initial(formFields(connectionKind(e.target.value)!))))}>
          {Object.values(CONNECTION_KINDS).map((k) => <option key={k.kind} value={k.kind}>{k.title}</option>)}
        </select>
      </label>
      {fields.map((f) => (
        <Field key={f.key} field={f} value={values[f.key] ?? ""} savedSecret={!!saved?.secretsSet[f.key]} issue={issueOf(f.key)}
          onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))} />
      ))}
      {error && <p className="sc-field__error" data-testid="connection-error">{error}</p>}
      <div className="sc-conn-form__actions">
        <button type="submit" className="sc-button sc-button--primary" data-testid="connection-save" disabled={create.isPending || update.isPending}>Save</button>
        <button type="button" className="sc-button" data-testid="connection-test" onClick={runTest} disabled={test.isPending}>
          {test.isPending ? "Testing…" : "Test"}
        </button>
        <button type="button" className="sc-button" data-testid="connection-cancel" onClick={onDone}>Cancel</button>
      </div>
      <TestResult pending={test.isPending} result={test.data} error={test.error?.message} />
    </form>
  );
}

function Field({ field: f, value, savedSecret, issue, onChange }: {
  field: FormField; value: string; savedSecret: boolean; issue?: string; onChange(v: string): void;
}) {
  const id = `connection-field-${f.key}`;
  return (
    <label className={`sc-field${issue ? " has-error" : ""}`}>
      <span className="sc-field__label">{f.title}</span>
      {f.widget.type === "select" ? (
        <select className="sc-input" data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {f.widget.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      ) : f.widget.type === "properties" ? (
        <textarea className="sc-input sc-input--mono" data-testid={id} rows={3} value={value} placeholder="key = value, one per line"
          onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input className="sc-input" data-testid={id} type={f.widget.type === "secret" ? "password" : "text"} value={value}
          autoComplete={f.widget.type === "secret" ? "new-password" : "off"}
          placeholder={f.widget.type === "secret" && savedSecret ? "saved; type to replace" : undefined}
          onChange={(e) => onChange(e.target.value)} />
      )}
      {f.hint && <span className="sc-field__hint">{f.hint}</span>}
      {issue && <span className="sc-field__error" data-testid={`${id}-error`}>{issue}</span>}
    </label>
  );
}
