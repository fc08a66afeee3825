// Formatting of monitor figures: rates, shares, durations, sizes, times (pure; unit-tested).

export function fmtRate(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return "—";
  if (r >= 1e6) return `${(r / 1e6).toFixed(1)}M/s`;
  if (r >= 1e4) return `${(r / 1e3).toFixed(1)}k/s`;
  return `${r >= 100 ? Math.round(r) : r.toFixed(1)}/s`;
}

export const fmtShare = (s: number | null | undefined) =>
  s === null || s === undefined || !Number.isFinite(s) ? "—" : `${Math.round(s * 100)}%`;

export function fmtDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A counter: 950, 12.3k, 4.5M. */
export function fmtCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

/** A latency that is often below a millisecond (a UDF worker's round trip). */
export const fmtLatency = (ms: number | null | undefined) =>
  ms === null || ms === undefined || !Number.isFinite(ms) ? "—" : ms < 10 ? `${ms.toFixed(1)} ms` : fmtDuration(ms);

export function fmtBytes(b: number | null | undefined): string {
  if (b === null || b === undefined || !Number.isFinite(b)) return "—";
  const units = ["B", "KiB", "MiB", "GiB"];
  let v = b;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) (v /= 1024), i++;
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

export const fmtTime = (t: number | null | undefined) => (t ? new Date(t).toLocaleTimeString() : "—");

/** Edge colour by the upstream node's backpressured share, as Flink's web UI colours vertices. */
export function backpressureTone(share: number | null | undefined): "none" | "ok" | "low" | "high" {
  if (share === null || share === undefined || !Number.isFinite(share)) return "none";
  return share >= 0.5 ? "high" : share >= 0.1 ? "low" : "ok";
}
