// Why a node's input has no columns yet: not connected, or connected behind a node with an error (named), so the
// inspector says the truth instead of "connect an input" to a connected node.
import type { GraphError } from "./graph";
import type { RowType } from "./types";

/** An edge as far as this question goes: which node feeds which input port of which node. */
export type InputLink = { from: string; to: string; port: string };

export type InputStatus =
  | { state: "typed"; rowType: RowType }
  | { state: "unconnected" }
  /** the nearest node upstream (the feeding node itself, or further up) that has an error */
  | { state: "upstream-error"; nodeId: string; message: string }
  | { state: "unknown" };

export function inputStatus(
  links: InputLink[], errors: GraphError[], rowTypes: Record<string, RowType | undefined>, nodeId: string, port: string,
): InputStatus {
  const feeding = links.find((l) => l.to === nodeId && l.port === port)?.from;
  if (feeding === undefined) return { state: "unconnected" };
  const rowType = rowTypes[feeding];
  if (rowType) return { state: "typed", rowType };
  // breadth first, so the nearest broken node is named (the others are usually broken because of it)
  const seen = new Set<string>();
  for (let layer = [feeding]; layer.length > 0;) {
    for (const id of layer) {
      const err = errors.find((e) => e.nodeId === id);
      if (err) return { state: "upstream-error", nodeId: id, message: err.field ? `${err.field}: ${err.message}` : err.message };
      seen.add(id);
    }
    layer = [...new Set(links.filter((l) => layer.includes(l.to) && !seen.has(l.from)).map((l) => l.from))];
  }
  return { state: "unknown" };
}
