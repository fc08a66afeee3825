// Structure checks the runner's ProgramContext makes (tables defined once, before use; sinks unique) and row types from the IR.
import { checkExpr } from "../expr/check";
import type { Expr } from "../expr/ast";
import type { Statement, TableProgram } from "../ir";
import { aggregateType } from "../kinds/aggregate-types";
import { PROCTIME_TYPE } from "../kinds/event-time";
import { unionRowType } from "../kinds/union.node.ts";
import type { RowType } from "../types";
import { CodegenError, readType } from "./literal";

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
 * The row type of every table the program defines, inferred from the IR alone with the node kinds' own type rules.
 * `known` (e.g. validateGraph's rowTypes, keyed by node id = table name) wins where given.
 */
export function programRowTypes(program: TableProgram, known: Record<string, RowType | undefined> = {}): Record<string, RowType> {
  const out: Record<string, RowType> = {};
  for (const s of program.statements) {
    if ("table" in s) out[s.table] = known[s.table] ?? rowTypeOf(s, out);
  }
  return out;
}

/** A source's columns with its time attributes: the watermarked column marked, the processing-time column appended. */
function withTime(columns: { name: string; type: string }[], d: { watermark?: { column: string }; proctime?: { column: string } }): RowType {
  const out: RowType = columns.map((c) => ({
    name: c.name, type: readType(c.type), ...(d.watermark?.column === c.name ? { timeAttribute: "rowtime" as const } : {}),
  }));
  return d.proctime ? [...out, { name: d.proctime.column, type: { ...PROCTIME_TYPE }, timeAttribute: "proctime" }] : out;
}

function rowTypeOf(s: Statement, out: Record<string, RowType>): RowType {
  const input = "input" in s ? out[s.input]! : [];
  const column = (name: string) => {
    const c = input.find((x) => x.name === name);
    if (!c) throw new CodegenError(`${s.op} ${JSON.stringify("table" in s ? s.table : "")}: its input has no column ${JSON.stringify(name)}`);
    return c;
  };
  const typed = (fields: { expr: Expr; as: string }[]) => fields.map((f) => {
    const r = checkExpr(f.expr, input);
    if (!r.ok) throw new CodegenError(`${s.op} ${JSON.stringify("table" in s ? s.table : "")}, column ${JSON.stringify(f.as)}: ${r.errors[0]!.message}`);
    return { name: f.as, type: r.type };
  });
  switch (s.op) {
    case "from":
      if (!s.descriptor.schema) throw new CodegenError(`source ${JSON.stringify(s.table)} has no schema`);
      return withTime(s.descriptor.schema, s.descriptor);
    case "fromValues": return withTime(s.columns, s);
    case "filter": case "distinct": return input;
    case "select": return typed(s.fields);
    case "addColumns": return [...input, ...typed(s.fields)];
    case "renameColumns":
      s.renames.forEach((r) => column(r.from));
      return input.map((c) => ({ ...c, name: s.renames.find((r) => r.from === c.name)?.to ?? c.name }));
    case "dropColumns":
      s.columns.forEach(column);
      return input.filter((c) => !s.columns.includes(c.name));
    case "unionAll": {
      const r = unionRowType(s.table, input, out[s.right]!);
      if (!r.rowType) throw new CodegenError(`unionAll ${JSON.stringify(s.table)}: ${r.errors[0]?.message}`);
      return r.rowType;
    }
    case "udfMap": case "udfFlatMap": {
      // outputs replace same-named input columns in place; the others are appended
      const outs = s.udf.outputColumns.map((c) => ({ name: c.name, type: readType(c.type) }));
      const replaced = input.map((c) => outs.find((o) => o.name === c.name) ?? c);
      return [...replaced, ...outs.filter((o) => !input.some((c) => c.name === o.name))];
    }
    case "join": case "intervalJoin": {
      // left then right (renamed) columns, NULL-padded sides nullable, as kinds/join-columns infers them
      const right = out[s.right]!;
      s.keys.forEach((k) => column(k.left));
      const renamed = right.map((c) => ({ ...c, name: s.rightRenames.find((r) => r.from === c.name)?.to ?? c.name }));
      const pad = (c: RowType[number], yes: boolean) => ({ name: c.name, type: yes ? { ...c.type, nullable: true } : c.type });
      const padLeft = s.joinType === "right" || s.joinType === "full";
      const padRight = s.joinType === "left" || s.joinType === "full";
      return [...input.map((c) => pad(c, padLeft)), ...renamed.map((c) => pad(c, padRight))];
    }
    case "deduplicate": case "orderBy": return input;
    case "topN": return s.rankColumn === undefined ? input : [...input, { name: s.rankColumn, type: { root: "BIGINT", nullable: false } }];
    case "udfFilter": return input;
    case "udfAggregate":
      return [...s.keys.map(column), ...s.udf.outputColumns.map((c) => ({ name: c.name, type: readType(c.type) }))];
    case "groupBy": case "window": {
      const bound = { root: "TIMESTAMP", precision: 3, nullable: false } as const;
      const window = s.op === "window" ? [{ name: "window_start", type: bound }, { name: "window_end", type: bound }] : [];
      const aggs = s.aggregates.map((a) => ({ name: a.as, type: aggregateType(a.fn, column(a.column).type) }));
      const udf = s.op === "window" && s.udf ? s.udf.outputColumns.map((c) => ({ name: c.name, type: readType(c.type) })) : [];
      return [...window, ...s.keys.map((k) => ({ name: k, type: column(k).type })), ...aggs, ...udf];
    }
  }
  return [];
}
