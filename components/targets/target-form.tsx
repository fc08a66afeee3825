// The form of one Flink target: REST address, an optional bearer or basic-auth header and a TLS truststore. Secrets
// are never filled from the server: a saved one shows "saved; type to replace", and choosing no auth removes it.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { TargetView } from "@/server/targets/service";
import { authHeaderOf, authKindOf, AUTH_KINDS, type AuthFields, type AuthKind } from "./auth-header";

type Issues = { field: string; message: string }[];
const AUTH_TITLES: Record<AuthKind, string> = { none: "none", bearer: "Bearer token", basic: "Basic (user + password)" };

export function TargetForm({ saved, onDone }: { saved?: TargetView; onDone(): void }) {
  const trpc = useTRPC();
  const savedKind = authKindOf(saved?.authScheme ?? null);
  const [name, setName] = useState(saved?.name ?? "");
  const [url, setUrl] = useState(saved?.url ?? "");
  const [auth, setAuth] = useState<AuthFields>({ kind: savedKind, token: "", username: "", password: "" });
  const [truststore, setTruststore] = useState(saved?.truststore ?? "");
  const [truststorePassword, setTruststorePassword] = useState("");
  const [savepointDir, setSavepointDir] = useState(saved?.savepointDir ?? "");
  const [issues, setIssues] = useState<Issues>([]);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.targets.create.mutationOptions());
  const update = useMutation(trpc.targets.update.mutationOptions());
  const placeholder = (set: boolean) => (set ? "saved; type to replace" : undefined);

  const save = () => {
    setError(null);
    const a = authHeaderOf(auth, savedKind);
    if ("error" in a) return setIssues([{ field: a.field, message: a.error }]);
    setIssues([]);
    const target = { url, truststore, truststorePassword, savepointDir, ...("header" in a ? { authHeader: a.header } : {}) };
    const done = {
      onSuccess: onDone,
      onError: (e: unknown) => {
        setIssues((e as { data?: { connectionIssues?: Issues | null } }).data?.connectionIssues ?? []);
        setError((e as Error).message);
      },
    };
    if (saved) update.mutate({ name: saved.name, target, clear: "clear" in a ? ["authHeader"] : [] }, done);
    else create.mutate({ name, target }, done);
  };
  const issueOf = (key: string) => issues.find((i) => i.field === key)?.message;
  const set = (patch: Partial<AuthFields>) => setAuth((a) => ({ ...a, ...patch }));

  return (
    <form className="sc-conn-form" data-testid="target-form" onSubmit={(e) => (e.preventDefault(), save())}>
      <Field label="Name" id="name" issue={issueOf("name")}>
        <input className="sc-input" data-testid="target-name" value={name} disabled={!!saved} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="REST address" id="url" issue={issueOf("url")} hint="the JobManager's REST endpoint, http(s)://host:port">
        <input className="sc-input" data-testid="target-url" value={url} placeholder="http://flink-jobmanager:8081" onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <Field label="Auth header" id="auth" issue={issueOf("authHeader")}>
        <select className="sc-input" data-testid="target-auth" value={auth.kind} onChange={(e) => set({ kind: e.target.value as AuthKind })}>
          {AUTH_KINDS.map((k) => <option key={k} value={k}>{AUTH_TITLES[k]}</option>)}
        </select>
      </Field>
      {auth.kind === "bearer" && (
        <Field label="Token" id="token" issue={issueOf("token")}>
          <input className="sc-input" data-testid="target-token" type="password" autoComplete="new-password" value={auth.token}
            placeholder={placeholder(savedKind === "bearer")} onChange={(e) => set({ token: e.target.value })} />
        </Field>
      )}
      {auth.kind === "basic" && <>
        <Field label="User name" id="username" issue={issueOf("username")}>
          <input className="sc-input" data-testid="target-username" type="password" autoComplete="off" value={auth.username}
            placeholder={placeholder(savedKind === "basic")} onChange={(e) => set({ username: e.target.value })} />
        </Field>
        <Field label="Password" id="password" issue={issueOf("password")}>
          <input className="sc-input" data-testid="target-password" type="password" autoComplete="new-password" value={auth.password}
            placeholder={placeholder(savedKind === "basic")} onChange={(e) => set({ password: e.target.value })} />
        </Field>
      </>}
      <Field label="TLS truststore" id="truststore" issue={issueOf("truststore")} hint="a JKS or PKCS12 file on this server, for an https address">
        <input className="sc-input" data-testid="target-truststore" value={truststore} placeholder="/etc/flink/truststore.p12"
          onChange={(e) => setTruststore(e.target.value)} />
      </Field>
      <Field label="Truststore password" id="truststorePassword" issue={issueOf("truststorePassword")}>
        <input className="sc-input" data-testid="target-truststore-password" type="password" autoComplete="new-password" value={truststorePassword}
          placeholder={placeholder(!!saved?.truststorePasswordSet)} onChange={(e) => setTruststorePassword(e.target.value)} />
      </Field>
      <Field label="Savepoint folder" id="savepointDir" issue={issueOf("savepointDir")} hint="where Stop with savepoint writes on this cluster (empty: its own state.savepoints.dir)">
        <input className="sc-input" data-testid="target-savepoint-dir" value={savepointDir} placeholder="s3://bucket/savepoints"
          onChange={(e) => setSavepointDir(e.target.value)} />
      </Field>
      {error && <p className="sc-field__error" data-testid="target-error">{error}</p>}
      <div className="sc-conn-form__actions">
        <button type="submit" className="sc-button sc-button--primary" data-testid="target-save" disabled={create.isPending || update.isPending}>Save</button>
        <button type="button" className="sc-button" data-testid="target-cancel" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

function Field({ label, id, issue, hint, children }: { label: string; id: string; issue?: string; hint?: string; children: React.ReactNode }) {
  return (
    <label className={`sc-field${issue ? " has-error" : ""}`}>
      <span className="sc-field__label">{label}</span>
      {children}
      {hint && <span className="sc-field__hint">{hint}</span>}
      {issue && <span className="sc-field__error" data-testid={`target-${id}-error`}>{issue}</span>}
    </label>
  );
}
