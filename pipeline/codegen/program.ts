// Structure checks the runner's ProgramContext makes (tables defined once, before use; sinks unique) and row types from the IR.
import { checkExpr } from "../expr/check";
import type { TableProgram } from "../ir";
import type { RowType } from "../types";
import { CodegenError, readType } from "./literal";

/** Throws CodegenError where jvm-runner would reject the program's structure. */
export function checkProgram(program: TableProgram): void {
  const tables = new Set<string>();
  const sinks = new Set<string>();
  program.statements.forEach((s, i) => {
    const at = `statement ${i} (${s.op})`;
    if ("input" in s && !tables.has(s.input)) {
      throw new CodegenError(`${at}: table ${JSON.stringify(s.input)} is not defined by an earlier statement`);
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
 * The row type of every table the program defines, inferred from the IR alone with the expression type checker.
 * `known` (e.g. validateGraph's rowTypes, keyed by node id = table name) wins where given.
 */
export function programRowTypes(program: TableProgram, known: Record<string, RowType | undefined> = {}): Record<string, RowType> {
  const out: Record<string, RowType> = {};
  for (const s of program.statements) {
    if (!("table" in s)) continue;
    const given = known[s.table];
    if (given) {
      out[s.table] = given;
      continue;
    }
    switch (s.op) {
      case "from":
        if (!s.descriptor.schema) throw new CodegenError(`source ${JSON.stringify(s.table)} has no schema`);
        out[s.table] = s.descriptor.schema.map((c) => ({ name: c.name, type: readType(c.type) }));
        break;
      case "filter":
        out[s.table] = out[s.input]!;
        break;
      case "select":
        out[s.table] = s.fields.map((f) => {
          const r = checkExpr(f.expr, out[s.input]!);
          if (!r.ok) throw new CodegenError(`select ${JSON.stringify(s.table)}, column ${JSON.stringify(f.as)}: ${r.errors[0]!.message}`);
          return { name: f.as, type: r.type };
        });
        break;
    }
  }
  return out;
}
