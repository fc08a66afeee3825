// What Test found (brokers, topics) or exactly what failed, as the server said it.
"use client";
import type { ConnectionTest } from "@/server/api/routers/connections";

export function TestResult({ pending, result, error }: { pending: boolean; result?: ConnectionTest; error?: string }) {
  if (pending) return <p className="sc-muted" data-testid="connection-test-result" data-state="pending">Connecting…</p>;
  if (error) return <p className="sc-field__error" data-testid="connection-test-result" data-state="failed">{error}</p>;
  if (!result) return null;
  return (
    <p className={result.ok ? "sc-conn-test is-ok" : "sc-field__error"} data-testid="connection-test-result" data-state={result.ok ? "ok" : "failed"}>
      {result.ok ? "✓ " : "✗ "}{result.message}
    </p>
  );
}
