// The columns (and Flink types) arriving at the selected node: what its expressions may refer to.
import { formatType, type RowType } from "@/pipeline/types";

export function InputColumns({ rowType }: { rowType: RowType | undefined }) {
  return (
    <div className="sc-input-columns" data-testid="input-columns">
      <span className="sc-input-columns__title">Input columns</span>
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
