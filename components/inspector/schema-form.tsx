// A form generated from a node kind's config schema (z.toJSONSchema): one field component per JSON Schema shape.
"use client";
import { useContext } from "react";
import { SCALAR_ROOTS } from "@/pipeline/types";
import { UdfCodeField } from "@/components/udf-editor/udf-code-field";
import { ExprField } from "./expr-field";
import { KafkaTopicField } from "./kafka-topic-field";
import { PostgresTableField } from "./postgres-table-field";
import { ConnectionField } from "./connection-field";
import { FormCtx as Ctx, type FormContext } from "./form-context";
import { ArrayField, fieldErrors, type FieldProps } from "./array-fields";
import { emptyValue, humanize, isExpression, isFlinkType, typeOf, unwrapNullable, type JsonSchema } from "./json-schema";

/** Type suggestions: the scalar roots, and nested types as templates to edit (a bare ROW is not a type). */
const TYPE_OPTIONS = [...SCALAR_ROOTS, "ROW<`a` INT, `b` STRING>", "ARRAY<STRING>", "MAP<STRING, BIGINT>"];

export function SchemaForm(props: { schema: JsonSchema; value: Record<string, unknown>; onChange(v: Record<string, unknown>): void; ctx: FormContext }) {
  return (
    <Ctx.Provider value={props.ctx}>
      <datalist id="sc-flink-types">
        {TYPE_OPTIONS.map((t) => <option key={t} value={t} />)}
      </datalist>
      <datalist id="sc-columns">
        {props.ctx.columnNames.map((c) => <option key={c} value={c} />)}
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
      {Object.entries(schema.properties ?? {}).filter(([, s]) => s.widget !== "hidden").map(([k, s]) => (
        <Field
          key={k} name={k} path={path ? `${path}.${k}` : k} schema={s} value={value[k]} parent={value}
          required={schema.required?.includes(k) ?? false} onChange={(v) => set(k, v)} onParentChange={(patch) => onChange({ ...value, ...patch })}
        />
      ))}
    </>
  );
}

export function Field(props: FieldProps) {
  const { errors, nodeId, inputRowType } = useContext(Ctx);
  const { schema, nullable } = unwrapNullable(props.schema);
  const t = typeOf(schema);
  const label = schema.title ?? humanize(props.name);
  const errs = fieldErrors(errors, props.path);
  const optional = !props.required || nullable;
  const cleared = nullable ? null : undefined;

  if (t === "array") return <ArrayField {...props} schema={schema} label={label} />;
  if (t === "object") {
    // An optional object (e.g. event time) is switched on and off as a whole, so "none" stays expressible.
    const on = props.value !== undefined && props.value !== null;
    return (
      <fieldset className="sc-fieldset" data-testid={`field-${props.path}`}>
        <legend>
          {optional && (
            <input type="checkbox" className="sc-fieldset__toggle" data-testid={`toggle-${props.path}`} checked={on}
              onChange={(e) => props.onChange(e.target.checked ? emptyValue(schema) : cleared)} />
          )}
          {label}
        </legend>
        {optional && !on && schema.description && <span className="sc-field__hint">{schema.description}</span>}
        {(on || !optional) && (
          <ObjectFields schema={schema} value={(props.value ?? {}) as Record<string, unknown>} onChange={props.onChange} path={props.path} />
        )}
        {errs.map((e, i) => <span key={i} className="sc-field__error" data-testid={`field-error-${props.path}`}>{e.message}</span>)}
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
  } else if (t === "string" && schema.format === "typescript") {
    // TS UDF source, in any kind: the Monaco editor (typed `Input`, live diagnostics, the node's errors as markers)
    return (
      <UdfCodeField nodeId={nodeId} path={props.path} label={label} value={String(props.value ?? "")}
        onChange={props.onChange} inputRowType={inputRowType} errors={errs} />
    );
  } else if (t === "string" && isExpression(schema, props.name)) {
    return <ExprField label={label} path={props.path} value={String(props.value ?? "")} onChange={props.onChange} hint={schema.description} />;
  } else {
    const text = (list: string) => (
      <input type="text" className="sc-input" data-testid={`field-${props.path}`} value={String(props.value ?? "")}
        list={list} spellCheck={false} autoComplete="off"
        onChange={(e) => props.onChange(e.target.value === "" && optional ? cleared : e.target.value)} />
    );
    // a Kafka topic: the topics of the node's connection are the suggestions
    input = schema.widget === "kafka-topic"
      ? <KafkaTopicField path={props.path} connection={String(props.parent?.connection ?? "")} value={String(props.value ?? "")} input={text} />
      : schema.widget === "postgres-table"
        ? <PostgresTableField path={props.path} parent={props.parent ?? {}} value={String(props.value ?? "")} input={text} onParentChange={props.onParentChange} />
      : schema.widget === "connection"
        ? <ConnectionField path={props.path} kind={String(schema.connectionKind ?? "")} value={String(props.value ?? "")} input={text} />
        : text(isFlinkType(schema, props.name) ? "sc-flink-types" : "sc-columns");
  }
  return (
    <label className={`sc-field${t === "boolean" ? " sc-field--inline" : ""}${errs.length ? " has-error" : ""}`} title={schema.description}>
      <span className="sc-field__label">{label}{optional ? "" : " *"}</span>
      {input}
      {schema.description && <span className="sc-field__hint">{schema.description}</span>}
      {errs.map((e, i) => <span key={i} className="sc-field__error" data-testid={`field-error-${props.path}`}>{e.message}</span>)}
    </label>
  );
}
