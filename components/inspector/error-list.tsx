// A list of graph errors with the node id and config field path each one points at.
"use client";
import type { GraphError } from "@/pipeline/graph";

export function ErrorList({ errors, testId, withNode }: { errors: GraphError[]; testId: string; withNode?: boolean }) {
  if (!errors.length) return null;
  return (
    <ul className="sc-errors" data-testid={testId}>
      {errors.map((e, i) => (
        <li key={i} className="sc-errors__item">
          {(withNode && e.nodeId) || e.field ? (
            <code className="sc-errors__path">
              {withNode && e.nodeId ? e.nodeId : ""}
              {withNode && e.nodeId && e.field ? "." : ""}
              {e.field ?? ""}
            </code>
          ) : null}
          <span>{e.message}</span>
        </li>
      ))}
    </ul>
  );
}
