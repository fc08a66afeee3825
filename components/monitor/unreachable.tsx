// Says that Flink or the runner cannot be reached, and how old the figures shown are, instead of passing them off as current.
export function Unreachable({ since, at, message }: { since: number | null; at: number; message: string | null }) {
  if (since === null) return null;
  return (
    <div className="sc-alert sc-alert--bad" data-testid="monitor-unreachable">
      <strong>Unreachable since {new Date(since).toLocaleTimeString()}</strong>
      {" — figures below are as of "}{new Date(at).toLocaleTimeString()}.
      {message && <div className="sc-muted">{message}</div>}
    </div>
  );
}
