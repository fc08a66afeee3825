// Reads a TS map UDF's output columns from the declared return type of its `export default function`, without the
// TypeScript compiler (so the browser infers row types at once): a strict reader of object-literal types whose
// properties are string, number, bigint, boolean or Date, each optionally `| null`. The server's compiler check
// (server/udf) must agree with it.
import type { DataType } from "../types";
import { type Token, tokenize } from "./tokens";

export type OutputColumn = { name: string; type: DataType };
export type OutputTypeResult =
  | { ok: true; columns: OutputColumn[] }
  | { ok: false; message: string; span: { start: number; end: number } };

/** What each TypeScript type returns as, in Flink (the worker's encoding read backwards). */
export const FLINK_TYPE_OF_TS: Record<string, Omit<DataType, "nullable">> = {
  string: { root: "STRING" },
  number: { root: "DOUBLE" },
  bigint: { root: "BIGINT" },
  boolean: { root: "BOOLEAN" },
  Date: { root: "TIMESTAMP", precision: 3 },
};
const SUPPORTED = "string, number, bigint, boolean or Date, optionally | null";

class ReadError extends Error {
  constructor(message: string, readonly span: { start: number; end: number }) {
    super(message);
  }
}

/**
 * What the default-exported function returns: "object" (map, aggregate result: the output columns), "rows" (flatMap:
 * `{ … }[]`, `Array<{ … }>` or `Iterable<{ … }>`; a generator too) or "boolean" (filter: no columns).
 */
export type ReturnShape = "object" | "rows" | "boolean";

export function readOutputType(code: string, shape: ReturnShape = "object"): OutputTypeResult {
  try {
    return { ok: true, columns: read(code, tokenize(code), shape) };
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, message: e.message, span: e.span };
    throw e;
  }
}

const EXAMPLE: Record<ReturnShape, string> = {
  object: "export default function map(row: Input): { upper: string } { … }",
  rows: "export default function explode(row: Input): { word: string }[] { … }",
  boolean: "export default function keep(row: Input): boolean { … }",
};
const ROW_CONTAINERS = new Set(["Array", "ReadonlyArray", "Iterable", "Generator", "IterableIterator"]);

function read(code: string, toks: Token[], shape: ReturnShape): OutputColumn[] {
  const at = (i: number): Token => toks[i] ?? { kind: "other", text: "end of code", start: code.length, end: code.length };
  const fail = (i: number, message: string): never => { throw new ReadError(message, { start: at(i).start, end: at(i).end }); };
  let i = toks.findIndex((t, k) => t.text === "export" && toks[k + 1]?.text === "default");
  if (i < 0) fail(0, `export the function: ${EXAMPLE[shape]}`);
  i += 2;
  if (at(i).text === "async") fail(i, "the function must return its result, not a Promise: remove async");
  if (at(i).text !== "function") fail(i, `export default a function declaration: ${EXAMPLE[shape]}`);
  i++;
  if (at(i).text === "*" && shape !== "rows") fail(i, "the function cannot be a generator");
  if (at(i).text === "*") i++;
  if (at(i).kind === "id") i++;
  if (at(i).text !== "(") fail(i, "expected ( after the function name");
  i = skipGroup(toks, i, fail);
  if (shape === "boolean") {
    if (at(i).text !== ":" || at(i + 1).text !== "boolean" || "|&[<".includes(at(i + 2).text)) {
      fail(at(i).text === ":" ? i + 1 : i, `declare the return type boolean: ${EXAMPLE.boolean}`);
    }
    return [];
  }
  if (at(i).text !== ":") fail(i, shape === "rows" ? `declare the output rows as the return type: ${EXAMPLE.rows}`
    : "declare the output columns as the return type, e.g. (row: Input): { upper: string; n: bigint | null }");
  i++;
  let container = false;
  if (shape === "rows" && ROW_CONTAINERS.has(at(i).text) && at(i + 1).text === "<") { container = true; i += 2; }
  if (at(i).kind === "id" && at(i).text !== "null" && !(at(i).text in FLINK_TYPE_OF_TS)) {
    const k = aliasBody(toks, i, fail);
    if (shape === "rows" && !container) ensureArraySuffix(at, i + 1, fail);
    i = k;
  } else if (at(i).text === "{" && shape === "rows" && !container) {
    ensureArraySuffix(at, skipGroup(toks, i, fail), fail);
  }
  if (at(i).text !== "{") fail(i, `the return type must be ${shape === "rows" ? "an array of an object type" : "an object type"} listing the output columns, e.g. ${EXAMPLE[shape]}`);
  return readObjectType(toks, i, at, fail);
}

