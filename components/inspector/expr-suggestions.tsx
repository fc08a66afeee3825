// The autocomplete list under an expression field: columns with types, functions with signatures (and, for the active
// one, the catalogue's one-line description; every function's on hover); mouse or keyboard.
"use client";
import type { Suggestion } from "@/pipeline/expr/suggest";

type Props = { path: string; items: Suggestion[]; active: number; onPick(s: Suggestion): void };

export function ExprSuggestions({ path, items, active, onPick }: Props) {
  if (!items.length) return null;
  return (
    <ul className="sc-expr__suggestions" role="listbox" id={`expr-suggest-${path}`} data-testid={`expr-suggestions-${path}`}>
      {items.map((s, i) => (
        <li
          key={`${s.kind}:${s.label}`} role="option" aria-selected={i === active}
          className={`sc-expr__suggestion sc-expr__suggestion--${s.kind}${i === active ? " is-active" : ""}`}
          data-testid="expr-suggestion" data-kind={s.kind} data-label={s.label}
          // mousedown, not click: the textarea keeps focus, so its blur does not close the list first
          onMouseDown={(e) => { e.preventDefault(); onPick(s); }}
          title={s.doc}
        >
          <span className="sc-expr__suggestion-label">{s.label}</span>
          <span className="sc-expr__suggestion-detail">{s.detail}</span>
          {i === active && s.doc ? <span className="sc-expr__suggestion-doc" data-testid="expr-suggestion-doc">{s.doc}</span> : null}
        </li>
      ))}
    </ul>
  );
}
