// A number input that keeps what the user types (an empty field, "0.") and commits only values in range, scaled.
"use client";
import { useEffect, useState } from "react";

type Props = {
  /** the stored value (e.g. milliseconds), null for an empty field */
  value: number | null;
  onCommit: (v: number | null) => void;
  /** stored units per shown unit: 1000 shows milliseconds as seconds */
  scale?: number;
  /** in stored units */
  min: number;
  max: number;
  integer?: boolean;
  /** whether an empty field is a value (null), e.g. "off"; otherwise it commits nothing */
  nullable?: boolean;
  testId: string;
  placeholder?: string;
  disabled?: boolean;
  title?: string;
};

export function NumberField({ value, onCommit, scale = 1, min, max, integer = true, nullable = false, testId, placeholder, disabled, title }: Props) {
  const show = (v: number | null) => (v === null ? "" : String(Number((v / scale).toFixed(6))));
  const [text, setText] = useState(show(value));
  const parse = (t: string): number | null | undefined => {
    if (t.trim() === "") return nullable ? null : undefined;
    const n = Number(t) * scale;
    if (!Number.isFinite(n)) return undefined;
    const v = integer ? Math.round(n) : n;
    return v >= min && v <= max ? v : undefined;
  };
  // a change from elsewhere (undo, a reload, another field) replaces the text; the user's own typing does not
  useEffect(() => {
    setText((t) => (parse(t) === value ? t : show(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = parse(text) === undefined;
  return (
    // text, not type="number": a number input reports "" for a half-typed "0." and would clear the value under the user
    <input type="text" inputMode="decimal" data-testid={testId} value={text} placeholder={placeholder} disabled={disabled}
      title={invalid ? `${title ? `${title}: ` : ""}a number from ${min / scale} to ${max / scale}` : title} aria-invalid={invalid || undefined}
      className={invalid ? "is-invalid" : undefined}
      onChange={(e) => {
        setText(e.target.value);
        const v = parse(e.target.value);
        if (v !== undefined && v !== value) onCommit(v);
      }} />
  );
}
