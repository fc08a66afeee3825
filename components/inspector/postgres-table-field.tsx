// A PostgreSQL table field: typed freely, with the tables of the node's connection in its schema as suggestions, read
// live through the runner (connections.tables); the chosen table's columns with their Flink types and its primary key
// under it, and a button that takes them into the node (its columns, or a sink's primary key).
"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { describeError } from "@/components/monitor/describe-error";

export function PostgresTableField({ path, parent, value, input, onParentChange }: {
  path: string; value: string; parent: Record<string, unknown>;
  /** the text input, given the datalist id to suggest from */
  input(list: string): React.ReactNode;
  /** sets sibling fields (the node's columns or primary key) */
  onParentChange?(patch: Record<string, unknown>): void;
}) {
  const trpc = useTRPC();
  const connection = String(parent.connection ?? "");
  const schema = String(parent.schema ?? "public");
  const tables = useQuery(trpc.connections.tables.queryOptions({ name: connection }, { enabled: connection.trim() !== "", retry: false, staleTime: 30_000 }));
  const list = `sc-tables-${path}`;
  const known = (tables.data?.tables ?? []).filter((t) => t.schema === schema);
  const match = known.find((t) => t.name === value);
  const usable = match?.columns.filter((c) => c.type !== null) ?? [];
  const takesColumns = "columns" in parent;
  const takesKey = !takesColumns && "primaryKey" in parent;
  return (
    <>
      {input(list)}
      <datalist id={list}>
        {known.map((t) => <option key={t.name} value={t.name} data-testid="table-option">{`${t.columns.length} columns`}</option>)}
      </datalist>
      <span className="sc-field__hint" data-testid={`tables-${path}`} data-count={known.length}>
        {connection.trim() === "" ? "Choose a connection to list its tables."
          : tables.isPending ? `Listing the tables of ${connection}…`
          : tables.error ? <span className="sc-bad">Could not list the tables of {connection}: {describeError(tables.error)}</span>
          : match ? (
            <>
              <span data-testid={`table-columns-${path}`}>
                {match.columns.map((c) => `${c.name} ${c.type ?? `(unsupported: ${c.unsupported ?? "?"})`}`).join(", ")}
                {match.primaryKey.length ? `; primary key (${match.primaryKey.join(", ")})` : "; no primary key"}
              </span>
              {onParentChange && takesColumns && (
                <button type="button" className="sc-button sc-button--ghost" data-testid={`use-table-columns-${path}`}
                  onClick={() => onParentChange({ columns: usable.map((c) => ({ name: c.name, type: c.type })) })}>use these columns</button>
              )}
              {onParentChange && takesKey && match.primaryKey.length > 0 && (
                <button type="button" className="sc-button sc-button--ghost" data-testid={`use-table-key-${path}`}
                  onClick={() => onParentChange({ primaryKey: [...match.primaryKey] })}>key the sink by it</button>
              )}
            </>
          )
          : `${known.length} table${known.length === 1 ? "" : "s"} in ${schema} on ${connection}${value && !match ? `; "${value}" is not one of them` : ""}`}
        {!tables.isPending && connection.trim() !== "" && (
          <button type="button" className="sc-button sc-button--ghost" data-testid={`tables-refresh-${path}`} onClick={() => void tables.refetch()}>↻</button>
        )}
      </span>
    </>
  );
}
