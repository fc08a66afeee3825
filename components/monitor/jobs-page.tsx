// Jobs page: every job the cluster knows merged with StreamCanvas runs, live over SSE, filterable by status.
"use client";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { fmtDuration, fmtRate, fmtTime } from "./format";
import type { JobsSnapshot } from "./monitor-types";
import { StatusBadge } from "./status-badge";
import { Unreachable } from "./unreachable";

const FILTERS = ["all", "running", "finished", "failed", "canceled"] as const;
type Filter = (typeof FILTERS)[number];
const matches = (f: Filter, { status, ended }: { status: string; ended: boolean }) =>
  f === "all" ? true
  : f === "running" ? !ended
  : f === "failed" ? status === "FAILED" || status === "LOST"
  : status === f.toUpperCase();

export function JobsPage() {
  const trpc = useTRPC();
  const [snap, setSnap] = useState<JobsSnapshot | null>(null);
  const [filter, setFilter] = useState<Filter>("all");
  const [showInternal, setShowInternal] = useState(false);
  useSubscription(trpc.monitor.jobs.subscriptionOptions(undefined, { onData: (s) => setSnap(s as JobsSnapshot) }));
  const all = snap?.jobs ?? [];
  // the server says which jobs are internal (warm-up, previews, Try it's samples)
  const hidden = showInternal ? 0 : all.filter((j) => j.internal).length;
  const rows = all.filter((j) => (showInternal || !j.internal) && matches(filter, j));
  const now = snap?.at ?? Date.now();
  return (
    <div className="sc-jobs" data-testid="jobs-page">
      <div className="sc-jobs__bar">
        <h1>Jobs</h1>
        <span className="sc-run__tabs" role="tablist">
          {FILTERS.map((f) => (
            <button key={f} type="button" data-testid={`jobs-filter-${f}`} className={`sc-seg${filter === f ? " is-active" : ""}`}
              onClick={() => setFilter(f)}>{f}</button>
          ))}
        </span>
        <label className="sc-jobs__internal" title="the runner's warm-up job, previews and Try it's sample runs">
          <input type="checkbox" data-testid="jobs-show-internal" checked={showInternal} onChange={(e) => setShowInternal(e.target.checked)} />
          show internal jobs{hidden > 0 && <span className="sc-muted" data-testid="jobs-hidden-count"> ({hidden} hidden)</span>}
        </label>
      </div>
      {snap && <Unreachable since={snap.unreachableSince} at={snap.at} message={snap.message} />}
      {snap?.targetProblems?.map((p) => (
        <p key={p.target} className="sc-alert" data-testid="jobs-target-problem" data-target={p.target}>
          Jobs on target <strong>{p.target}</strong> cannot be listed: {p.message}
        </p>
      ))}
      {!snap && <p className="sc-muted">Loading jobs…</p>}
      {snap && (
        <table className="sc-table sc-jobs__table" data-testid="jobs-table">
          <thead>
            <tr>
              <th>Job</th><th>Pipeline</th><th>Target</th><th>Status</th><th>Started</th><th>Duration</th>
              <th>In</th><th>Out</th><th>Restarts</th><th>Error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((j) => (
              <tr key={j.runId ?? j.jobId} data-testid="job-row" data-job-id={j.jobId ?? ""} data-run-id={j.runId ?? ""} data-status={j.status}
                data-internal={j.internal ?? ""} data-target={j.target ?? "embedded"} data-foreign={j.foreign}>
                <td>{j.internal && <span className="sc-chip" data-testid="job-internal">{j.internal}</span>}{j.jobId ? <Link href={`/jobs/${j.jobId}`} data-testid="job-link">{j.name || j.jobId.slice(0, 8)}</Link> : j.name}</td>
                <td>
                  {j.pipelineId ? <Link href={`/pipelines/${j.pipelineId}`}>{j.pipelineName ?? j.pipelineId}</Link> : <span className="sc-muted">—</span>}
                  {j.version !== null && <span className="sc-muted" data-testid="job-version"> v{j.version}</span>}
                  {j.foreign && <span className="sc-chip" data-testid="job-foreign" title="submitted to this cluster by another tool, not by StreamCanvas">not StreamCanvas&apos;s</span>}
                </td>
                <td data-testid="job-target">{j.target ?? <span className="sc-muted">embedded</span>}</td>
                <td><StatusBadge status={j.status} testId={null} /></td>
                <td>{fmtTime(j.startTime)}</td>
                <td>{fmtDuration((j.endTime ?? now) - j.startTime)}</td>
                <td data-testid="job-in-rate" data-figures-at={j.figuresAt ?? ""}>{fmtRate(j.inRate)}</td>
                <td data-testid="job-out-rate" data-figures-at={j.figuresAt ?? ""}>{fmtRate(j.outRate)}</td>
                <td>{j.restarts ?? "—"}</td>
                <td className="sc-jobs__error" title={j.error ?? undefined}>{j.error ?? ""}</td>
              </tr>
            ))}
            {rows.length === 0 && <tr><td colSpan={10} className="sc-muted">No {filter === "all" ? "" : filter} jobs.</td></tr>}
          </tbody>
        </table>
      )}
    </div>
  );
}
