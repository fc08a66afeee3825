// The Flink runner's state on every page: a pill in the header, and a banner while it is not ready or lost runs.
"use client";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/components/trpc/client";
import type { RunnerStatus } from "@/components/run/types";

function useRunnerStatus(): RunnerStatus | undefined {
  const trpc = useTRPC();
  return useSubscription(trpc.runner.watch.subscriptionOptions()).data as RunnerStatus | undefined;
}

export function RunnerStatusBar() {
  const s = useRunnerStatus();
  const state = s?.state ?? "connecting";
  const lost = s?.lostRuns ?? [];
  const showBanner = state !== "ready" || lost.length > 0;
  return (
    <>
      <span className={`sc-runner-pill sc-runner-pill--${state}`} data-testid="runner-pill" data-state={state}>
        <span className="sc-runner-pill__dot" />
        {state === "ready" ? "Flink ready" : state === "connecting" ? "connecting…" : `Flink ${state}`}
        {state === "ready" && s?.flinkRestUrl && (
          <a href={s.flinkRestUrl} target="_blank" rel="noreferrer" className="sc-runner-pill__link">web UI ↗</a>
        )}
      </span>
      {showBanner && s && (
        <div className={`sc-banner sc-banner--${state}`} data-testid="runner-banner" data-state={state} role="status">
          <BannerText status={s} />
        </div>
      )}
    </>
  );
}

function BannerText({ status }: { status: RunnerStatus }) {
  const lost = status.lostRuns;
  const lostText = lost.length
    ? ` — ${lost.length} run${lost.length === 1 ? "" : "s"} lost: ${lost.map((r) => r.jobId ?? r.runId).join(", ")}`
    : "";
  switch (status.state) {
    case "starting":
      return <>Flink runner starting… {status.message}</>;
    case "restarting":
      return <>Flink runner crashed, restarting{lostText}. {status.message}</>;
    case "down":
      return <>Flink runner is down: {status.message}{lostText}</>;
    default:
      return <>Flink runner restarted{lostText}. {status.message}</>;
  }
}