function ensureArraySuffix(at: (i: number) => Token, i: number, fail: (i: number, m: string) => never) {
  if (at(i).text !== "[" || at(i + 1).text !== "]") fail(i, `a flatMap returns rows: write the row type followed by [], e.g. ${EXAMPLE.rows}`);
}

/** Index just after the bracket group opening at i. */
function skipGroup(toks: Token[], i: number, fail: (i: number, m: string) => never): number {
  const open = i;
  let depth = 0;
  for (; i < toks.length; i++) {
    const t = toks[i]!.text;
    if ("([{".includes(t) && toks[i]!.kind === "punct") depth++;
    else if (")]}".includes(t) && toks[i]!.kind === "punct" && --depth === 0) return i + 1;
  }
  return fail(open, "this bracket is never closed");
}

/** A named return type: the `{` of the `interface Name {` or `type Name = {` that declares it. */
function aliasBody(toks: Token[], i: number, fail: (i: number, m: string) => never): number {
  const name = toks[i]!.text;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k]!.text === "interface" && toks[k + 1]!.text === name && toks[k + 2]!.text === "{") return k + 2;
    if (toks[k]!.text === "type" && toks[k + 1]!.text === name && toks[k + 2]!.text === "=" && toks[k + 3]?.text === "{") return k + 3;
  }
  return fail(i, `declare ${name} in this code as interface ${name} { … } or type ${name} = { … }, or write the object type here`);
}

function readObjectType(toks: Token[], i: number, at: (i: number) => Token, fail: (i: number, m: string) => never): OutputColumn[] {
  const columns: OutputColumn[] = [];
  const open = i++;
  while (at(i).text !== "}") {
    if (i >= toks.length) fail(open, "this object type is never closed");
    if (at(i).text === "readonly" && at(i + 1).text !== ":" && at(i + 1).text !== "?") i++;
    const nameTok = at(i);
    if (nameTok.kind !== "id" && nameTok.kind !== "str") fail(i, "expected an output column name");
    const name = nameTok.kind === "str" ? unquote(nameTok.text) : nameTok.text;
    if (columns.some((c) => c.name === name)) fail(i, `output column "${name}" is declared twice`);
    i++;
    if (at(i).text === "?") fail(i, `make "${name}" nullable with | null instead of ?: the output has every column`);
    if (at(i).text !== ":") fail(i, `expected : and the type of output column "${name}"`);
    i++;
    const r = readUnion(i, at, fail, name);
    columns.push({ name, type: r.type });
    i = r.next;
    if (at(i).text === ";" || at(i).text === ",") i++;
  }
  if (columns.length === 0) fail(open, "declare at least one output column");
  return columns;
}

function readUnion(i: number, at: (i: number) => Token, fail: (i: number, m: string) => never, name: string) {
  let nullable = false;
  let base: { ts: string; index: number } | undefined;
  if (at(i).text === "|") i++;
  for (;;) {
    const t = at(i);
    if (t.text === "null") nullable = true;
    else if (t.kind === "id" && t.text in FLINK_TYPE_OF_TS && at(i + 1).text !== "<" && at(i + 1).text !== "[") {
      if (base && base.ts !== t.text) fail(i, `output column "${name}" mixes ${base.ts} and ${t.text}: give it one type`);
      base = { ts: t.text, index: i };
    } else {
      fail(i, `output column "${name}": type ${JSON.stringify(t.text)} is not supported; use ${SUPPORTED}`);
    }
    i++;
    if (at(i).text !== "|") break;
    i++;
  }
  if (!base) return fail(i - 1, `output column "${name}" cannot be only null; use ${SUPPORTED}`);
  return { type: { ...FLINK_TYPE_OF_TS[base.ts]!, nullable } as DataType, next: i };
}

function unquote(text: string): string {
  const body = text.slice(1, -1);
  return JSON.parse(`"${text[0] === "'" ? body.replace(/\\'/g, "'").replace(/"/g, '\\"') : body}"`) as string;
}
