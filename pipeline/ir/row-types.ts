// Row type rules several ops share (time attributes, joins, UDF outputs) and the context each op's rule is given.
import { CodegenError, readType } from "../codegen/literal";
import { checkExpr } from "../expr/check";
import type { RowType } from "../types";
import type { RowTypeContext } from "./define-op";
import type { Statement } from "./index";
import { PROCTIME_TYPE } from "./schemas";

/**
 * A source's columns with its time attributes: its metadata columns after its own, the watermarked column marked, the
 * processing-time column appended (Flink's order: physical, metadata, computed).
 */
export function withTime(columns: { name: string; type: string }[],
  d: { watermark?: { column: string }; proctime?: { column: string }; metadata?: { name: string; type: string }[] }): RowType {
  const out: RowType = [...columns, ...(d.metadata ?? [])].map((c) => ({
    name: c.name, type: readType(c.type), ...(d.watermark?.column === c.name ? { timeAttribute: "rowtime" as const } : {}),
  }));
  return d.proctime ? [...out, { name: d.proctime.column, type: { ...PROCTIME_TYPE }, timeAttribute: "proctime" }] : out;
}

/** UDF outputs replace same-named input columns in place; the others are appended. */
export function spliceRowType(input: RowType, outputColumns: { name: string; type: string }[]): RowType {
  const outs = outputColumns.map((c) => ({ name: c.name, type: readType(c.type) }));
  const replaced = input.map((c) => outs.find((o) => o.name === c.name) ?? c);
  return [...replaced, ...outs.filter((o) => !input.some((c) => c.name === o.name))];
}

type JoinIr = { right: string; joinType: string; keys: { left: string }[]; rightRenames: { from: string; to: string }[] };

/** Left then right (renamed) columns, NULL-padded sides nullable, as kinds/join-columns infers them. */
export function joinRowType(s: JoinIr, { input, tables, column }: RowTypeContext): RowType {
  const right = tables[s.right]!;
  s.keys.forEach((k) => column(k.left));
  const renamed = right.map((c) => ({ ...c, name: s.rightRenames.find((r) => r.from === c.name)?.to ?? c.name }));
  const pad = (c: RowType[number], yes: boolean) => ({ name: c.name, type: yes ? { ...c.type, nullable: true } : c.type });
  const padLeft = s.joinType === "right" || s.joinType === "full";
  const padRight = s.joinType === "left" || s.joinType === "full";
  return [...input.map((c) => pad(c, padLeft)), ...renamed.map((c) => pad(c, padRight))];
}

/** The context a statement's row type rule is given, its errors naming the statement. */
export function rowTypeContext(s: Statement, tables: Record<string, RowType>): RowTypeContext {
  const input = "input" in s ? tables[s.input]! : [];
  const at = `${s.op} ${JSON.stringify("table" in s ? s.table : "")}`;
  return {
    input, tables,
    fail: (message) => { throw new CodegenError(`${at}: ${message}`); },
    column: (name) => {
      const c = input.find((x) => x.name === name);
      if (!c) throw new CodegenError(`${at}: its input has no column ${JSON.stringify(name)}`);
      return c;
    },
    typed: (fields) => fields.map((f) => {
      const r = checkExpr(f.expr, input);
      if (!r.ok) throw new CodegenError(`${at}, column ${JSON.stringify(f.as)}: ${r.errors[0]!.message}`);
      return { name: f.as, type: r.type };
    }),
  };
}
