// Row types as edge label text: the full list for hovering, and a shortened form that fits between two nodes.
import { formatType, type RowType } from "@/pipeline/types";

/** Approximate width of one character of the label's 10.5 px monospace font, in flow units. */
export const CHAR_PX = 6.4;

export function rowTypeText(rt: RowType): string {
  return rt.map((c) => `${c.name} ${formatType(c.type)}`).join(", ");
}

/** As many whole columns as fit in `chars`, then "+N" for the rest, e.g. "id BIGINT, name STRING +2". */
export function shortRowType(rt: RowType, chars: number): string {
  const parts = rt.map((c) => `${c.name} ${formatType(c.type)}`);
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const rest = parts.length - i - 1;
    const next = (out ? `${out}, ` : "") + parts[i];
    if (next.length + (rest ? ` +${rest}`.length : 0) > chars && out) return `${out} +${parts.length - i}`;
    out = next;
  }
  return out;
}
