// TypeScript declarations for UDF editors and the server's type-check: `interface Input` from a row type, with each
// Flink type mapped to what the UDF worker hands the function (jvm-runner/udf-worker/README.md).
import type { Column, DataType, RowType, TypeRoot } from "../types";

/** The TypeScript type a UDF sees for each Flink type it supports; the others (TIME) never reach a UDF. */
const TS_TYPES: Partial<Record<TypeRoot, string>> = {
  BOOLEAN: "boolean",
  TINYINT: "number", SMALLINT: "number", INT: "number", FLOAT: "number", DOUBLE: "number",
  BIGINT: "bigint",
  DECIMAL: "string", // exact, e.g. "99999999.99": a JS number would lose digits
  CHAR: "string", VARCHAR: "string", STRING: "string",
  DATE: "string", // "2024-02-29"
  TIMESTAMP: "Date", TIMESTAMP_LTZ: "Date",
};

/**
 * The TypeScript type of a column, or undefined when UDFs cannot read it (nor any type nesting it). Nested types map
 * as the worker builds them: ROW → an object type of its fields, ARRAY → `T[]` (`(T | null)[]` for nullable elements),
 * MAP → `Map<K, V>`, MULTISET → `Map<T, number>` (element → count). A Map rather than a plain object because Flink's map keys need not be strings: a BIGINT key stays
 * a bigint, a ROW key an object, a NULL key null, and none of them collide the way object property names would.
 */
export function tsTypeOf(t: DataType): string | undefined {
  const base = baseTsType(t);
  if (base === undefined) return undefined;
  return t.nullable ? `${base} | null` : base;
}

function baseTsType(t: DataType): string | undefined {
  if (t.root === "ROW") {
    const fields = (t.fields ?? []).map((f) => [f.name, tsTypeOf(f.type)] as const);
    if (fields.some(([, ts]) => ts === undefined)) return undefined;
    return `{ ${fields.map(([n, ts]) => `readonly ${propertyName(n)}: ${ts};`).join(" ")} }`;
  }
  if (t.root === "ARRAY") {
    const e = tsTypeOf(t.element!);
    return e === undefined ? undefined : t.element!.nullable ? `(${e})[]` : `${e}[]`;
  }
  if (t.root === "MAP") {
    const k = tsTypeOf(t.key!);
    const v = tsTypeOf(t.value!);
    return k === undefined || v === undefined ? undefined : `Map<${k}, ${v}>`;
  }
  // a MULTISET (COLLECT's result) is each distinct element with its count, as Flink holds it
  if (t.root === "MULTISET") {
    const e = tsTypeOf(t.element!);
    return e === undefined ? undefined : `Map<${e}, number>`;
  }
  return TS_TYPES[t.root];
}

/** The columns a UDF receives: those of a type the worker can encode. */
export const udfInputColumns = (row: RowType): Column[] => row.filter((c) => tsTypeOf(c.type) !== undefined);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** A property name as written in a type: bare when it is an identifier, else a JSON-quoted string. */
export const propertyName = (name: string): string => (IDENT.test(name) ? name : JSON.stringify(name));

/** `interface <name> { … }`, one readonly property per UDF-readable column, as a global declaration (no export). */
export function inputDeclarations(row: RowType, name = "Input"): string {
  const lines = udfInputColumns(row).map((c) => `  readonly ${propertyName(c.name)}: ${tsTypeOf(c.type)};`);
  return `interface ${name} {\n${lines.join("\n")}\n}\n`;
}

/** The worker forwards console.* to the job's log; the ES lib has no console, and the DOM lib would offer far more. */
const CONSOLE = "declare const console: { log(...a: unknown[]): void; info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void; debug(...a: unknown[]): void };\n";

/** Everything global a UDF sees besides the ES2022 lib: `Input` and console. Editors and the server use the same text. */
export const udfGlobals = (row: RowType): string => inputDeclarations(row) + CONSOLE;
