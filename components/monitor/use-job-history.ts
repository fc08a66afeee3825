// The last minutes of a job's snapshots as chart series: throughput in/out and the worst watermark lag.
import { useCallback, useState } from "react";
import type { JobSnapshot } from "./monitor-types";

export type History = { times: number[]; inRate: (number | null)[]; outRate: (number | null)[]; lagS: (number | null)[] };
const EMPTY: History = { times: [], inRate: [], outRate: [], lagS: [] };

export function worstLagSeconds(s: JobSnapshot): number | null {
  const lags = Object.values(s.nodes ?? {}).map((n) => n.watermarkLagMs).filter((l): l is number => l !== null);
  return lags.length ? Math.max(...lags) / 1000 : null;
}

/** Appends each new snapshot (only fresh ones: an unreachable cluster adds no points) and keeps `spanMs` of them. */
export function useJobHistory(spanMs = 5 * 60_000) {
  const [h, setH] = useState<History>(EMPTY);
  const push = useCallback((s: JobSnapshot) => {
    if (!s.reachable) return;
    setH((prev) => {
      if (prev.times.at(-1) === s.at) return prev;
      const cut = prev.times.findIndex((t) => s.at - t <= spanMs);
      const from = cut < 0 ? prev.times.length : cut;
      return {
        times: [...prev.times.slice(from), s.at],
        inRate: [...prev.inRate.slice(from), s.totals.inRate],
        outRate: [...prev.outRate.slice(from), s.totals.outRate],
        lagS: [...prev.lagS.slice(from), worstLagSeconds(s)],
      };
    });
  }, [spanMs]);
  return { history: h, push };
}
