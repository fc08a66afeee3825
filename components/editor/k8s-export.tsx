// "Export for Kubernetes": the canvas's pipeline as Flink Kubernetes Operator manifests and a Dockerfile (shown here),
// and the whole build context with its jars as a zip; the same export as `npx streamcanvas k8s`.
"use client";
import { useState } from "react";
import { useCanvasStoreApi } from "@/components/canvas/store-context";
import { toGraph } from "@/components/canvas/store";
import { useTRPCClient } from "@/components/trpc/client";
import type { K8sMode, K8sOptionsInput } from "@/server/k8s/options";

export function K8sExport() {
  const store = useCanvasStoreApi();
  const client = useTRPCClient();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<K8sMode>("application");
  const [image, setImage] = useState("");
  const [jarUri, setJarUri] = useState("");
  const [stateDir, setStateDir] = useState("");
  // the Flink pods' resources, as typed (empty: the export's defaults); the schema says what a bad one is
  const [res, setRes] = useState({ jmMemory: "", jmCpu: "", tmMemory: "", tmCpu: "", slots: "" });
  const [result, setResult] = useState<Awaited<ReturnType<typeof client.k8s.preview.mutate>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const text = (v: string) => v.trim() || undefined;
  const num = (v: string) => (v.trim() === "" ? undefined : Number(v));
  const options = (): K8sOptionsInput => ({
    mode, image: text(image), jarUri: text(jarUri), stateDir: text(stateDir),
    jobManager: { memory: text(res.jmMemory), cpu: num(res.jmCpu) },
    taskManager: { memory: text(res.tmMemory), cpu: num(res.tmCpu), slots: num(res.slots) },
  });
  const body = () => ({ graph: toGraph(store.getState()), options: options() });

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await client.k8s.preview.mutate(body()));
    } catch (e) {
      setResult(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    setBusy(true);
    try {
      const res = await fetch("/api/k8s-export", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body()) });
      if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? `export failed (${res.status})`);
      const url = URL.createObjectURL(await res.blob());
      const a = Object.assign(document.createElement("a"), { href: url, download: `${result?.name ?? "pipeline"}-k8s.zip` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const close = () => setOpen(false);
  const field = (label: string, testId: string, value: string, set: (v: string) => void, placeholder: string) => (
    <label className="sc-field">
      <span className="sc-field__label">{label}</span>
      <input className="sc-input sc-input--mono" data-testid={testId} value={value} placeholder={placeholder} spellCheck={false}
        onChange={(e) => { set(e.target.value); setResult(null); }} />
    </label>
  );

  return (
    <>
      <button type="button" className="sc-button sc-button--small" data-testid="k8s-export" onClick={() => setOpen(true)}
        title="Export for Kubernetes: Flink Kubernetes Operator manifests and a Dockerfile for this pipeline">Kubernetes</button>
      {open && (
        <div className="sc-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
          <div className="sc-dialog sc-k8s" role="dialog" aria-label="Export for Kubernetes" data-testid="k8s-dialog" onKeyDown={(e) => e.key === "Escape" && close()}>
            <h2 className="sc-dialog__title">Export for Kubernetes (Flink Kubernetes Operator)</h2>
            <label className="sc-field">
              <span className="sc-field__label">Mode</span>
              <select className="sc-input" data-testid="k8s-mode" value={mode} onChange={(e) => { setMode(e.target.value as K8sMode); setResult(null); }}>
                <option value="application">application: a FlinkDeployment running this pipeline</option>
                <option value="session">session: a session cluster + FlinkSessionJob</option>
              </select>
            </label>
            {field("Image", "k8s-image", image, setImage, "default: streamcanvas-<name>:<program hash>")}
            {mode === "session" && field("Job jar URL (the operator downloads it)", "k8s-jar-uri", jarUri, setJarUri, "https://…/<name>.jar")}
            {field("State folder (checkpoints, savepoints)", "k8s-state-dir", stateDir, setStateDir, "default: file:///flink-data/streamcanvas")}
            <fieldset className="sc-k8s__resources" data-testid="k8s-resources">
              <legend>Pod resources</legend>
              {field("JobManager memory", "k8s-jm-memory", res.jmMemory, (v) => setRes({ ...res, jmMemory: v }), "1600m")}
              {field("JobManager CPU", "k8s-jm-cpu", res.jmCpu, (v) => setRes({ ...res, jmCpu: v }), "1")}
              {field("TaskManager memory", "k8s-tm-memory", res.tmMemory, (v) => setRes({ ...res, tmMemory: v }), "2048m")}
              {field("TaskManager CPU", "k8s-tm-cpu", res.tmCpu, (v) => setRes({ ...res, tmCpu: v }), "1")}
              {field("Slots per TaskManager", "k8s-slots", res.slots, (v) => setRes({ ...res, slots: v }), "2")}
            </fieldset>
            <p className="sc-muted">Parallelism, checkpoints, restarts and state come from the run settings; connection secrets stay out of
              the files (a Kubernetes Secret is named instead).</p>
            {error && <pre className="sc-alert sc-alert--bad" data-testid="k8s-error">{error}</pre>}
            {result && (
              <div data-testid="k8s-result">
                {result.files.map((f) => (
                  <details key={f.path} open={f.path !== "Dockerfile"}>
                    <summary>{f.path}</summary>
                    <pre className="sc-k8s__file" data-testid={`k8s-file-${f.path}`}>{f.text}</pre>
                  </details>
                ))}
                <p className="sc-muted" data-testid="k8s-jars">lib/: {result.jars.join(", ")}</p>
                {result.notes.map((n) => <p key={n} className="sc-muted" data-testid="k8s-note">{n}</p>)}
              </div>
            )}
            <div className="sc-dialog__actions">
              <button type="button" className="sc-button sc-button--small" onClick={close}>Close</button>
              <button type="button" className="sc-button sc-button--small" data-testid="k8s-generate" disabled={busy} onClick={() => void generate()}>Generate</button>
              <button type="button" className="sc-button sc-button--small sc-button--primary" data-testid="k8s-download" disabled={busy || !result}
                onClick={() => void download()} title="Dockerfile, manifests and every jar as a zip: the Docker build context">
                Download build context (.zip)
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
