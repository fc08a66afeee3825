// Test support (not a test itself): small lexers for the printed Java and SQL, to read names back out of the output.

export type Token = { kind: "ident" | "string" | "word" | "number" | "punct" | "comment"; text: string; value: string; end?: number };

/** Flink SQL (Calcite, BTID quoting): `..` identifiers with `` escapes, '..' strings with '' escapes, -- and /* comments. */
export function lexSql(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s+|--[^\n\r]*|\/\*[\s\S]*?\*\/|`((?:[^`\n\r]|``)+)`|'((?:[^']|'')*)'|([A-Za-z_][A-Za-z0-9_]*)|(\d+(?:\.\d*)?(?:E-?\d+)?)|(<>|<=|>=|[(),;=<>+\-*/.[\]])/y;
  while (re.lastIndex < src.length) {
    const at = re.lastIndex;
    const m = re.exec(src);
    if (!m) throw new Error(`SQL does not lex at ${at}: ${JSON.stringify(src.slice(at, at + 40))}`);
    const text = m[0];
    const end = re.lastIndex;
    if (/^\s/.test(text)) continue;
    if (text.startsWith("--") || text.startsWith("/*")) out.push({ kind: "comment", text, value: text, end });
    else if (m[1] !== undefined) out.push({ kind: "ident", text, value: m[1].replaceAll("``", "`"), end });
    else if (m[2] !== undefined) out.push({ kind: "string", text, value: m[2].replaceAll("''", "'"), end });
    else if (m[3] !== undefined) out.push({ kind: "word", text, value: text.toUpperCase(), end });
    else if (m[4] !== undefined) out.push({ kind: "number", text, value: text, end });
    else out.push({ kind: "punct", text, value: text, end });
  }
  return out;
}

/** The script's statements, split at each `;` token outside BEGIN … END (a statement set), without their `;`. */
export function splitSql(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inSet = false;
  for (const t of lexSql(src)) {
    if (t.kind === "word" && (t.value === "BEGIN" || t.value === "END")) inSet = t.value === "BEGIN";
    if (t.text === ";" && !inSet) {
      out.push(src.slice(start, t.end! - 1).replace(/^(\s|--[^\n]*\n)+/, ""));
      start = t.end!;
    }
  }
  return out;
}

/** javac's first step: \uXXXX escapes become characters, unless their backslash is itself escaped (JLS 3.3). */
function unicodeEscapes(src: string): string {
  let out = "";
  for (let i = 0; i < src.length; i++) {
    if (src[i] !== "\\") { out += src[i]; continue; }
    let run = 0;
    while (src[i + run] === "\\") run++;
    // within a run of backslashes only one that follows an even number of backslashes can start an escape: the last
    const m = /^u+([0-9a-fA-F]{4})/.exec(src.slice(i + run));
    if (m && run % 2 === 1) {
      out += "\\".repeat(run - 1) + String.fromCharCode(parseInt(m[1]!, 16));
      i += run - 1 + m[0].length;
    } else {
      out += "\\".repeat(run);
      i += run - 1;
    }
  }
  return out;
}

const JAVA_ESCAPES: Record<string, string> = { b: "\b", t: "\t", n: "\n", f: "\f", r: "\r", s: " ", '"': '"', "'": "'", "\\": "\\" };

/** Java source after Unicode-escape translation: string literals decoded; a line break inside one is an error, as in javac. */
export function lexJava(src: string): Token[] {
  const text = unicodeEscapes(src);
  const out: Token[] = [];
  const re = /\s+|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|"((?:[^"\\\n\r]|\\[^\n\r])*)"|([\p{L}_$][\p{L}\p{N}_$]*)|(\d[\dA-Za-z.]*)|(->|::|[(){}\[\];,.<>=+\-*/!&|?:@%])/uy;
  while (re.lastIndex < text.length) {
    const at = re.lastIndex;
    const m = re.exec(text);
    if (!m) throw new Error(`Java does not lex at ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
    const t = m[0];
    if (/^\s/.test(t)) continue;
    if (t.startsWith("//") || t.startsWith("/*")) out.push({ kind: "comment", text: t, value: t });
    else if (m[1] !== undefined) out.push({ kind: "string", text: t, value: decodeJava(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: "word", text: t, value: t });
    else if (m[3] !== undefined) out.push({ kind: "number", text: t, value: t });
    else out.push({ kind: "punct", text: t, value: t });
  }
  return out;
}

function decodeJava(body: string): string {
  return body.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) => {
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    const v = JAVA_ESCAPES[e];
    if (v === undefined) throw new Error(`invalid Java escape \\${e}`);
    return v;
  });
}
