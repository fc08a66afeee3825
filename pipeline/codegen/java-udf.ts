// udfMap → Java: the TypeScript UDF as jvm-runner's UdfMapTranslator calls it (its TsMapFunction runs Node.js workers).
import type { Statement } from "../ir";
import type { RowType } from "../types";
import { CodegenError } from "./literal";

type UdfMap = Extract<Statement, { op: "udfMap" }>;

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

/**
 * Lines defining the udfMap's table: addColumns(call(new TsMapFunction(spec, settings), row($(in)…)).as(tmp)), then
 * a select in which output columns replace same-named input columns in place and the others are appended.
 */
export function javaUdfMap(s: UdfMap, p: UdfPrint): string[] {
  const { str, indent: I } = p;
  const II = I + "    ";
  const tmp = `__udf_${s.table}`;
  const names = p.input.map((c) => c.name);
  for (const c of s.udf.inputColumns) {
    if (!names.includes(c.name)) throw new CodegenError(`udf ${JSON.stringify(s.udf.name)} reads column ${JSON.stringify(c.name)}, which its input does not have`);
  }
  const cols = (list: { name: string; type: string }[]) =>
    `List.of(${list.map((c) => `new UdfSpec.Column(${str(c.name)}, ${str(c.type)})`).join(", ")})`;
  const outs = s.udf.outputColumns.map((c) => c.name);
  const fields = [
    ...names.map((n) => (outs.includes(n) ? `$(${str(tmp)}).get(${str(n)}).as(${str(n)})` : `$(${str(n)})`)),
    ...outs.filter((n) => !names.includes(n)).map((n) => `$(${str(tmp)}).get(${str(n)}).as(${str(n)})`),
  ];
  const spec = `new UdfSpec(${str(s.udf.name)}, ${code(s.udf.code, str)}, ${cols(s.udf.inputColumns)}, ${cols(s.udf.outputColumns)})`;
  const call = `call(new TsMapFunction(${spec}, ${settings(p.config)}), row(${s.udf.inputColumns.map((c) => `$(${str(c.name)})`).join(", ")}))`;
  return [
    `${I}// the runner's settings for its async UDF operator: batches in flight, no silent retries, the worker's own deadline`,
    `${I}tEnv.getConfig().set("table.exec.async-scalar.max-concurrent-operations", String.valueOf(4 * WorkerSettings.DEFAULTS.batchSize()));`,
    `${I}tEnv.getConfig().set("table.exec.async-scalar.retry-strategy", "NO_RETRY");`,
    `${I}tEnv.getConfig().set("table.exec.async-scalar.timeout", "0 ms");`,
    `${I}Table ${p.table(s.table)} = ${p.table(s.input)}`,
    `${II}.addColumns(${call}.as(${str(tmp)}))`,
    `${II}.select(\n${fields.map((f) => `${II}    ${f}`).join(",\n")});`,
  ];
}

/** The UDF's bundled code as one literal, or String.join of literal pieces when it is too long for one constant. */
function code(text: string, str: (s: string) => string): string {
  if (text.length <= CHUNK) return str(text);
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) pieces.push(str(text.slice(i, i + CHUNK)));
  return `String.join("", ${pieces.join(", ")})`;
}

/** WorkerSettings.DEFAULTS, or the deadline and heap the program's config sets (as the runner reads them). */
function settings(config: Record<string, string>): string {
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
