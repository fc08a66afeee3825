// Bottom run panel: Run/Stop, the Flink job id and live status (runs.watch over SSE), root cause, collected rows,
// generated code, and the UDFs' console lines.
"use client";
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useCanvasStoreApi } from "@/components/canvas/store-context";
import { useValidation } from "@/components/canvas/validation";
import { reportServerErrors } from "@/components/udf-editor/server-errors";
import { ErrorList } from "@/components/inspector/error-list";
import type { GraphError } from "@/pipeline/graph";
import { useTRPC } from "@/components/trpc/client";
import { useRunnerStatus } from "@/components/ui/runner-status";
import { flinkJobUiPath } from "@/server/monitor/flink-ui-path";
import { RowsTable } from "./rows-table";
import { StatusBadge } from "./status-badge";
import type { RunInfo } from "./types";
import { CodeView } from "./code-view";
import { describeError } from "./describe-error";
import { ResumedNotice } from "./resumed-notice";
import { PreviewPanel } from "@/components/preview/preview-panel";
import { usePreview } from "@/components/preview/preview-context";
import Link from "next/link";
import { RunOptionsFields } from "./run-options";
import { RunTargetSelect, useRunTarget } from "./run-target";
import { LogsView } from "./logs-view";

export function RunPanel({ pipelineId, flush }: { pipelineId: string; flush: () => Promise<void> }) {
  const trpc = useTRPC();
  const { errors, checking } = useValidation();
  const [run, setRun] = useState<RunInfo | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [tab, setTab] = useState<"results" | "code" | "preview" | "logs">("results");
  // a preview started anywhere (inspector button, live preview) brings its tab forward
  const previewSeq = usePreview((s) => s.seq);
  useEffect(() => {
    if (previewSeq > 0) setTab("preview");
  }, [previewSeq]);
  const recent = useQuery(trpc.runs.list.queryOptions({ pipelineId }));
  const start = useMutation(trpc.runs.start.mutationOptions());
  const stop = useMutation(trpc.runs.stop.mutationOptions());
  const redeploy = useMutation(trpc.monitor.redeploy.mutationOptions());
  const canvas = useCanvasStoreApi();
  const target = useRunTarget((s) => s.target);

  // Show the newest run of this pipeline when the page opens (and keep watching it if it is still going).
  useEffect(() => {
    if (!run && recent.data?.[0]) setRun(recent.data[0]);
  }, [recent.data, run]);

  const active = !!run && !run.ended;
  useSubscription(
    trpc.runs.watch.subscriptionOptions(active ? { runId: run.id } : skipToken, {
      onData: (r) => setRun(r as RunInfo),
    }),
  );

  const onRun = async () => {
    setActionError(null);
    reportServerErrors(null, []);
    try {
      await flush();
      setRun(await start.mutateAsync({ pipelineId, ...(target ? { target } : {}) }));
    } catch (e) {
      reportServerErrors(e, canvas.getState().nodes);
      setActionError(describeError(e));
    }
  };
  const onStop = async () => {
    if (!run) return;
    setActionError(null);
    try {
      setRun(await stop.mutateAsync({ runId: run.id }));
    } catch (e) {
      setActionError(describeError(e));
    }
  };

  // the edited pipeline replaces the running one, keeping its state: stop with a savepoint, start from it
  const onRedeploy = async () => {
    if (!run) return;
    setActionError(null);
    try {
      await flush();
      setRun((await redeploy.mutateAsync({ runId: run.id })).run);
    } catch (e) {
      setActionError(describeError(e));
    }
  };

  // an edge to a node or port that does not exist (an old save) is not drawn, so it cannot be selected: offer removal
  const removeEdgeButton = (e: GraphError) => e.edgeId && (
    <button type="button" className="sc-button sc-button--ghost sc-button--small" data-testid={`remove-edge-${e.edgeId}`}
      onClick={() => canvas.getState().onEdgesChange([{ type: "remove", id: e.edgeId! }])} title="Remove this edge (undo brings it back)">
      remove edge
    </button>
  );
  const blocked = errors.length > 0;
  // the TS UDFs' type check of the graph as it is now has not answered yet. Run stays clickable: the check starts
  // as the editor pauses, which may be between the press and the release of a click on Run (a button disabled then
  // swallows the click), and the server checks the UDFs again before it runs anything, showing errors on the nodes.
  const waiting = !blocked && checking;
  const sandbox = useQuery(trpc.runner.udfSandbox.queryOptions());
  // Flink's own dashboard for the job (read-only, through this server), while the runner that ran it is still the one up.
  const flinkUp = !!useRunnerStatus()?.flinkRestUrl;
  const jobLink = run?.jobId && flinkUp && run.status !== "LOST" ? flinkJobUiPath(run.jobId, active) : null;
  return (
    <section className="sc-run" data-testid="run-panel" tabIndex={-1} data-run-id={run?.id ?? ""}>
      <div className="sc-run__bar">
        <button type="button" className="sc-button sc-button--primary" data-testid="run-button"
          disabled={blocked || active || start.isPending} onClick={onRun} data-checking={waiting}
          title={blocked ? "Fix the errors listed below first" : waiting ? "Checking the TypeScript UDFs…" : "Compile and run on Flink"}>
          ▶ Run
        </button>
        <button type="button" className="sc-button" data-testid="stop-button" disabled={!active || stop.isPending} onClick={onStop}>
          ■ Stop
        </button>
        <button type="button" className="sc-button" data-testid="redeploy-button" disabled={!active || blocked || redeploy.isPending}
          onClick={onRedeploy} title="Stop with a savepoint and start the edited pipeline from it (if the savepoint fails, the job keeps running)">
          {redeploy.isPending ? "Redeploying…" : "⟳ Redeploy"}
        </button>
        <RunOptionsFields disabled={start.isPending} />
        <RunTargetSelect disabled={start.isPending} />
        {run && <StatusBadge status={run.status} />}
        {run && <span className="sc-run__meta sc-muted" data-testid="run-target-of" data-target={run.target ?? "embedded"}>on {run.target ?? "embedded"}</span>}
        {run?.jobId && (
          <Link href={`/jobs/${run.jobId}`} className="sc-run__monitor" data-testid="job-page-link" title="Live figures, charts and run control">
            monitor ↗
          </Link>
        )}
        {run && (
          <span className="sc-run__meta">
            job <code className="sc-run__job" data-testid="job-id" title={run.jobId ?? undefined}>{run.jobId ?? "—"}</code>
            {jobLink && <a className="sc-run__flink" href={jobLink} target="_blank" rel="noreferrer" title="Open in Flink's web UI">↗</a>}
          </span>
        )}
        {run && (
          <span className="sc-run__meta sc-muted">
            started {new Date(run.startedAt).toLocaleTimeString()}
            {run.endedAt !== null && ` · ran ${((run.endedAt - run.startedAt) / 1000).toFixed(1)} s`}
          </span>
        )}
        {!run && !blocked && <span className="sc-muted">{waiting ? "Checking the TypeScript UDFs…" : "Ready to run."}</span>}
        {sandbox.data?.networkAllowed && (
          <span className="sc-run__sandbox" data-testid="udf-sandbox-reduced"
            title={`${sandbox.data.setting}=1 is set: TypeScript UDF workers start without their own network namespace`}>
            UDF sandbox reduced: workers have network access
          </span>
        )}
        <span className="sc-run__tabs">
          <button type="button" data-testid="tab-results" className={`sc-seg${tab === "results" ? " is-active" : ""}`}
            onClick={() => setTab("results")}>Results</button>
          <button type="button" data-testid="tab-code" className={`sc-seg${tab === "code" ? " is-active" : ""}`}
            onClick={() => setTab("code")}>Code</button>
          <button type="button" data-testid="tab-preview" className={`sc-seg${tab === "preview" ? " is-active" : ""}`}
            onClick={() => setTab("preview")}>Preview</button>
          <button type="button" data-testid="tab-logs" className={`sc-seg${tab === "logs" ? " is-active" : ""}`}
            onClick={() => setTab("logs")}>Logs</button>
        </span>
      </div>
      {tab === "preview" ? <div className="sc-run__body"><PreviewPanel /></div>
        : tab === "logs" ? <div className="sc-run__body">{run ? <LogsView runId={run.id} active={active} /> : <p className="sc-muted">No run yet.</p>}</div>
        : tab === "code" ? <div className="sc-run__body"><CodeView /></div> : <div className="sc-run__body">
        {blocked && (
          <div className="sc-run__blockers" data-testid="run-blockers">
            <strong>Fix {errors.length === 1 ? "this problem" : `these ${errors.length} problems`} to run:</strong>
            <ErrorList errors={errors} testId="run-errors" withNode action={removeEdgeButton} />
          </div>
        )}
        {actionError && <pre className="sc-alert sc-alert--bad" data-testid="run-action-error">{actionError}</pre>}
        {run && <ResumedNotice resumes={run.resumes} />}
        {run?.error && (
          <div className="sc-alert sc-alert--bad" data-testid="run-error">
            <strong>{run.error.message}</strong>
            {run.error.rootCause && <pre data-testid="run-root-cause">{run.error.rootCause}</pre>}
          </div>
        )}
        {run && Object.entries(run.sinks).map(([sinkId, r]) => <RowsTable key={sinkId} sinkId={sinkId} result={r} />)}
      </div>}
    </section>
  );
}
