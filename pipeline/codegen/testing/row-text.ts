// Test support (not a test itself): a rows file's row as the printed Java program's print sink shows it, nested ROW /
// ARRAY / MAP values rendered by their column types as Row#toString does (+I[…], […], {k=v, …}) and split at ", " as
// java.int.test.ts splits the printed line, so both sides compare alike.
import { readFileSync } from "node:fs";
import { type DataType, isNested } from "../../types";
import { parseGraph } from "../../upgrade";
import { validateGraph } from "../../validate";

/** The column types of each collect sink's input in a fixture graph. */
export function sinkColumnTypes(graphFile: string): Record<string, DataType[]> {
  const parsed = parseGraph(JSON.parse(readFileSync(graphFile, "utf8")));
  if (!parsed.ok) return {};
  const { rowTypes } = validateGraph(parsed.graph);
  const sinks = parsed.graph.nodes.filter((n) => n.kind === "collect").map((n) => n.id);
  return Object.fromEntries(parsed.graph.edges.filter((e) => sinks.includes(e.to.node))
    .map((e) => [e.to.node, (rowTypes[e.from.node] ?? []).map((c) => c.type)]));
}

export function javaRowText(types: DataType[] | undefined, row: unknown[]): unknown[] {
  return row.flatMap((v, i) => {
    const t = types?.[i];
    return t && isNested(t) && v !== null ? render(t, v).split(", ") : [v];
  });
}

function render(t: DataType, v: unknown): string {
  if (v === null || v === undefined) return "null";
  switch (t.root) {
    case "ROW": return `+I[${t.fields!.map((f) => render(f.type, (v as Record<string, unknown>)[f.name])).join(", ")}]`;
    case "ARRAY": return `[${(v as unknown[]).map((e) => render(t.element!, e)).join(", ")}]`;
    case "MAP": return `{${(v as [unknown, unknown][]).map(([k, x]) => `${render(t.key!, k)}=${render(t.value!, x)}`).join(", ")}}`;
    case "MULTISET": return `{${(v as [unknown, number][]).map(([e, n]) => `${render(t.element!, e)}=${n}`).join(", ")}}`;
    case "DOUBLE": case "FLOAT": return Number.isInteger(v) ? (v as number).toFixed(1) : String(v);
    default: return String(v);
  }
}
