// Java lexical pieces: string literals that always compile, safe identifiers and class names, DataTypes calls.
import type { DataType } from "../types";

/**
 * UTF-16 units printed as escapes rather than as themselves: controls, line/paragraph separators, BOM and the
 * bidirectional controls of "Trojan Source" (CVE-2021-42574), which could make the code shown in the UI read
 * differently from what compiles. Lone surrogates are escaped too. Other non-ASCII text stays UTF-8 for readability.
 */
const ESCAPED = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
const NAMED: Record<string, string> = { "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\" };
const hex = (unit: number) => `\\u${unit.toString(16).padStart(4, "0")}`;
const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/**
 * A Java string literal with exactly the value `s`. `"` and `\` use their named escapes, never \u0022 or \u005c:
 * javac turns \u escapes into characters before it reads literals. Every `\` is doubled, so no `\u` in the value
 * can start a Unicode escape either. With `ascii`, every non-ASCII UTF-16 unit is a \uXXXX escape as well.
 */
export function javaString(s: string, ascii = false): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const u = s.charCodeAt(i);
    if (NAMED[ch]) out += NAMED[ch];
    else if (isHigh(u) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
      out += ascii ? hex(u) + hex(s.charCodeAt(i + 1)) : ch + s[i + 1];
      i++;
    } else if ((ascii && u > 0x7e) || isHigh(u) || isLow(u) || ESCAPED.test(ch)) out += hex(u);
    else out += ch;
  }
  return out + '"';
}

/** Java's reserved words and literals, plus contextual words that cannot name a local variable. */
const JAVA_RESERVED = new Set(
  ("abstract assert boolean break byte case catch char class const continue default do double else enum extends final " +
    "finally float for goto if implements import instanceof int interface long native new package private protected " +
    "public return short static strictfp super switch synchronized this throw throws transient try void volatile while " +
    "true false null var yield record sealed permits _").split(" "),
);

/** Hands out distinct Java local names derived from IR names; `taken` holds the program's own locals. */
export class JavaNames {
  private readonly used: Set<string>;
  private readonly byKey = new Map<string, string>();
  constructor(taken: string[]) {
    this.used = new Set(taken);
  }

  /**
   * The same (`space`, `key`) always gets the same name; keys of different spaces (tables, sinks) never share one.
   * Names start lower-case so they never hide a class such as DataTypes.
   */
  name(space: string, key: string): string {
    const k = `${space}\u0000${key}`;
    const known = this.byKey.get(k);
    if (known) return known;
    let base = key.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") || "t";
    if (!/^[a-z]/.test(base)) base = /^[A-Z]/.test(base) ? base[0]!.toLowerCase() + base.slice(1) : "t" + base;
    let name = base;
    for (let i = 2; this.used.has(name) || JAVA_RESERVED.has(name); i++) name = `${base}${i}`;
    this.used.add(name);
    this.byKey.set(k, name);
    return name;
  }
}

/** A PascalCase ASCII class name from the pipeline name; `avoid` are simple names the program imports. */
export function javaClassName(pipelineName: string, avoid: ReadonlySet<string>): string {
  const words = pipelineName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("").slice(0, 60);
  if (!/^[A-Z]/.test(name)) name = "Pipeline" + name;
  return avoid.has(name) ? name + "Pipeline" : name;
}

const SIMPLE = new Set(["BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "STRING", "DATE"]);

/** DataTypes.INTERVAL(DataTypes.DAY(2), DataTypes.SECOND(3)): each bound of the resolution with its precision. */
function javaInterval(t: DataType): string {
  const bound = (u: string) => (u === "YEAR" || u === "DAY" ? `DataTypes.${u}(${t.precision ?? 2})` : u === "SECOND" ? `DataTypes.SECOND(${t.scale ?? 6})` : `DataTypes.${u}()`);
  return `DataTypes.INTERVAL(${(t.resolution ?? "SECOND").split("_TO_").map(bound).join(", ")})`;
}

/** `DataTypes.X(...)`, with `.notNull()` for NOT NULL, as FlinkTypes.parse would build it from the type's text. */
export function javaType(t: DataType, forceNotNull = false): string {
  let s: string;
  if (SIMPLE.has(t.root)) s = `DataTypes.${t.root}()`;
  else if (t.root === "DECIMAL") s = `DataTypes.DECIMAL(${t.precision ?? 10}, ${t.scale ?? 0})`;
  else if (t.root === "CHAR" || t.root === "VARCHAR") s = `DataTypes.${t.root}(${t.length ?? 1})`;
  else if (t.root === "ROW") {
    const field = (f: NonNullable<DataType["fields"]>[number]) =>
      `DataTypes.FIELD(${javaString(f.name)}, ${javaType(f.type)}${f.description === undefined ? "" : `, ${javaString(f.description)}`})`;
    s = `DataTypes.ROW(${(t.fields ?? []).map(field).join(", ")})`;
  } else if (t.root === "ARRAY") s = `DataTypes.ARRAY(${javaType(t.element!)})`;
  else if (t.root === "MAP") s = `DataTypes.MAP(${javaType(t.key!)}, ${javaType(t.value!)})`;
  else if (t.root === "MULTISET") s = `DataTypes.MULTISET(${javaType(t.element!)})`;
  else if (t.root === "INTERVAL_YEAR_MONTH" || t.root === "INTERVAL_DAY_TIME") s = javaInterval(t);
  else s = `DataTypes.${t.root}(${t.precision ?? (t.root === "TIME" ? 0 : 6)})`;
  return !t.nullable || forceNotNull ? `${s}.notNull()` : s;
}
