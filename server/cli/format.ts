// CLI output: graph errors one per line naming node and field, collect rows as plain-text tables.
import type { GraphError } from "@/pipeline/graph";
import type { SinkResult } from "@/server/store/runs-repo";

/** e.g. `node f1 field predicate: unknown column "x" (did you mean "id"?) at 4-5` */
export function formatGraphError(e: GraphError): string {
  const where = [e.nodeId && `node ${e.nodeId}`, e.edgeId && `edge ${e.edgeId}`, e.field && `field ${e.field}`].filter(Boolean).join(" ");
  const span = e.span ? ` at ${e.span.start}-${e.span.end}` : "";
  return `${where ? `${where}: ` : ""}${e.message}${span}`;
}

const cell = (v: unknown) => (v === null || v === undefined ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** A fixed-width table; the change kind (+I, -U, …) is shown only when some row is not an insert. */
export function formatSink(id: string, sink: SinkResult): string {
  const showKind = sink.rows.some((r) => r.kind !== "+I");
  const header = [...(showKind ? ["op"] : []), ...sink.columns.map((c) => c.name)];
  const rows = sink.rows.map((r) => [...(showKind ? [r.kind] : []), ...r.values.map(cell)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ").trimEnd();
  const shown = sink.rows.length < sink.total ? `last ${sink.rows.length} of ${sink.total} rows` : `${sink.total} rows`;
  return [`sink ${id} (${shown})`, line(header), widths.map((w) => "-".repeat(w)).join("-+-"), ...rows.map(line)].join("\n");
}
