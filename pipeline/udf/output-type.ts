// Reads a TS map UDF's output columns from the declared return type of its `export default function`, without the
// TypeScript compiler (so the browser infers row types at once): a strict reader of object-literal types whose
// properties are string, number, bigint, boolean, Date or nested object types, arrays and Maps of them (ts-type.ts),
// each optionally `| null`. The server's compiler check (server/udf) must agree with it.
import type { DataType } from "../types";
import { type Token, tokenize } from "./tokens";
import { aliasBody, FLINK_TYPE_OF_TS, ReadError, readObjectType } from "./ts-type";

export { FLINK_TYPE_OF_TS } from "./ts-type";

export type OutputColumn = { name: string; type: DataType };
export type OutputTypeResult =
  | { ok: true; columns: OutputColumn[] }
  | { ok: false; message: string; span: { start: number; end: number } };

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
  return readObjectType({ toks, at, fail }, i).fields;
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

