// The Flink runner's state on every page: a pill in the header, and a banner while it is not ready or lost runs.
"use client";
import { useSubscription } from "@trpc/tanstack-react-query";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { RunnerStatus } from "@/components/monitor/types";
import { FLINK_UI_PATH } from "@/server/monitor/flink-ui-path";

const RunnerCtx = createContext<RunnerStatus | undefined>(undefined);

/** One runner.watch subscription per tab, shared by the pill and the banner. */
export function RunnerStatusProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const sub = useSubscription(trpc.runner.watch.subscriptionOptions());
  // while the tab's WebSocket reconnects (e.g. the server restarts) the last status is stale: show "connecting…"
  const status = sub.status === "connecting" ? undefined : (sub.data as RunnerStatus | undefined);
  return <RunnerCtx.Provider value={status}>{children}</RunnerCtx.Provider>;
}

export const useRunnerStatus = () => useContext(RunnerCtx);

export function RunnerPill() {
  const s = useContext(RunnerCtx);
  const state = s?.state ?? "connecting";
  return (
    <span className={`sc-runner-pill sc-runner-pill--${state}`} data-testid="runner-pill" data-state={state}>
      <span className="sc-runner-pill__dot" />
      {state === "ready" ? "Flink ready" : state === "connecting" ? "connecting…" : `Flink ${state}`}
      {state === "ready" && s?.flinkRestUrl && (
        <a href={FLINK_UI_PATH} target="_blank" rel="noreferrer" className="sc-runner-pill__link" data-testid="flink-ui-link">web UI ↗</a>
      )}
    </span>
  );
}

export function RunnerBanner() {
  const s = useContext(RunnerCtx);
  // Lost runs stay listed by the server; once read, the user may dismiss them (until more are lost).
  const [dismissed, setDismissed] = useState(0);
  if (!s || (s.state === "ready" && s.lostRuns.length <= dismissed)) return null;
  return (
    <div className={`sc-banner sc-banner--${s.state}`} data-testid="runner-banner" data-state={s.state} role="status">
      <span>{bannerText(s)}</span>
      {s.state === "ready" && (
        <button type="button" className="sc-banner__close" data-testid="runner-banner-dismiss"
          onClick={() => setDismissed(s.lostRuns.length)} title="Dismiss">×</button>
      )}
    </div>
  );
}

function bannerText(s: RunnerStatus): string {
  const lost = s.lostRuns;
  const lostText = lost.length
    ? ` — ${lost.length} run${lost.length === 1 ? "" : "s"} lost: ${lost.map((r) => r.jobId ?? r.runId).join(", ")}`
    : "";
  switch (s.state) {
    case "starting": return `Flink runner starting… ${s.message}`;
    case "restarting": return `Flink runner crashed, restarting${lostText}. ${s.message}`;
    case "down": return `Flink runner is down: ${s.message}${lostText}`;
    default: return `Flink runner restarted${lostText}.`;
  }
}
