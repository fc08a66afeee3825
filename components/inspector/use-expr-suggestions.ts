// Autocomplete state for one expression textarea: the suggestion list at the cursor, keyboard navigation, accepting.
"use client";
import { type KeyboardEvent, type RefObject, useCallback, useMemo, useState } from "react";
import { applySuggestion, type Suggestion, suggest } from "@/pipeline/expr/suggest";
import type { RowType } from "@/pipeline/types";

type State = { cursor: number; explicit: boolean; open: boolean; active: number };

export function useExprSuggestions(
  ref: RefObject<HTMLTextAreaElement | null>, value: string, rowType: RowType | undefined, onChange: (v: string) => void,
) {
  const [s, setS] = useState<State>({ cursor: 0, explicit: false, open: false, active: 0 });
  const list = useMemo(() => (s.open ? suggest(value, s.cursor, rowType, s.explicit) : undefined), [s.open, s.cursor, s.explicit, value, rowType]);
  const items = list?.items ?? [];
  const active = Math.min(s.active, Math.max(0, items.length - 1));

  /** Re-reads the cursor after typing or moving it; typing opens the list, moving only keeps it as it was. */
  const track = useCallback((open?: boolean) => {
    const el = ref.current;
    if (!el) return;
    setS((p) => ({ cursor: el.selectionStart ?? 0, explicit: open === undefined ? p.explicit : false, open: open ?? p.open, active: open ? 0 : p.active }));
  }, [ref]);

  const accept = useCallback((item: Suggestion) => {
    if (!list) return;
    const r = applySuggestion(value, list, item);
    onChange(r.text);
    setS({ cursor: r.cursor, explicit: false, open: false, active: 0 });
    // the new value renders first; then the cursor goes after the insertion
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(r.cursor, r.cursor);
    });
  }, [list, value, onChange, ref]);

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === " " && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      setS({ cursor: e.currentTarget.selectionStart ?? 0, explicit: true, open: true, active: 0 });
      return;
    }
    if (!items.length) return;
    const move = (d: number) => setS((p) => ({ ...p, active: (active + d + items.length) % items.length }));
    if (e.key === "ArrowDown") move(1);
    else if (e.key === "ArrowUp") move(-1);
    else if (e.key === "Enter" || e.key === "Tab") accept(items[active]!);
    else if (e.key === "Escape") setS((p) => ({ ...p, open: false }));
    else return;
    e.preventDefault();
  }, [items, active, accept]);

  const close = useCallback(() => setS((p) => ({ ...p, open: false })), []);
  return { items, active, accept, onKeyDown, track, close };
}
