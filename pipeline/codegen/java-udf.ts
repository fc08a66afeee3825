// udfMap / udfFilter / udfFlatMap / udfAggregate → Java: the TypeScript UDFs as jvm-runner's Udf*Translators call them
// (its Ts*Function classes run the Node.js workers).
import type { UdfIr } from "../ir/schemas";
import type { WindowStatement } from "../ir/ops/window";
import { type RowType, type } from "../types";
import { I, type JavaPrinter } from "./java-kit";
import { javaType } from "./java-text";
import { CodegenError } from "./literal";


/** Java string constants are limited to 65535 bytes of (modified) UTF-8; pieces of 8000 UTF-16 units stay well below. */
const CHUNK = 8000;
const DEADLINE_KEY = "streamcanvas.udf.deadline-ms";
const HEAP_KEY = "streamcanvas.udf.heap-mb";

export type UdfPrint = {
  str: (s: string) => string;
  table: (name: string) => string;
  input: RowType;
  config: Record<string, string>;
  indent: string;
};

/** A TS UDF statement (udfMap, udfFilter, udfFlatMap, udfAggregate); a filter's udf has no outputColumns. */
export type UdfStatement = { op: string; table: string; input: string; udf: UdfIr | Omit<UdfIr, "outputColumns"> };
type Col = { name: string; type: string };

/** The registration of a window's TS aggregate under `fn`, as jvm-runner's WindowTranslator does before its query. */
export function javaWindowUdf(s: WindowStatement, fn: string, p: UdfPrint): string[] {
  const agg = { op: "udfAggregate", table: s.table, input: s.input, keys: s.keys, udf: s.udf! } as const;
  const phase = p.config["table.optimizer.agg-phase-strategy"] === undefined ? [
    `${p.indent}// as the runner does unless the program sets it: one phase, each row folded once by one TS aggregate`,
    `${p.indent}tEnv.getConfig().set("table.optimizer.agg-phase-strategy", "ONE_PHASE");`,
  ] : [];
  return [...phase, `${p.indent}tEnv.createTemporarySystemFunction(${p.str(fn)}, new TsAggregateFunction(${spec(agg, p, "aggregate")}, ${settings(p.config)}));`];
}

/** The statement's udf as `new UdfSpec(kind, name, code, inputs, outputs)`, checked against its input. */
export function spec(s: UdfStatement, p: UdfPrint, kind: string): string {
  const { str } = p;
  const names = p.input.map((c) => c.name);
  for (const c of s.udf.inputColumns) {
    if (!names.includes(c.name)) throw new CodegenError(`udf ${JSON.stringify(s.udf.name)} reads column ${JSON.stringify(c.name)}, which its input does not have`);
  }
  const outs = "outputColumns" in s.udf ? s.udf.outputColumns : [];
  return `new UdfSpec(${str(kind)}, ${str(s.udf.name)}, ${code(s.udf.code, str)}, ${cols(s.udf.inputColumns, str)}, ${cols(outs, str)})`;
}

/** Forwarded, not read back from the echo, as the runner does: a ROW field would lose an event-time attribute. */
const TIMESTAMPS = new Set(["TIMESTAMP", "TIMESTAMP_LTZ"]);

export const cols = (list: Col[], str: (s: string) => string) =>
  `List.of(${list.map((c) => `new UdfSpec.Column(${str(c.name)}, ${str(c.type)})`).join(", ")})`;

/**
 * The select after a map or filter call `tmp` (ROW<i…, o…>, see UdfSpec.echoType): input columns read back from it,
 * outputs replacing same-named ones in place, the others appended. A field read back is CAST to its own type, as the
 * runner does (UdfSupport.external): the function answers in Flink's internal form, and without it a DataStream of the
 * table would hold StringData, RowData, ArrayData… instead of String, Row, arrays and Map.
 */
