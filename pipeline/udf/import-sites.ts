// Finds a UDF's module loads with the small tokenizer (no compiler), so the browser editor can refuse a library
// outside the allowlist as the user types, with the very message the server's type-check gives at Run.
import { importRefusal, isUdfLibrary } from "./libraries";
import { type Token, tokenize } from "./tokens";

export type ImportProblem = { start: number; end: number; message: string };

const unquote = (t: Token) => t.text.slice(1, -1);

/** `import … from "m"`, `import "m"`, `export … from "m"`, `import("m")`, `require("m")`: each refused unless it
 *  is a static import of an allowlisted library (dynamic loads are refused as the server does). */
export function importProblems(code: string): ImportProblem[] {
  const toks = tokenize(code);
  const out: ImportProblem[] = [];
  toks.forEach((t, i) => {
    if (t.kind !== "id" || toks[i - 1]?.text === ".") return;
    const next = toks[i + 1];
    if ((t.text === "import" || t.text === "require") && next?.text === "(" && toks[i + 2]?.kind === "str") {
      const s = toks[i + 2]!;
      const spec = unquote(s);
      out.push({ start: t.start, end: s.end, message: isUdfLibrary(spec) ? `import "${spec}" with a static import at the top` : importRefusal(spec) });
    } else if (t.text === "import" && next?.kind === "str") {
      if (!isUdfLibrary(unquote(next))) out.push({ start: t.start, end: next.end, message: importRefusal(unquote(next)) });
    } else if (t.text === "from" && next?.kind === "str" && startsStatement(toks, i)) {
      if (!isUdfLibrary(unquote(next))) out.push({ start: next.start, end: next.end, message: importRefusal(unquote(next)) });
    }
  });
  return out;
}

/** `from "m"` belongs to an import/export statement: walk back to its start, past names, braces and `* as x`. */
function startsStatement(toks: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = toks[k]!.text;
    if (t === "import" || t === "export") return true;
    if (t === ";" || t === "=" || t === "(" || t === ")") return false;
  }
  return false;
}
