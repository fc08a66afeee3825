// Reads Flink's SQL type syntax (what LogicalTypeParser accepts, for the roots StreamCanvas models), nested types included.
import { type DataType, INTERVAL_RESOLUTIONS, type RowField, SCALAR_ROOTS, TYPE_ROOTS, type TypeRoot } from "./data-type";

export type ParseTypeResult = { ok: true; type: DataType } | { ok: false; message: string };

const ALIASES: Record<string, TypeRoot> = {
  INTEGER: "INT", BOOL: "BOOLEAN", "DOUBLE PRECISION": "DOUBLE", REAL: "FLOAT", DEC: "DECIMAL", NUMERIC: "DECIMAL",
  "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP", "TIMESTAMP WITH LOCAL TIME ZONE": "TIMESTAMP_LTZ",
};
const EXAMPLES = "e.g. BIGINT, STRING, DECIMAL(10, 2), TIMESTAMP(3), ROW<`a` INT, `b` STRING>, ARRAY<BIGINT>, MAP<STRING, DOUBLE>";

/** What "unknown type" lists: the root names as written (INTERVAL rather than its two roots). */
const SUPPORTED = TYPE_ROOTS.filter((r) => !r.startsWith("INTERVAL_")).map((r) => (r === "ROW" ? "INTERVAL, ROW" : r)).join(", ");

type Tok = { kind: "word" | "num" | "ident" | "str" | "punct" | "end"; text: string; at: number };

/** `plain`: a message that stands alone (unknown type, bad precision); else it is prefixed with the whole text. */
class TypeSyntaxError extends Error {
  constructor(message: string, readonly plain = false) { super(message); }
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  const re = /\s+|([A-Za-z_][A-Za-z0-9_]*)|(\d+)|`((?:[^`]|``)*)`|'((?:[^']|'')*)'|([<>(),])/y;
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) throw new TypeSyntaxError(`unexpected ${JSON.stringify(text[i])} at position ${i + 1}`);
    if (m[1] !== undefined) toks.push({ kind: "word", text: m[1], at: i });
    else if (m[2] !== undefined) toks.push({ kind: "num", text: m[2], at: i });
    else if (m[3] !== undefined) toks.push({ kind: "ident", text: m[3].replaceAll("``", "`"), at: i });
    else if (m[4] !== undefined) toks.push({ kind: "str", text: m[4].replaceAll("''", "'"), at: i });
    else if (m[5] !== undefined) toks.push({ kind: "punct", text: m[5], at: i });
    i = re.lastIndex;
  }
  toks.push({ kind: "end", text: "end of text", at: text.length });
  return toks;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(k = 0): Tok { return this.toks[Math.min(this.i + k, this.toks.length - 1)]!; }
  private next(): Tok { return this.toks[Math.min(this.i++, this.toks.length - 1)]!; }
  private isWord(t: Tok, w: string) { return t.kind === "word" && t.text.toUpperCase() === w; }
  private fail(t: Tok, what: string): never {
    throw new TypeSyntaxError(`expected ${what} at ${t.kind === "end" ? "the end" : `position ${t.at + 1} ("${t.text}")`}`);
  }
  private expect(text: string, what = text): void {
    const t = this.next();
    if (t.kind !== "punct" || t.text !== text) this.fail(t, what);
  }

  all(): DataType {
    const t = this.type();
    if (this.peek().kind !== "end") this.fail(this.peek(), "the end of the type");
    return t;
  }

  type(): DataType {
    const t = this.base();
    if (this.isWord(this.peek(), "NOT") && this.isWord(this.peek(1), "NULL")) { this.i += 2; t.nullable = false; }
    else if (this.isWord(this.peek(), "NULL")) this.i++;
    return t;
  }

  private base(): DataType {
    const first = this.peek();
    if (first.kind !== "word") this.fail(first, `a type (${EXAMPLES})`);
    const word = first.text.toUpperCase();
    if (word === "ROW") {
      this.i++;
      const close = this.peek().text === "(" ? ")" : ">";
      this.expect(close === ")" ? "(" : "<", "< after ROW");
      return { root: "ROW", nullable: true, fields: this.fields(close) };
    }
    if (word === "ARRAY" || word === "MULTISET") {
      this.i++;
      this.expect("<", `< after ${word}`);
      const element = this.type();
      this.expect(">", `> closing ${word}<`);
      return { root: word, nullable: true, element };
    }
    if (word === "INTERVAL") {
      this.i++;
      return this.interval();
    }
    if (word === "MAP") {
      this.i++;
      this.expect("<", "< after MAP");
      const key = this.type();
      this.expect(",", ", between the MAP's key and value types");
      const value = this.type();
      this.expect(">", "> closing MAP<");
      return { root: "MAP", nullable: true, key, value };
    }
    return this.scalar();
  }

  /** INTERVAL YEAR[(p)] [TO MONTH] | MONTH | DAY[(p)] [TO HOUR | MINUTE | SECOND[(f)]] | HOUR … | MINUTE … | SECOND[(f)]. */
  private interval(): DataType {
    const unit = (): { word: string; arg?: number } => {
      const w = this.next();
      if (w.kind !== "word") this.fail(w, "an interval unit (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND)");
      let arg: number | undefined;
      if (this.peek().kind === "punct" && this.peek().text === "(") {
        this.i++;
        const n = this.next();
        if (n.kind !== "num") this.fail(n, "a number");
        arg = Number(n.text);
        this.expect(")");
      }
      return { word: w.text.toUpperCase(), arg };
    };
    const from = unit();
    const to = this.isWord(this.peek(), "TO") ? (this.i++, unit()) : undefined;
    const resolution = to ? `${from.word}_TO_${to.word}` : from.word;
    const ym = (INTERVAL_RESOLUTIONS.INTERVAL_YEAR_MONTH as readonly string[]).includes(resolution);
    const dt = (INTERVAL_RESOLUTIONS.INTERVAL_DAY_TIME as readonly string[]).includes(resolution);
    if (!ym && !dt) throw new TypeSyntaxError(`unknown interval "INTERVAL ${from.word}${to ? ` TO ${to.word}` : ""}": use YEAR [TO MONTH], MONTH, DAY [TO HOUR|MINUTE|SECOND], HOUR [TO MINUTE|SECOND], MINUTE [TO SECOND] or SECOND`, true);
    const second = to?.word === "SECOND" ? to : from.word === "SECOND" ? from : undefined;
    const lead = from.word === "YEAR" || from.word === "DAY" ? from.arg ?? 2 : undefined;
    const t: DataType = { root: ym ? "INTERVAL_YEAR_MONTH" : "INTERVAL_DAY_TIME", nullable: true, resolution };
    if (lead !== undefined || dt) t.precision = lead ?? 2;
    if (dt) t.scale = second ? second.arg ?? 6 : 6;
    if (t.precision !== undefined && (t.precision < 1 || t.precision > (ym ? 4 : 6))) throw new TypeSyntaxError(`INTERVAL ${from.word} precision must be 1..${ym ? 4 : 6}, got ${t.precision}`, true);
    if (t.scale !== undefined && t.scale > 9) throw new TypeSyntaxError(`INTERVAL SECOND precision must be 0..9, got ${t.scale}`, true);
    return t;
  }

  private fields(close: string): RowField[] {
    const fields: RowField[] = [];
    while (this.peek().text !== close || this.peek().kind !== "punct") {
      if (fields.length > 0) this.expect(",", `, or ${close}`);
      const n = this.next();
      if (n.kind !== "ident" && n.kind !== "word") this.fail(n, "a field name");
      if (n.text.trim() === "") throw new TypeSyntaxError("a ROW field name cannot be empty", true);
      if (fields.some((f) => f.name === n.text)) throw new TypeSyntaxError(`ROW field "${n.text}" is declared twice`, true);
      const field: RowField = { name: n.text, type: this.type() };
      if (this.peek().kind === "str") field.description = this.next().text;
      fields.push(field);
    }
    this.i++;
    return fields;
  }

  private words(): string[] {
    const w: string[] = [];
    while (this.peek().kind === "word" && !this.isWord(this.peek(), "NOT") && !this.isWord(this.peek(), "NULL")) w.push(this.next().text.toUpperCase());
    return w;
  }

  private scalar(): DataType {
    const start = this.peek();
    const words = this.words();
    const args: number[] = [];
    if (this.peek().text === "(" && this.peek().kind === "punct") {
      this.i++;
      for (;;) {
        const n = this.next();
        if (n.kind !== "num") this.fail(n, "a number");
        args.push(Number(n.text));
        if (this.peek().text === ",") { this.i++; continue; }
        this.expect(")");
        break;
      }
      words.push(...this.words()); // TIMESTAMP(3) WITH LOCAL TIME ZONE
    }
    const name = words.join(" ");
    const root = (ALIASES[name] ?? name) as TypeRoot;
    if (!(SCALAR_ROOTS as readonly string[]).includes(root)) {
      throw new TypeSyntaxError(`unknown type "${name || start.text}": supported are ${SUPPORTED}`, true);
    }
    return withArgs(root, args);
  }
}