export function spliceFields(s: UdfStatement, p: UdfPrint, tmp: string, read: (o: number, name: string) => string): string[] {
  const { str } = p;
  const ins = s.udf.inputColumns.map((c) => c.name);
  const outs = "outputColumns" in s.udf ? s.udf.outputColumns.map((c) => c.name) : [];
  return [
    ...p.input.map((c) => {
      const o = outs.indexOf(c.name);
      const i = TIMESTAMPS.has(c.type.root) ? -1 : ins.indexOf(c.name);
      return o >= 0 ? read(o, c.name) : i >= 0 ? `$(${str(tmp)}).get("i${i}").cast(${javaType(c.type)}).as(${str(c.name)})` : `$(${str(c.name)})`;
    }),
    ...outs.flatMap((n, o) => (p.input.some((c) => c.name === n) ? [] : [read(o, n)])),
  ];
}

export const asyncOptions = (I: string, family: string) => [
  `${I}// the runner's settings for its async UDF operator: batches in flight, no silent retries, the worker's own deadline`,
  `${I}tEnv.getConfig().set("table.exec.${family}.max-concurrent-operations", String.valueOf(4 * WorkerSettings.DEFAULTS.batchSize()));`,
  `${I}tEnv.getConfig().set("table.exec.${family}.retry-strategy", "NO_RETRY");`,
  `${I}tEnv.getConfig().set("table.exec.${family}.timeout", "0 ms");`,
];

/** The UDF print context of a statement (and the imports a UDF call needs). */
export function udfPrint(s: UdfStatement, p: JavaPrinter): UdfPrint {
  p.uses.udf = true;
  p.uses.row = true;
  return { str: p.str, table: p.table, input: p.types[s.input]!, config: p.config, indent: I };
}

/** What each TS UDF op's Java print starts from: its indents, the temporary column, the ROW argument, the final select. */
export function udfLines(s: UdfStatement, p: UdfPrint) {
  const { str, indent: I } = p;
  const II = I + "    ";
  const tmp = `__udf_${s.table}`;
  return {
    I, II, tmp,
    rowArg: `row(${s.udf.inputColumns.map((c) => `$(${str(c.name)})`).join(", ")})`,
    select: (fields: string[]) => `${II}.select(\n${fields.map((f) => `${II}    ${f}`).join(",\n")});`,
    /** output o read back from the temporary column, cast to its declared type */
    fromTmp: (o: number, name: string) =>
      `$(${str(tmp)}).get("o${o}").cast(${javaType(type(("outputColumns" in s.udf ? s.udf.outputColumns : [])[o]!.type))}).as(${str(name)})`,
  };
}

/** The UDF's bundled code as one literal, or String.join of literal pieces when it is too long for one constant. */
export function code(text: string, str: (s: string) => string): string {
  if (text.length <= CHUNK) return str(text);
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) pieces.push(str(text.slice(i, i + CHUNK)));
  return `String.join("", ${pieces.join(", ")})`;
}

/** WorkerSettings.DEFAULTS, or the deadline and heap the program's config sets (as the runner reads them). */
export function settings(config: Record<string, string>): string {
  const deadline = config[DEADLINE_KEY];
  const heap = config[HEAP_KEY];
  if (deadline === undefined && heap === undefined) return "WorkerSettings.DEFAULTS";
  const int = (v: string, key: string, digits: number) => {
    if (!new RegExp(`^\\d{1,${digits}}$`).test(v.trim())) throw new CodegenError(`${key} must be a whole number, got ${JSON.stringify(v)}`);
    return String(Number(v.trim()));
  };
  const d = deadline === undefined ? "WorkerSettings.DEFAULTS.deadline()" : `java.time.Duration.ofMillis(${int(deadline, DEADLINE_KEY, 15)}L)`;
  const h = heap === undefined ? "WorkerSettings.DEFAULTS.heapMb()" : int(heap, HEAP_KEY, 9);
  return `new WorkerSettings(WorkerSettings.DEFAULTS.batchSize(), WorkerSettings.DEFAULTS.linger(), ${d}, ${h})`;
}
