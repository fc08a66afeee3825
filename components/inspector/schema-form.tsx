// A form generated from a node kind's config schema (z.toJSONSchema): one field component per JSON Schema shape.
"use client";
import { useContext } from "react";
import type { GraphError } from "@/pipeline/graph";
import { TYPE_ROOTS } from "@/pipeline/types";
import { ExprField } from "./expr-field";
import { FormCtx as Ctx, type FormContext } from "./form-context";
import { emptyValue, humanize, isExpression, isFlinkType, typeOf, unwrapNullable, type JsonSchema } from "./json-schema";


type FieldProps = { name: string; path: string; schema: JsonSchema; value: unknown; onChange(v: unknown): void; required: boolean };

export function SchemaForm(props: { schema: JsonSchema; value: Record<string, unknown>; onChange(v: Record<string, unknown>): void; ctx: FormContext }) {
  return (
    <Ctx.Provider value={props.ctx}>
      <datalist id="sc-flink-types">
        {TYPE_ROOTS.map((t) => <option key={t} value={t} />)}
      </datalist>
      <ObjectFields schema={props.schema} value={props.value} onChange={props.onChange} path="" />
    </Ctx.Provider>
  );
}

function ObjectFields({ schema, value, onChange, path }: { schema: JsonSchema; value: Record<string, unknown>; onChange(v: Record<string, unknown>): void; path: string }) {
  const set = (k: string, v: unknown) => {
    const next = { ...value };
    if (v === undefined) delete next[k];
    else next[k] = v;
    onChange(next);
  };
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([k, s]) => (
        <Field
          key={k} name={k} path={path ? `${path}.${k}` : k} schema={s} value={value[k]}
          required={schema.required?.includes(k) ?? false} onChange={(v) => set(k, v)}
        />
      ))}
    </>
  );
}

function fieldErrors(errors: GraphError[], path: string) {
  return errors.filter((e) => e.field === path);
}

function Field(props: FieldProps) {
  const { errors } = useContext(Ctx);
  const { schema, nullable } = unwrapNullable(props.schema);
  const t = typeOf(schema);
  const label = schema.title ?? humanize(props.name);
  const errs = fieldErrors(errors, props.path);
  const optional = !props.required || nullable;
  const cleared = nullable ? null : undefined;

  if (t === "array") return <ArrayField {...props} schema={schema} label={label} />;
  if (t === "object") {
    const v = (props.value ?? {}) as Record<string, unknown>;
    return (
      <fieldset className="sc-fieldset">
        <legend>{label}</legend>
        <ObjectFields schema={schema} value={v} onChange={props.onChange} path={props.path} />
      </fieldset>
    );
  }
  let input;
  if (t === "boolean") {
    input = (
      <input type="checkbox" data-testid={`field-${props.path}`} checked={props.value === true}
        onChange={(e) => props.onChange(e.target.checked)} />
    );
  } else if (schema.enum) {
    input = (
      <select className="sc-input" data-testid={`field-${props.path}`} value={String(props.value ?? "")}
        onChange={(e) => props.onChange(e.target.value === "" ? cleared : schema.enum!.find((x) => String(x) === e.target.value))}>
        {optional && <option value="">—</option>}
        {schema.enum.map((x) => <option key={String(x)} value={String(x)}>{String(x)}</option>)}
      </select>
    );
  } else if (t === "integer" || t === "number") {
    input = (
      <input type="number" className="sc-input" data-testid={`field-${props.path}`}
        value={typeof props.value === "number" ? props.value : ""}
        min={schema.minimum} max={schema.maximum !== undefined && schema.maximum < 1e15 ? schema.maximum : undefined}
        step={t === "integer" ? 1 : "any"} placeholder={optional ? "(none)" : ""}
        onChange={(e) => props.onChange(e.target.value === "" ? cleared : Number(e.target.value))} />
    );
  } else if (t === "string" && isExpression(schema, props.name)) {
    return <ExprField label={label} path={props.path} value={String(props.value ?? "")} onChange={props.onChange} hint={schema.description} />;
  } else {
    input = (
      <input type="text" className="sc-input" data-testid={`field-${props.path}`} value={String(props.value ?? "")}
        list={isFlinkType(schema, props.name) ? "sc-flink-types" : undefined} spellCheck={false}
        onChange={(e) => props.onChange(e.target.value === "" && optional ? cleared : e.target.value)} />
    );
  }
  return (
    <label className={`sc-field${t === "boolean" ? " sc-field--inline" : ""}${errs.length ? " has-error" : ""}`} title={schema.description}>
      <span className="sc-field__label">{label}{optional ? "" : " *"}</span>
      {input}
      {schema.description && <span className="sc-field__hint">{schema.description}</span>}
      {errs.map((e, i) => <span key={i} className="sc-field__error">{e.message}</span>)}
    </label>
  );
}

function ArrayField(props: FieldProps & { label: string }) {
  const { errors } = useContext(Ctx);
  const items = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const itemSchema = props.schema.items ?? { type: "string" };
  const objectItems = typeOf(unwrapNullable(itemSchema).schema) === "object";
  const setItem = (i: number, v: unknown) => props.onChange(items.map((x, j) => (j === i ? v : x)));
  const remove = (i: number) => props.onChange(items.filter((_, j) => j !== i));
  const add = () => props.onChange([...items, emptyValue(itemSchema)]);
  const errs = fieldErrors(errors, props.path);
  return (
    <fieldset className="sc-fieldset" data-testid={`field-${props.path}`}>
      <legend>{props.label}</legend>
      {items.map((item, i) => (
        <div key={i} className={`sc-array-item${objectItems ? " sc-array-item--object" : ""}`}>
          <div className="sc-array-item__fields">
            <Field name={String(i)} path={`${props.path}.${i}`} schema={{ title: objectItems ? `#${i + 1}` : " ", ...itemSchema }}
              value={item} required onChange={(v) => setItem(i, v)} />
          </div>
          <button type="button" className="sc-icon-button" title="Remove" data-testid={`remove-${props.path}.${i}`}
            onClick={() => remove(i)}>×</button>
        </div>
      ))}
      <button type="button" className="sc-button sc-button--small" data-testid={`add-${props.path}`} onClick={add}>+ Add</button>
      {errs.map((e, i) => <span key={i} className="sc-field__error">{e.message}</span>)}
    </fieldset>
  );
}
