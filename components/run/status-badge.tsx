// A coloured badge for a run's status (SUBMITTING → CREATED → RUNNING → FINISHED/FAILED/CANCELED/LOST).
export function StatusBadge({ status }: { status: string }) {
  const tone =
    status === "FINISHED" ? "ok"
    : status === "RUNNING" ? "live"
    : status === "FAILED" || status === "LOST" ? "bad"
    : status === "CANCELED" || status === "CANCELLING" ? "muted"
    : "pending";
  return (
    <span className={`sc-badge sc-badge--${tone}`} data-testid="run-status" data-status={status}>
      {tone === "live" && <span className="sc-badge__pulse" />}
      {status}
    </span>
  );
}
