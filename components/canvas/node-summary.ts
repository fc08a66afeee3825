// One or two short lines describing a node's config on the canvas, derived from its schema (no per-kind code).
import type { NodeKind } from "@/pipeline/kinds/define";
import { configSchema, humanize, isExpression, typeOf, unwrapNullable } from "@/components/inspector/json-schema";

export type SummaryLine = { text: string; mono: boolean };

/** Expressions are shown as written; lists as a count ("4 columns"); other fields are left to the inspector. */
export function nodeSummary(kind: NodeKind<unknown>, config: Record<string, unknown>): SummaryLine[] {
  const lines: SummaryLine[] = [];
  for (const [key, raw] of Object.entries(configSchema(kind).properties ?? {})) {
    const s = unwrapNullable(raw).schema;
    const v = config[key];
    const t = typeOf(s);
    if (t === "string" && isExpression(s, key) && typeof v === "string" && v.trim()) {
      lines.push({ text: v, mono: true });
    } else if (t === "array" && Array.isArray(v)) {
      lines.push({ text: `${v.length} ${(s.title ?? humanize(key)).toLowerCase()}`, mono: false });
    }
  }
  return lines.slice(0, 2);
}
