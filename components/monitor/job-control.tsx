// Run control on the job page: stop, stop with a savepoint (shows its path), resume from a savepoint, redeploy.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { describeError } from "./describe-error";
import { fmtTime } from "./format";

export function JobControl({ runId, pipelineId, live }: { runId: string; pipelineId: string; live: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string; path?: string } | null>(null);
  const [chosen, setChosen] = useState("");
  // a folder for this stop's savepoint; empty: the default (the state folder, or on a remote target its savepoint
  // folder or the cluster's state.savepoints.dir)
  const [folder, setFolder] = useState("");
  const targetDirectory = folder.trim() || undefined;
  const savepoints = useQuery(trpc.monitor.savepoints.queryOptions({ pipelineId }));
  const stop = useMutation(trpc.runs.stop.mutationOptions());
  const stopSp = useMutation(trpc.monitor.stopWithSavepoint.mutationOptions());
  const resume = useMutation(trpc.monitor.resume.mutationOptions());
  const redeploy = useMutation(trpc.monitor.redeploy.mutationOptions());
  const restart = useMutation(trpc.monitor.restart.mutationOptions());
  const busy = stop.isPending || stopSp.isPending || resume.isPending || redeploy.isPending || restart.isPending;
  const act = async (fn: () => Promise<void>) => {
    setMessage(null);
    try {
      await fn();
    } catch (e) {
      setMessage({ ok: false, text: describeError(e) });
    }
    await qc.invalidateQueries({ queryKey: trpc.monitor.savepoints.queryKey({ pipelineId }) });
  };
  const list = savepoints.data ?? [];
  const pick = chosen || list[0]?.path || "";
  return (
    <div className="sc-jobctl" data-testid="job-control">
      <button type="button" className="sc-button" data-testid="job-stop" disabled={!live || busy}
        onClick={() => act(async () => void (await stop.mutateAsync({ runId })))}>■ Stop</button>
      <button type="button" className="sc-button" data-testid="job-stop-savepoint" disabled={!live || busy}
        onClick={() => act(async () => {
          const r = await stopSp.mutateAsync({ runId, targetDirectory });
          setMessage({ ok: true, text: "Stopped with a savepoint:", path: r.savepointPath });
        })}>{stopSp.isPending ? "Taking savepoint…" : "■ Stop with savepoint"}</button>
      <input data-testid="savepoint-folder" value={folder} onChange={(e) => setFolder(e.target.value)} disabled={!live || busy}
        placeholder="savepoint folder (default)" aria-label="savepoint folder for Stop with savepoint and Redeploy"
        title="Where this stop's savepoint goes; empty: the default. On a remote cluster a folder its machines reach (s3://…, file:///shared/…)" />
      <button type="button" className="sc-button" data-testid="job-redeploy" disabled={!live || busy}
        title="Stop with a savepoint, then start the saved (edited) pipeline from it; if the savepoint fails the job keeps running"
        onClick={() => act(async () => {
          const r = await redeploy.mutateAsync({ runId, targetDirectory });
          if (r.run.jobId) router.push(`/jobs/${r.run.jobId}`);
        })}>⟳ Redeploy</button>
      <button type="button" className="sc-button" data-testid="job-restart" disabled={busy}
        title="Run the saved pipeline again from the start (stopping this run first if it still runs)"
        onClick={() => act(async () => {
          const r = await restart.mutateAsync({ runId });
          if (r.jobId) router.push(`/jobs/${r.jobId}`);
        })}>↻ Restart</button>
      <span className="sc-jobctl__resume">
        <select data-testid="savepoint-select" value={pick} onChange={(e) => setChosen(e.target.value)} disabled={list.length === 0}>
          {list.length === 0 && <option value="">no savepoints</option>}
          {list.map((s) => <option key={s.path} value={s.path}>{fmtTime(s.createdAt)} · {s.path.split("/").at(-1)}{s.target ? ` · on ${s.target}` : ""}</option>)}
        </select>
        <button type="button" className="sc-button" data-testid="job-resume" disabled={!pick || busy || live}
          onClick={() => act(async () => {
            const r = await resume.mutateAsync({ pipelineId, savepointPath: pick });
            if (r.jobId) router.push(`/jobs/${r.jobId}`);
          })}>▶ Resume from savepoint</button>
      </span>
      {message && (
        <div className={`sc-alert ${message.ok ? "sc-alert--ok" : "sc-alert--bad"}`} data-testid="job-control-message">
          {message.text} {message.path && <code data-testid="savepoint-path">{message.path}</code>}
        </div>
      )}
    </div>
  );
}
