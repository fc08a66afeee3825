// The pipeline file format: stable, pretty-printed JSON meant for Git — nodes and edges sorted by id, object keys in a
// fixed order (config keys sorted), positions rounded, one node per block and one edge per line.
import { type GraphError, type PipelineGraph, pipelineFileSchema } from "./graph";
import { portsOf } from "./kinds";
import { RunSettingsSchema } from "./run-settings";
import { parseGraph, type ParseGraphResult } from "./upgrade";

export const FILE_FORMAT = "streamcanvas/pipeline";
export const FILE_EXTENSION = ".streamcanvas.json";

/** Lines shorter than this print a small object or array on one line, e.g. a position or an edge. */
const INLINE_MAX = 96;
const TOP_KEYS = ["format", "schemaVersion", "name", "settings", "nodes", "edges"];
const NODE_KEYS = ["id", "kind", "version", "position", "config"];
/** The run settings in the order the run panel shows them (RunSettingsSchema's order). */
const SETTINGS_KEYS = Object.keys(RunSettingsSchema.shape);

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Keys in `order` first (in that order), then the rest sorted, so the output never depends on insertion order. */
function orderedKeys(o: Record<string, unknown>, order: string[] = []): string[] {
  const rest = Object.keys(o).filter((k) => !order.includes(k) && o[k] !== undefined).sort();
  return [...order.filter((k) => k in o && o[k] !== undefined), ...rest];
}

function print(v: unknown, indent: string, keyOrder?: string[], block = false): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  const inner = indent + "  ";
  if (Array.isArray(v)) {
    if (!v.length) return "[]";
    const items = v.map((x) => print(x, inner));
    const flat = `[${items.join(", ")}]`;
    if (!block && !flat.includes("\n") && flat.length + indent.length < INLINE_MAX) return flat;
    return `[\n${items.map((s) => inner + s).join(",\n")}\n${indent}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = orderedKeys(o, keyOrder);
  if (!keys.length) return "{}";
  const entries = keys.map((k) => `${JSON.stringify(k)}: ${print(o[k], inner)}`);
  const flat = `{ ${entries.join(", ")} }`;
  if (!block && !flat.includes("\n") && flat.length + indent.length < INLINE_MAX) return flat;
  return `{\n${entries.map((s) => inner + s).join(",\n")}\n${indent}}`;
}

/** The file text for a graph. Equal graphs (up to node/edge order and sub-pixel positions) give identical text. */
export function formatPipelineFile(graph: PipelineGraph): string {
  const nodes = [...graph.nodes].sort(byId).map((n) => {
    const node = { ...n, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } };
    return print(node, "    ", NODE_KEYS, true);
  });
  const edges = [...graph.edges].sort(byId).map((e) => print({ id: e.id, from: e.from, to: e.to }, "    ", ["id", "from", "to"]));
  const head = TOP_KEYS.slice(0, 3).map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(k === "format" ? FILE_FORMAT : graph[k as "name"])}`);
  const list = (xs: string[]) => (xs.length ? `[\n${xs.map((s) => `    ${s}`).join(",\n")}\n  ]` : "[]");
  const settings = print(graph.settings, "  ", SETTINGS_KEYS, true);
  return `{\n${head.join(",\n")},\n  "settings": ${settings},\n  "nodes": ${list(nodes)},\n  "edges": ${list(edges)}\n}\n`;
}

const FILE_SCHEMA = pipelineFileSchema(portsOf);

/** Whether the text is a valid beginning of some JSON document (an error only at its very end). */
function validPrefix(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (e) {
    const m = (e as Error).message;
    const at = /position (\d+)/.exec(m);
    return /end of (JSON )?input/i.test(m) || (!!at && Number(at[1]) >= text.length);
  }
}

/** "line 3, column 7" of a syntax error: engines word (and place) it differently, so it is found by bisection. */
function jsonErrorAt(text: string, message: string): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (validPrefix(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const before = text.slice(0, lo + 1);
  const line = before.split("\n").length;
  const short = message.replace(/,? ?".*" is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
  return `${short} at line ${line}, column ${before.length - before.lastIndexOf("\n") - 1}`;
}

/** Names the node behind an error path such as nodes.2.position.x, so the user can find it in the file. */
function pinpoint(raw: unknown, e: GraphError): GraphError {
  const m = e.field ? /^nodes\.(\d+)(?:\.|$)/.exec(e.field) : null;
  const id = m ? ((raw as { nodes?: { id?: unknown }[] }).nodes?.[Number(m[1])]?.id) : undefined;
  return typeof id === "string" && !e.nodeId ? { ...e, nodeId: id } : e;
}

/** Reads a pipeline file: JSON syntax, schema (each error names its field), edges that join existing nodes and ports
 *  (each bad edge named), and upgrades of older versions. */
export function parsePipelineFile(text: string): ParseGraphResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ message: `not a JSON file: ${jsonErrorAt(text, (e as Error).message)}` }] };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, errors: [{ message: "not a pipeline file: expected a JSON object with nodes and edges" }] };
  }
  const fmt = (raw as { format?: unknown }).format;
  if (fmt !== undefined && fmt !== FILE_FORMAT) {
    return { ok: false, errors: [{ field: "format", message: `not a pipeline file: format is ${JSON.stringify(fmt)}, expected "${FILE_FORMAT}"` }] };
  }
  const r = parseGraph(raw, FILE_SCHEMA);
  return r.ok ? r : { ok: false, errors: r.errors.map((e) => pinpoint(raw, e)) };
}

/** One line per error, "field (node x): message", for an import dialog or the CLI. */
export function describeFileErrors(errors: GraphError[]): string {
  return errors.map((e) => [e.field, e.nodeId && `(node ${e.nodeId})`].filter(Boolean).join(" ") + (e.field || e.nodeId ? ": " : "") + e.message).join("\n");
}
