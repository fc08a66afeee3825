// Reads TypeScript type text (from tokens) as Flink types, for a UDF's declared return type: string, number, bigint,
// boolean, Date, object types (→ ROW), `T[]` / `Array<T>` (→ ARRAY) and `Map<K, V>` (→ MAP), each optionally `| null`.
// The inverse of declarations.ts's tsTypeOf, so a value read from `Input` can be returned as it came.
import { type DataType, formatType } from "../types";
import type { Token } from "./tokens";

/** What each TypeScript primitive returns as, in Flink (the worker's encoding read backwards). */
export const FLINK_TYPE_OF_TS: Record<string, Omit<DataType, "nullable">> = {
  string: { root: "STRING" },
  number: { root: "DOUBLE" },
  bigint: { root: "BIGINT" },
  boolean: { root: "BOOLEAN" },
  Date: { root: "TIMESTAMP", precision: 3 },
};
export const SUPPORTED = "string, number, bigint, boolean, Date, an object type, T[] or Map<K, V>, optionally | null";
const ARRAYS = new Set(["Array", "ReadonlyArray"]);
const MAPS = new Set(["Map", "ReadonlyMap"]);
/** Deep enough for any real record; stops `interface A { a: A }` from recursing forever. */
const MAX_DEPTH = 16;

export class ReadError extends Error {
  constructor(message: string, readonly span: { start: number; end: number }) {
    super(message);
  }
}

export type Fail = (i: number, message: string) => never;
export type TypeReader = { toks: Token[]; at: (i: number) => Token; fail: Fail };
export type Field = { name: string; type: DataType };

/** A named type: the `{` of the `interface Name {` or `type Name = {` that declares it, or -1. */
function findAlias(toks: Token[], name: string): number {
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k]!.text === "interface" && toks[k + 1]!.text === name && toks[k + 2]!.text === "{") return k + 2;
    if (toks[k]!.text === "type" && toks[k + 1]!.text === name && toks[k + 2]!.text === "=" && toks[k + 3]?.text === "{") return k + 3;
  }
  return -1;
}

export function aliasBody(toks: Token[], i: number, fail: Fail): number {
  const name = toks[i]!.text;
  const k = findAlias(toks, name);
  return k >= 0 ? k : fail(i, `declare ${name} in this code as interface ${name} { … } or type ${name} = { … }, or write the object type here`);
}

/** The properties of the object type whose `{` is at i; `path` names it in messages ("" for the output columns). */
export function readObjectType(r: TypeReader, i: number, path = "", depth = 0): { fields: Field[]; next: number } {
  const { at, fail } = r;
  const fields: Field[] = [];
  const what = path === "" ? "output column" : "field";
  const open = i++;
  while (at(i).text !== "}") {
    if (i >= r.toks.length) fail(open, "this object type is never closed");
    if (at(i).text === "readonly" && at(i + 1).text !== ":" && at(i + 1).text !== "?") i++;
    const nameTok = at(i);
    if (nameTok.kind !== "id" && nameTok.kind !== "str") fail(i, `expected an ${what} name`);
    const name = nameTok.kind === "str" ? unquote(nameTok.text) : nameTok.text;
    const full = path === "" ? name : `${path}.${name}`;
    if (fields.some((c) => c.name === name)) fail(i, `${what} "${full}" is declared twice`);
    i++;
    if (at(i).text === "?") fail(i, `make "${full}" nullable with | null instead of ?: the output has every ${what === "field" ? "field" : "column"}`);
    if (at(i).text !== ":") fail(i, `expected : and the type of ${what} "${full}"`);
    const t = readType(r, i + 1, full, depth);
    fields.push({ name, type: t.type });
    i = t.next;
    if (at(i).text === ";" || at(i).text === ",") i++;
  }
  if (fields.length === 0) fail(open, path === "" ? "declare at least one output column" : `"${path}" needs at least one field`);
  return { fields, next: i + 1 };
}

const show = (t: DataType, ts: string) => (t.root === "ROW" ? "an object type" : ts);

