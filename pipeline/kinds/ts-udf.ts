// What the TS UDF kinds (ts-map, ts-filter, ts-flat-map, ts-aggregate) share: the `code` config field the browser
// editor recognises (format "typescript"), the input checks, output columns spliced into the input row, and the udf
// object of the IR. The server (server/udf) type-checks the code and swaps in its bundle before the runner sees it.
import { z } from "zod";
import type { GraphError } from "../graph";
import type { UdfIr } from "../ir";
import { type Column, formatType, type RowType } from "../types";
import { udfInputColumns } from "../udf/declarations";
import { type ReturnShape, readOutputType } from "../udf/output-type";
import { lineCol } from "../udf/tokens";

/** The same field shape as ts-map's, so that the editor opens every TS UDF kind alike. */
export const codeField = (template: string, description: string) =>
  z.string().default(template).meta({ title: "Code", description, format: "typescript" });

/** A GraphError on the code field, with its line and column in the message for the CLI and the span for editors. */
export function codeError(nodeId: string, code: string, span: { start: number; end: number }, message: string): GraphError {
  const { line, column } = lineCol(code, span.start);
  return { nodeId, field: "code", span, message: `line ${line}:${column}: ${message}` };
}

/** Errors of an input no UDF can read, or that holds a column name the runner needs for itself. */
export function inputErrors(nodeId: string, code: string, input: RowType, reserved: string[]): GraphError[] {
  if (udfInputColumns(input).length === 0) {
    return [{ nodeId, message: "the input has no column a TypeScript UDF can read (TIME is not supported)" }];
  }
  const taken = reserved.find((r) => input.some((c) => c.name === r));
  return taken ? [codeError(nodeId, code, { start: 0, end: 0 }, `the input has a column named "${taken}", which this node needs for itself`)] : [];
}

/** The output columns the code declares, or its error on the code field. */
export function outputsOf(nodeId: string, code: string, shape: ReturnShape): { columns?: Column[]; errors: GraphError[] } {
  const r = readOutputType(code, shape);
  return r.ok ? { columns: r.columns, errors: [] } : { errors: [codeError(nodeId, code, r.span, r.message)] };
}

/** The input with outputs replacing same-named columns in place, then the other outputs appended (map, flatMap). */
export const splice = (input: RowType, outputs: RowType): RowType => [
  ...input.map((c) => outputs.find((o) => o.name === c.name) ?? c),
  ...outputs.filter((o) => !input.some((c) => c.name === o.name)),
];

const typed = (c: Column) => ({ name: c.name, type: formatType(c.type) });

/** The IR's udf object: named after the node, the TypeScript source as code, typed columns. */
export function udfIr(nodeId: string, code: string, input: RowType, outputs: Column[]): UdfIr {
  return { name: nodeId, code, inputColumns: udfInputColumns(input).map(typed), outputColumns: outputs.map(typed) };
}
