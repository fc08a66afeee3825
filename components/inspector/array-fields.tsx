// Array fields of generated forms: lists of values or objects with add/remove, and tables of cells (arrays of arrays).
"use client";
import { useContext } from "react";
import type { GraphError } from "@/pipeline/graph";
import { FormCtx } from "./form-context";
import { emptyValue, typeOf, unwrapNullable, type JsonSchema } from "./json-schema";
import { Field } from "./schema-form";

export type FieldProps = {
  name: string; path: string; schema: JsonSchema; value: unknown; required: boolean;
  onChange(v: unknown): void;
  /** the object holding this field, for fields that read their siblings (table headers from `columns`) */
  parent?: Record<string, unknown>;
  /** sets sibling fields in one edit (a table field taking the table's columns into the node) */
  onParentChange?(patch: Record<string, unknown>): void;
};

export function fieldErrors(errors: GraphError[], path: string) {
  return errors.filter((e) => e.field === path);
}

function Errors({ path }: { path: string }) {
  const errs = fieldErrors(useContext(FormCtx).errors, path);
  return <>{errs.map((e, i) => <span key={i} className="sc-field__error">{e.message}</span>)}</>;
}

export function ArrayField(props: FieldProps & { label: string }) {
  const items = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const itemSchema = props.schema.items ?? { type: "string" };
  const itemType = typeOf(unwrapNullable(itemSchema).schema);
  if (itemType === "array") return <TableField {...props} items={items as unknown[][]} itemSchema={itemSchema} />;
  const objectItems = itemType === "object";
  const setItem = (i: number, v: unknown) => props.onChange(items.map((x, j) => (j === i ? v : x)));
  const remove = (i: number) => props.onChange(items.filter((_, j) => j !== i));
  return (
    <fieldset className="sc-fieldset" data-testid={`field-${props.path}`}>
      <legend>{props.label}</legend>
      {items.map((item, i) => (
        <div key={i} className={`sc-array-item${objectItems ? " sc-array-item--object" : ""}`}>
          <div className="sc-array-item__fields">
            <Field name={String(i)} path={`${props.path}.${i}`} schema={{ ...itemSchema, title: objectItems ? `#${i + 1}` : " " }}
              value={item} required onChange={(v) => setItem(i, v)} />
          </div>
          <button type="button" className="sc-icon-button" title="Remove" data-testid={`remove-${props.path}.${i}`}
            onClick={() => remove(i)}>×</button>
        </div>
      ))}
      <button type="button" className="sc-button sc-button--small" data-testid={`add-${props.path}`}
        onClick={() => props.onChange([...items, emptyValue(itemSchema)])}>+ Add</button>
      <Errors path={props.path} />
    </fieldset>
  );
}

/** Rows of text cells, one input per cell; headers come from a sibling `columns: [{name}]` when there is one. */
function TableField(props: FieldProps & { label: string; items: unknown[][]; itemSchema: JsonSchema }) {
  const { items } = props;
  const siblings = props.parent?.columns;
  const headers = Array.isArray(siblings) ? siblings.map((c) => String((c as { name?: unknown })?.name ?? "")) : [];
  const width = Math.max(headers.length, ...items.map((r) => r.length), 1);
  const setCell = (r: number, c: number, v: string) =>
    props.onChange(items.map((row, i) => (i !== r ? row : Array.from({ length: Math.max(row.length, c + 1) }, (_, j) => (j === c ? v : (row[j] ?? ""))))));
  return (
    <fieldset className="sc-fieldset" data-testid={`field-${props.path}`}>
      <legend>{props.label}</legend>
      <div className="sc-cells" style={{ gridTemplateColumns: `repeat(${width}, minmax(0, 1fr)) 24px` }}>
        {headers.length > 0 && (
          <>
            {Array.from({ length: width }, (_, c) => <span key={c} className="sc-cells__head">{headers[c] ?? ""}</span>)}
            <span />
          </>
        )}
        {items.map((row, r) => (
          <div key={r} className="sc-cells__row">
            {Array.from({ length: width }, (_, c) => (
              <input key={c} className="sc-input sc-input--mono" data-testid={`field-${props.path}.${r}.${c}`} spellCheck={false}
                value={String(row[c] ?? "")} onChange={(e) => setCell(r, c, e.target.value)} />
            ))}
            <button type="button" className="sc-icon-button" title="Remove row" data-testid={`remove-${props.path}.${r}`}
              onClick={() => props.onChange(items.filter((_, j) => j !== r))}>×</button>
          </div>
        ))}
      </div>
      {items.map((_, r) => <Errors key={r} path={`${props.path}.${r}`} />)}
      {items.flatMap((row, r) => Array.from({ length: width }, (_, c) => <Errors key={`${r}.${c}`} path={`${props.path}.${r}.${c}`} />))}
      <button type="button" className="sc-button sc-button--small" data-testid={`add-${props.path}`}
        onClick={() => props.onChange([...items, Array.from({ length: width }, () => "")])}>+ Add row</button>
      <Errors path={props.path} />
    </fieldset>
  );
}
