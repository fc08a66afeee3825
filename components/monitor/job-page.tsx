// Job page: live figures of one Flink job on its pipeline's canvas, charts, checkpoints, exceptions and run control.
"use client";
import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { fmtDuration, fmtRate, fmtTime } from "./format";
import { JobCanvas } from "./job-canvas";
import { JobControl } from "./job-control";
import { KafkaPanel } from "./kafka-panel";
import { CheckpointsPanel, ExceptionsPanel, UdfLogPanel, VerticesPanel } from "./job-panels";
import type { JobSnapshot } from "./monitor-types";
import { RunSettingsPanel } from "./run-settings-panel";
import { StatusBadge } from "./status-badge";
import { TimeChart } from "./time-chart";
import { Unreachable } from "./unreachable";
import { useJobHistory } from "./use-job-history";
import { ResumedNotice } from "./resumed-notice";
import { TaskManagersPanel } from "./task-managers-panel";
import { flinkJobUiPath } from "@/server/monitor/flink-ui-path";

const EMPTY: string[] = [];

export function JobPage({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const [snap, setSnap] = useState<JobSnapshot | null>(null);
  const { history, push } = useJobHistory();
  const ctx = useQuery(trpc.monitor.jobContext.queryOptions({ jobId }));
  useSubscription(trpc.monitor.job.subscriptionOptions({ jobId }, {
    onData: (s) => {
      setSnap(s as JobSnapshot);
      push(s as JobSnapshot);
    },
  }));
  const throughput = useMemo(() => [
    { label: "in", color: "#2f6fed", values: history.inRate },
    { label: "out", color: "#1f9d55", values: history.outRate },
  ], [history]);
  const lag = useMemo(() => [{ label: "watermark lag", color: "#b7791f", values: history.lagS }], [history]);
  const run = ctx.data?.run ?? null;
  const pipeline = ctx.data?.pipeline ?? null;
  const state = snap?.job?.state ?? run?.status ?? "…";
  const live = !!snap?.job && !snap.job.ended;
  const stale = !!snap && !snap.reachable;
  return (
    <div className="sc-jobpage" data-testid="job-page" data-job-id={jobId}>
      <div className="sc-jobpage__head">
        <Link href="/jobs" className="sc-muted">← Jobs</Link>
        <h1>{snap?.job?.name ?? pipeline?.name ?? jobId}</h1>
        <StatusBadge status={state} testId="job-status" />
        {pipeline && (
          <Link href={`/pipelines/${pipeline.id}`} data-testid="job-pipeline-link">
            {pipeline.name}{pipeline.version !== null ? ` v${pipeline.version}` : ""}
          </Link>
        )}
        {run && <span className="sc-muted" data-testid="job-target" data-target={run.target ?? "embedded"}>on {run.target ?? "embedded"}</span>}
        {snap?.job && (
          <span className="sc-muted">
            started {fmtTime(snap.job.startTime)} · {fmtDuration(snap.job.durationMs)} · restarts {snap.restarts ?? "—"}
            {" · "}in <b data-testid="job-total-in" data-figures-at={snap.at}>{fmtRate(snap.totals.inRate)}</b>
            {" · "}out <b data-testid="job-total-out" data-figures-at={snap.at}>{fmtRate(snap.totals.outRate)}</b>
          </span>
        )}
        {/* the proxied web UI is the embedded cluster's */}
        {snap?.job && !run?.target && (
          <a href={flinkJobUiPath(jobId, live)} target="_blank" rel="noreferrer" data-testid="job-flink-link"
            title="Flink's own dashboard for this job (read-only)">Flink web UI ↗</a>
        )}
        {snap && <span className="sc-muted sc-jobpage__at" data-testid="figures-at">as of {fmtTime(snap.at)}</span>}
      </div>
      {snap && <Unreachable since={snap.unreachableSince} at={snap.at} message={snap.message} />}
      {snap && snap.reachable && !snap.job && <div className="sc-alert sc-alert--bad" data-testid="job-unknown">The cluster does not know this job (any more).</div>}
      {run && <ResumedNotice resumes={run.resumes} />}
      {run && pipeline && <JobControl runId={run.id} pipelineId={pipeline.id} live={live} />}
      <div className="sc-jobpage__grid">
        {pipeline ? <JobCanvas graph={pipeline.graph} figures={snap?.nodes ?? null} stale={stale} failed={snap?.exceptions.rootCause?.nodes ?? EMPTY} />
          : <div className="sc-muted">Not a StreamCanvas run: Flink's vertices are listed below.</div>}
        <div className="sc-jobpage__charts">
          <TimeChart title="Throughput (records/s)" testId="chart-throughput" times={history.times} series={throughput} unit="" />
          <TimeChart title="Watermark lag (s)" testId="chart-lag" times={history.times} series={lag} unit="s" />
        </div>
      </div>
      {snap && (
        <div className="sc-jobpage__panels">
          <ExceptionsPanel x={snap.exceptions} />
          <KafkaPanel nodes={snap.nodes} />
          <CheckpointsPanel c={snap.checkpoints} />
          {run && <RunSettingsPanel settings={run.settings} />}
          <UdfLogPanel runId={run?.id ?? null} active={live} />
          <VerticesPanel s={snap} />
          {snap.job && <TaskManagersPanel jobId={jobId} live={live} />}
        </div>
      )}
    </div>
  );
}