function withArgs(root: TypeRoot, args: number[]): DataType {
  const [a, b] = args;
  const t: DataType = { root, nullable: true };
  const bad = (m: string): never => { throw new TypeSyntaxError(m, true); };
  switch (root) {
    case "DECIMAL":
      t.precision = a ?? 10; t.scale = b ?? 0;
      if (args.length > 2) bad("DECIMAL takes a precision and a scale");
      if (t.precision < 1 || t.precision > 38) bad(`DECIMAL precision must be 1..38, got ${t.precision}`);
      if (t.scale < 0 || t.scale > t.precision) bad(`DECIMAL scale must be 0..${t.precision}, got ${t.scale}`);
      break;
    case "CHAR": case "VARCHAR":
      t.length = a ?? 1;
      if (args.length > 1) bad(`${root} takes one length argument`);
      if (t.length < 1) bad(`${root} length must be at least 1`);
      break;
    case "TIME": case "TIMESTAMP": case "TIMESTAMP_LTZ":
      t.precision = a ?? (root === "TIME" ? 0 : 6);
      if (args.length > 1 || t.precision > 9) bad(`${root} takes one precision argument 0..9`);
      break;
    default:
      if (args.length > 0) bad(`${root} takes no arguments`);
  }
  return t;
}

/** Parses Flink's SQL type syntax, e.g. `BIGINT`, `DECIMAL(10,2)`, `VARCHAR(20) NOT NULL`, `ROW<\`a\` INT, b ARRAY<STRING>>`. */
export function parseType(text: string): ParseTypeResult {
  try {
    return { ok: true, type: new Parser(tokenize(text)).all() };
  } catch (e) {
    if (!(e instanceof TypeSyntaxError)) throw e;
    return { ok: false, message: e.plain ? e.message : `cannot read type "${text}": ${e.message}` };
  }
}
