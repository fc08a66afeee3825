// Program-level checks and row types: the structure jvm-runner's ProgramContext checks, and every table's row type.
import { CodegenError } from "../codegen/literal";
import type { RowType } from "../types";
import { statementRowType, type TableProgram } from "./index";

/** Throws CodegenError where jvm-runner would reject the program's structure. */
export function checkProgram(program: TableProgram): void {
  const tables = new Set<string>();
  const sinks = new Set<string>();
  program.statements.forEach((s, i) => {
    const at = `statement ${i} (${s.op})`;
    for (const input of [..."input" in s ? [s.input] : [], ..."right" in s && typeof s.right === "string" ? [s.right] : []]) {
      if (!tables.has(input)) throw new CodegenError(`${at}: table ${JSON.stringify(input)} is not defined by an earlier statement`);
    }
    if ("table" in s) {
      if (tables.has(s.table)) throw new CodegenError(`${at}: table ${JSON.stringify(s.table)} is defined twice`);
      tables.add(s.table);
    } else {
      if (sinks.has(s.sink)) throw new CodegenError(`${at}: sink ${JSON.stringify(s.sink)} appears twice`);
      sinks.add(s.sink);
    }
  });
}

/**
 * The row type of every table the program defines, inferred from the IR alone by each op's rule (ops/<op>.ts).
 * `known` (e.g. validateGraph's rowTypes, keyed by node id = table name) wins where given.
 */
export function programRowTypes(program: TableProgram, known: Record<string, RowType | undefined> = {}): Record<string, RowType> {
  const out: Record<string, RowType> = {};
  for (const s of program.statements) {
    if ("table" in s) out[s.table] = known[s.table] ?? statementRowType(s, out) ?? [];
  }
  return out;
}