/** A union `A | B | null` starting at i: one non-null type, nullable when null is a member. */
export function readType(r: TypeReader, i: number, path: string, depth: number): { type: DataType; next: number } {
  const { at, fail } = r;
  if (depth > MAX_DEPTH) fail(i, `"${path}" nests more than ${MAX_DEPTH} levels`);
  let nullable = false;
  let base: { type: DataType; ts: string } | undefined;
  if (at(i).text === "|") i++;
  for (;;) {
    if (at(i).text === "null" && at(i + 1).text !== "[") {
      nullable = true;
      i++;
    } else {
      const start = i;
      const t = readPostfix(r, i, path, depth);
      const ts = at(start).text;
      if (base && formatType(base.type) !== formatType(t.type)) fail(start, `output column "${path}" mixes ${show(base.type, base.ts)} and ${show(t.type, ts)}: give it one type`);
      base = { type: t.type, ts };
      i = t.next;
    }
    if (at(i).text !== "|") break;
    i++;
  }
  if (!base) return fail(i - 1, `output column "${path}" cannot be only null; use ${SUPPORTED}`);
  return { type: { ...base.type, nullable }, next: i };
}

/** An atom followed by any number of `[]`; `readonly T[]` too. */
function readPostfix(r: TypeReader, i: number, path: string, depth: number): { type: DataType; next: number } {
  const { at, fail } = r;
  const ro = at(i).text === "readonly" ? i++ : -1;
  let { type: t, next } = readAtom(r, i, path, depth);
  while (at(next).text === "[" && at(next + 1).text === "]") {
    t = { root: "ARRAY", nullable: false, element: t };
    next += 2;
  }
  if (ro >= 0 && t.root !== "ARRAY") fail(ro, "readonly applies to array types only here");
  return { type: t, next };
}

function readAtom(r: TypeReader, i: number, path: string, depth: number): { type: DataType; next: number } {
  const { at, fail } = r;
  const tok = at(i);
  const expect = (k: number, text: string): number => (at(k).text === text ? k + 1 : fail(k, `expected ${text} in the type of "${path}"`));
  if (tok.text === "(") {
    const inner = readType(r, i + 1, path, depth);
    return { type: inner.type, next: expect(inner.next, ")") };
  }
  if (tok.text === "{") {
    const o = readObjectType(r, i, path, depth + 1);
    return { type: { root: "ROW", nullable: false, fields: o.fields }, next: o.next };
  }
  if (tok.kind === "id" && tok.text in FLINK_TYPE_OF_TS) return { type: { ...FLINK_TYPE_OF_TS[tok.text]!, nullable: false }, next: i + 1 };
  if (tok.kind === "id" && ARRAYS.has(tok.text) && at(i + 1).text === "<") {
    const e = readType(r, i + 2, `${path}[]`, depth + 1);
    return { type: { root: "ARRAY", nullable: false, element: e.type }, next: expect(e.next, ">") };
  }
  if (tok.kind === "id" && MAPS.has(tok.text) && at(i + 1).text === "<") {
    const k = readType(r, i + 2, `${path} key`, depth + 1);
    const v = readType(r, expect(k.next, ","), `${path} value`, depth + 1);
    return { type: { root: "MAP", nullable: false, key: k.type, value: v.type }, next: expect(v.next, ">") };
  }
  const body = tok.kind === "id" && at(i + 1).text !== "<" ? findAlias(r.toks, tok.text) : -1;
  if (body >= 0) {
    const o = readObjectType(r, body, path, depth + 1);
    return { type: { root: "ROW", nullable: false, fields: o.fields }, next: i + 1 };
  }
  return fail(i, `output column "${path}": type ${JSON.stringify(tok.text)} is not supported; use ${SUPPORTED}`);
}

function unquote(text: string): string {
  const body = text.slice(1, -1);
  return JSON.parse(`"${text[0] === "'" ? body.replace(/\\'/g, "'").replace(/"/g, '\\"') : body}"`) as string;
}
