// Joins the live validator's errors with the server's type check of the same nodes so that each problem counts once.
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import { lineCol } from "@/pipeline/udf/tokens";

/** The 1-based line of an error in its node's code field, when it has a span into that text. */
export function errorLine(graph: PipelineGraph, e: GraphError): number | undefined {
  if (!e.nodeId || !e.field || !e.span) return undefined;
  const text = graph.nodes.find((n) => n.id === e.nodeId)?.config[e.field];
  return typeof text === "string" ? lineCol(text, Math.min(e.span.start, text.length)).line : undefined;
}

/**
 * `own` then the `extra` errors that say something new. The compiler words some problems the validator already found
 * from the text (a missing or unsupported output column type) differently and a few characters apart, so an extra
 * error on the same node, field and line as one of `own` is the same problem, reported once in the validator's words.
 */
export function mergeErrors(graph: PipelineGraph, own: GraphError[], extra: GraphError[]): GraphError[] {
  const key = (e: GraphError) => `${e.nodeId ?? ""}\u0000${e.field ?? ""}`;
  const lines = new Set(own.map((e) => `${key(e)}\u0000${errorLine(graph, e) ?? ""}`));
  const messages = new Set(own.map((e) => `${key(e)}\u0000${e.message}`));
  const out = [...own];
  for (const e of extra) {
    const line = errorLine(graph, e);
    const k = `${key(e)}\u0000${e.message}`;
    if (messages.has(k) || (line !== undefined && lines.has(`${key(e)}\u0000${line}`))) continue;
    messages.add(k);
    out.push(e);
  }
  return out;
}
