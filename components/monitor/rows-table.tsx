// The rows a collect sink kept, as a table with column names and Flink types in the header.
import type { SinkResult } from "./types";

function cell(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export function RowsTable({ sinkId, result }: { sinkId: string; result: SinkResult }) {
  return (
    <div className="sc-rows">
      <div className="sc-rows__caption">
        <code>{sinkId}</code>
        <span className="sc-muted" data-testid={`rows-count-${sinkId}`}>
          {result.rows.length === result.total ? `${result.total} rows` : `last ${result.rows.length} of ${result.total} rows`}
        </span>
      </div>
      <div className="sc-rows__scroll">
        <table className="sc-table" data-testid="rows-table" data-sink={sinkId}>
          <thead>
            <tr>
              <th className="sc-table__kind" title="row kind (+I insert, -U/+U update, -D delete)">op</th>
              {result.columns.map((c) => (
                <th key={c.name} data-column={c.name}>
                  <span className="sc-table__col">{c.name}</span>
                  <span className="sc-table__type">{c.type}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r, i) => (
              <tr key={i} data-testid="rows-table-row">
                <td className="sc-table__kind">{r.kind}</td>
                {r.values.map((v, j) => (
                  <td key={j} className={v === null ? "is-null" : undefined} data-testid={`cell-${result.columns[j]?.name ?? j}`}>
                    {cell(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
