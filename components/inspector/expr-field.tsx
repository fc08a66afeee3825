// An expression input: monospace, shows parse/type errors with a caret under the offending span, lists input columns.
"use client";
import { useContext, useMemo, useRef } from "react";
import { analyzeExpr, parseExpr } from "@/pipeline/expr";
import { formatType, type DataType } from "@/pipeline/types";
import { ExprSuggestions } from "./expr-suggestions";
import { FormCtx } from "./form-context";
import { useExprSuggestions } from "./use-expr-suggestions";

/** keys that move the cursor without typing: the list follows the word under the cursor */
const CURSOR_KEYS = new Set(["ArrowLeft", "ArrowRight", "Home", "End"]);

type Props = { label: string; path: string; value: string; hint?: string; onChange(v: string): void };
type Span = { start: number; end: number };
type Analysis = { type?: DataType; errors: { message: string; span?: Span }[] };

/** The offending line of the expression with carets under the error's span (expressions may span lines). */
function Caret({ text, span }: { text: string; span: Span }) {
  const start = Math.min(span.start, text.length);
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const nl = text.indexOf("\n", start);
  const lineEnd = nl === -1 ? text.length : nl;
  const width = Math.max(1, Math.min(span.end, lineEnd + 1) - start);
  return (
    <pre className="sc-expr__caret" data-testid="expr-caret">
      {text.slice(lineStart, lineEnd) || " "}
      {"\n"}
      {" ".repeat(start - lineStart)}
      <span className="sc-expr__caret-mark">{"^".repeat(width)}</span>
    </pre>
  );
}

export function ExprField({ label, path, value, hint, onChange }: Props) {
  const { errors, inputRowType } = useContext(FormCtx);
  const ref = useRef<HTMLTextAreaElement>(null);
  const ac = useExprSuggestions(ref, value, inputRowType, onChange);
  // Without an input only the syntax can be checked; with one, names and types too.
  const analysis = useMemo<Analysis>(() => {
    if (inputRowType) {
      const r = analyzeExpr(value, inputRowType);
      return r.ok ? { type: r.type, errors: [] } : { errors: r.errors };
    }
    const p = parseExpr(value);
    return p.ok ? { errors: [] } : { errors: [p.error] };
  }, [value, inputRowType]);
  // The graph's validation may add field errors beyond the expression's own (e.g. "predicate must be BOOLEAN").
  const messages = [...analysis.errors, ...errors.filter((e) => e.field === path)].filter(
    (e, i, all) => all.findIndex((x) => x.message === e.message) === i,
  );
  const spanned = messages.find((e) => e.span);
  return (
    <div className={`sc-field sc-expr${messages.length ? " has-error" : ""}`}>
      <label className="sc-field__label" htmlFor={`expr-${path}`}>
        {label}
        {analysis.type && <span className="sc-expr__type" data-testid={`expr-type-${path}`}>→ {formatType(analysis.type)}</span>}
      </label>
      <div className="sc-expr__box">
        <textarea
          ref={ref} id={`expr-${path}`} className="sc-input sc-input--mono sc-expr__input" data-testid={`field-${path}`} rows={1}
          value={value} spellCheck={false} autoComplete="off" role="combobox" aria-expanded={ac.items.length > 0}
          aria-controls={`expr-suggest-${path}`} aria-autocomplete="list"
          onChange={(e) => { onChange(e.target.value); ac.track(true); }}
          onKeyDown={ac.onKeyDown} onKeyUp={(e) => CURSOR_KEYS.has(e.key) && ac.track()}
          onClick={() => ac.track(false)} onBlur={ac.close}
        />
        <ExprSuggestions path={path} items={ac.items} active={ac.active} onPick={ac.accept} />
      </div>
      {spanned?.span && <Caret text={value} span={spanned.span} />}
      {messages.map((e, i) => (
        <span key={i} className="sc-field__error" data-testid={`field-error-${path}`}>{e.message}</span>
      ))}
      {hint && <span className="sc-field__hint">{hint}</span>}
    </div>
  );
}
