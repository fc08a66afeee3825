// Node errors on a UDF's code field (the live validator's and the server's, e.g. type errors from a refused Run) as
// Monaco markers at their line: a GraphError's span is a pair of offsets into the code it was found in.
import type { GraphError } from "@/pipeline/graph";
import { lineCol } from "@/pipeline/udf/tokens";

export type MarkerRange = { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number; message: string };

/** Errors without a span mark the first line; an empty span is widened to the rest of its line so that it shows; the
 *  same error reported twice (the server's and the editor's own import check) is one marker. */
export function errorMarkers(errors: GraphError[], field: string, code: string): MarkerRange[] {
  const all = errors.filter((e) => e.field === field).map((e) => {
    const span = e.span ?? { start: 0, end: 0 };
    const start = lineCol(code, Math.min(span.start, code.length));
    let end = lineCol(code, Math.min(Math.max(span.end, span.start), code.length));
    if (end.line === start.line && end.column <= start.column) {
      const lineEnd = code.indexOf("\n", span.start);
      end = { line: start.line, column: start.column + Math.max(1, (lineEnd < 0 ? code.length : lineEnd) - span.start) };
    }
    // the message repeats "line l:c:" for lists and the CLI; in the editor the marker's place says it
    const message = e.message.replace(/^line \d+:\d+: /, "");
    return { startLineNumber: start.line, startColumn: start.column, endLineNumber: end.line, endColumn: end.column, message };
  });
  const key = (m: MarkerRange) => JSON.stringify(m);
  return all.filter((m, i) => all.findIndex((o) => key(o) === key(m)) === i);
}

/** The same error found twice (Monaco's TypeScript worker and the server's compiler): it starts at the same place and
 *  says the same, or covers exactly the same range (the two compilers' versions may word it a little differently). */
export function sameMarker(a: MarkerRange, b: MarkerRange): boolean {
  const start = a.startLineNumber === b.startLineNumber && a.startColumn === b.startColumn;
  const range = start && a.endLineNumber === b.endLineNumber && a.endColumn === b.endColumn;
  return range || (start && a.message === b.message);
}
