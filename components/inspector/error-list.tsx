// A list of graph errors with the node id and config field path each one points at.
"use client";
import type { ReactNode } from "react";
import type { GraphError } from "@/pipeline/graph";

type Props = { errors: GraphError[]; testId: string; withNode?: boolean; action?: (e: GraphError) => ReactNode };

/** `action`: a fix offered beside an error, e.g. removing an edge the canvas cannot draw. */
export function ErrorList({ errors, testId, withNode, action }: Props) {
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
          {action?.(e)}
        </li>
      ))}
    </ul>
  );
}
