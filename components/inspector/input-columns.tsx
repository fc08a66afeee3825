// The columns (and Flink types) arriving at the selected node: what its expressions may refer to.
import { formatType, type RowType } from "@/pipeline/types";

/** `port` names the input of a node with several (join: left / right); its test id gets the port too. */
export function InputColumns({ rowType, port }: { rowType: RowType | undefined; port?: string }) {
  return (
    <div className="sc-input-columns" data-testid={port ? `input-columns-${port}` : "input-columns"}>
      <span className="sc-input-columns__title">{port ? `Input columns (${port})` : "Input columns"}</span>
      {rowType?.length ? (
        rowType.map((c) => (
          <span key={c.name} className="sc-chip" data-testid={`input-column-${c.name}`}>
            {c.name} <em>{formatType(c.type)}</em>
          </span>
        ))
      ) : (
        <span className="sc-muted">connect an input to see its columns</span>
      )}
    </div>
  );
}
