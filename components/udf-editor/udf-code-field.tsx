// The config field of a TS UDF's code (any kind's field with format "typescript"): a Monaco editor that knows the
// input row (`Input`), the allowlisted libraries and the node's errors. Monaco itself loads on first use.
"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { GraphError } from "@/pipeline/graph";
import type { RowType } from "@/pipeline/types";
import { UDF_LIBRARIES } from "@/pipeline/udf/libraries";
import { useUdfEditorActions } from "./actions";
import "./udf-editor.css";

const MonacoCodeEditor = dynamic(() => import("./monaco-code-editor"), {
  ssr: false,
  loading: () => <div className="sc-udf-editor__host" data-testid="udf-editor" data-state="loading" />,
});

export type UdfCodeFieldProps = {
  nodeId: string;
  path: string;
  label: string;
  value: string;
  onChange(code: string): void;
  inputRowType: RowType | undefined;
  errors: GraphError[];
};

export function UdfCodeField(props: UdfCodeFieldProps) {
  const actions = useUdfEditorActions();
  const [wide, setWide] = useState(false);
  return (
    <div className={`sc-udf-editor${wide ? " is-wide" : ""}`} data-testid={`udf-field-${props.path}`}>
      <div className="sc-udf-editor__bar">
        <span className="sc-field__label">{props.label} <em className="sc-muted">TypeScript</em></span>
        <span className="sc-udf-editor__actions" data-testid="udf-editor-actions">
          {actions?.({ nodeId: props.nodeId, field: props.path, code: props.value, inputRowType: props.inputRowType })}
          <button type="button" className="sc-button sc-button--ghost" data-testid="udf-editor-widen" aria-pressed={wide}
            title={wide ? "Give the canvas its room back" : "Widen the editor over the canvas"} onClick={() => setWide(!wide)}>
            {wide ? "⇥ Narrow" : "⇤ Widen"}
          </button>
        </span>
      </div>
      <MonacoCodeEditor {...props} />
      <span className="sc-field__hint">
        {"`row` is the input row (type Input). Import only: "}
        {UDF_LIBRARIES.map((l, i) => <span key={l}>{i ? ", " : ""}<code>{l}</code></span>)}.
      </span>
    </div>
  );
}
