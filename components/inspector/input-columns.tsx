// The columns (and Flink types) arriving at the selected node: what its expressions may refer to; else why there are none.
import type { InputStatus } from "@/pipeline/input-status";
import { formatType } from "@/pipeline/types";

/** `port` names the input of a node with several (join: left / right); its test id gets the port too. */
export function InputColumns({ status, port }: { status: InputStatus; port?: string }) {
  return (
    <div className="sc-input-columns" data-testid={port ? `input-columns-${port}` : "input-columns"} data-state={status.state}>
      <span className="sc-input-columns__title">{port ? `Input columns (${port})` : "Input columns"}</span>
      {status.state === "typed" ? (
        status.rowType.map((c) => (
          <span key={c.name} className="sc-chip" data-testid={`input-column-${c.name}`}>
            {c.name} <em>{formatType(c.type)}</em>
          </span>
        ))
      ) : status.state === "upstream-error" ? (
        <span className="sc-muted" data-testid="input-columns-upstream-error">
          unknown: the input has an error upstream, at node <code>{status.nodeId}</code> ({status.message})
        </span>
      ) : status.state === "unconnected" ? (
        <span className="sc-muted">connect an input to see its columns</span>
      ) : (
        <span className="sc-muted">unknown until the nodes upstream are complete</span>
      )}
    </div>
  );
}
