// A small JSON reader that keeps each number's text (JSON.parse turns 1.0 into 1 and rounds integers past 2^53, which
// would mislead a proposal between BIGINT, DOUBLE and DECIMAL). Pure: runs in the browser and the server.

export class JsonNumber {
  constructor(readonly text: string) {}
  get integral(): boolean { return /^-?\d+$/.test(this.text); }
}
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

/** Parses one JSON text; throws SyntaxError("… at position N") for anything else (trailing text included). */
export function parseJson(text: string): JsonValue {
  let i = 0;
  const fail = (what: string): never => { throw new SyntaxError(`${what} at position ${i + 1}`); };
  const ws = () => { while (i < text.length && " \t\r\n".includes(text[i]!)) i++; };
  const value = (depth: number): JsonValue => {
    if (depth > 200) fail("nested too deeply");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const o: { [key: string]: JsonValue } = {};
      ws();
      if (text[i] === "}") return i++, o;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a property name");
        const k = str();
        ws();
        if (text[i++] !== ":") fail("expected ':'");
        o[k] = value(depth + 1);
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i++] === "}") return o;
        i--, fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const a: JsonValue[] = [];
      ws();
      if (text[i] === "]") return i++, a;
      for (;;) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i++] === "]") return a;
        i--, fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?|true|false|null/y;
    m.lastIndex = i;
    const t = m.exec(text)?.[0];
    if (!t) return fail(c === undefined ? "unexpected end" : `unexpected ${JSON.stringify(c)}`);
    i += t.length;
    return t === "true" ? true : t === "false" ? false : t === "null" ? null : new JsonNumber(t);
  };
  const str = (): string => {
    const re = /"((?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*)"/y;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return fail("bad string");
    i = re.lastIndex;
    return JSON.parse(m[0]) as string;
  };
  const v = value(0);
  ws();
  if (i < text.length) fail("unexpected text after the JSON value");
  return v;
}

/** Plain JS (numbers as their text) for showing a value to the user. */
export function jsonText(v: JsonValue): string | null {
  if (v === null) return null;
  if (v instanceof JsonNumber) return v.text;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  return JSON.stringify(v, (_k, x) => (x instanceof JsonNumber ? Number(x.text) : x));
}
