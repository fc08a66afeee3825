// The functions a TS aggregate must export, which the worker calls by name: create and add always, merge where Flink
// merges accumulators. Read here with the tokenizer, so the editor shows a missing one as the user types;
// server/udf/typecheck.ts checks the same with the TypeScript compiler and the same messages.
import { type Token, tokenize } from "./tokens";

/**
 * Window kinds whose TS aggregate Flink 2.3 asks to merge accumulators, each checked on a MiniCluster
 * (jvm-runner UdfWindowMergeITCase):
 * - hop: a window's result merges the accumulators of its slices (shared by overlapping windows), at every firing;
 * - cumulate: each step's slice is merged into the window's accumulator, at every step after the first;
 * - session: when a row arrives between two sessions of its key, the two merge. That depends on the data (rows out of
 *   order within the watermark delay), so merge() is required up front rather than failing the job one day.
 * Tumble windows and group aggregates never merge: the runner plans them in one phase (no local pre-aggregation).
 */
export const MERGING_WINDOWS = ["hop", "session", "cumulate"] as const;
export type MergingWindow = (typeof MERGING_WINDOWS)[number];

type Span = { start: number; end: number };
export type ExportProblem = { message: string; span: Span };

/** What the module exports, as far as tokens tell: `opaque` when an `export *` may add names nobody can see here. */
export type ModuleExports = { names: Set<string>; opaque: boolean; acc: string; anchor: Span };

/** The messages for missing accumulator functions, in order (`acc` names the accumulator type in the examples). */
export function missingAggregateExports(has: (name: string) => boolean, merging: MergingWindow | undefined, acc = "Acc"): { name: string; message: string }[] {
  const wanted = [
    { name: "create", message: `an aggregate starts each group from create(): export function create(): ${acc} { … }` },
    { name: "add", message: `an aggregate folds each row in with add(): export function add(acc: ${acc}, row: Input): ${acc} { … }` },
    ...(merging ? [{ name: "merge", message: `a ${merging} window merges accumulators: export function merge(a: ${acc}, b: ${acc}): ${acc} { … }` }] : []),
  ];
  return wanted.filter((w) => !has(w.name));
}

/** The missing accumulator functions of `code`, pinned to its default export (where the result function is). */
export function aggregateExportProblems(code: string, merging?: MergingWindow): ExportProblem[] {
  const ex = readExports(code);
  if (ex.opaque) return [];
  return missingAggregateExports((n) => ex.names.has(n), merging, ex.acc).map((m) => ({ message: m.message, span: ex.anchor }));
}

/** Names exported by `export function|const|let|var name`, `export { a, b as c }` and `export default`. */
export function readExports(code: string): ModuleExports {
  const toks = tokenize(code);
  const at = (i: number): Token | undefined => toks[i];
  const out: ModuleExports = { names: new Set(), opaque: false, acc: "Acc", anchor: { start: 0, end: 0 } };
  toks.forEach((t, i) => {
    if (t.text !== "export" || t.kind !== "id" || at(i - 1)?.text === ".") return;
    let k = i + 1;
    const next = at(k)?.text;
    if (next === "default") {
      out.names.add("default");
      out.anchor = { start: t.start, end: at(k)!.end };
      return;
    }
    if (next === "*") { out.opaque = true; return; }
    if (next === "{") { exportList(toks, k + 1, out); return; }
    if (next === "async") k++;
    if (at(k)?.text === "function") {
      if (at(++k)?.text === "*") k++;
    } else if (next === "const" || next === "let" || next === "var") {
      k++;
      if (at(k)?.kind !== "id") { out.opaque = true; return; } // a destructuring export
    } else {
      return; // types, interfaces, classes: nothing the worker can call
    }
    const name = at(k);
    if (name?.kind !== "id") return;
    out.names.add(name.text);
    if (name.text === "create") out.acc = declaredReturn(toks, k + 1) ?? out.acc;
  });
  return out;
}

/** `{ a, b as c, d as default }` from index i (after the brace); `export { … } from` re-exports count alike. */
function exportList(toks: Token[], i: number, out: ModuleExports) {
  while (i < toks.length && toks[i]!.text !== "}") {
    const t = toks[i]!;
    if (t.text === "type") { i++; continue; } // export { type X }
    if (t.kind !== "id") { out.opaque = true; return; }
    let name = t.text;
    i++;
    if (toks[i]?.text === "as") { name = toks[i + 1]?.text ?? name; i += 2; }
    out.names.add(name);
    if (toks[i]?.text === ",") i++;
  }
}

/** The single type name after `(…):` when the declared return type is one identifier. */
function declaredReturn(toks: Token[], i: number): string | undefined {
  if (toks[i]?.text !== "(") return undefined;
  let depth = 0;
  for (; i < toks.length; i++) {
    const t = toks[i]!.text;
    if (t === "(") depth++;
    else if (t === ")" && --depth === 0) break;
  }
  const colon = toks[i + 1];
  const type = toks[i + 2];
  return colon?.text === ":" && type?.kind === "id" && toks[i + 3]?.text === "{" ? type.text : undefined;
}
