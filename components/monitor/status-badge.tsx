// A coloured badge for a run's status (SUBMITTING → CREATED → RUNNING → FINISHED/FAILED/CANCELED/LOST).
/** testId null leaves the badge unmarked, for lists where `run-status` would be ambiguous. */
export function StatusBadge({ status, testId = "run-status" }: { status: string; testId?: string | null }) {
  const tone =
    status === "FINISHED" ? "ok"
    : status === "RUNNING" ? "live"
    : status === "FAILED" || status === "LOST" ? "bad"
    : status === "CANCELED" || status === "CANCELLING" ? "muted"
    : "pending";
  return (
    <span className={`sc-badge sc-badge--${tone}`} data-testid={testId ?? undefined} data-status={status}>
      {tone === "live" && <span className="sc-badge__pulse" />}
      {status}
    </span>
  );
}
