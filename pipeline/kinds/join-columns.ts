// Shared by join and interval-join: key pairs checked on both sides, clashing right columns renamed, outer-join nullability.
import { z } from "zod";
import { typeName } from "../expr/compat";
import type { GraphError } from "../graph";
import { JOIN_TYPES, type JoinType } from "../ir";
import { type Column, type DataType, isNested, type RowType, sameType } from "../types";
import { findColumn } from "./column-ref";

export const JoinTypeField = z.enum(JOIN_TYPES).default("inner").meta({
  title: "Join type",
  description: "inner: matching pairs only; left / right: also unmatched rows of that side, the other side NULL; full: both.",
});
export const JoinKeys = z.array(z.object({
  left: z.string().default("").meta({ title: "Left column", description: "A column of the left input." }),
  right: z.string().default("").meta({ title: "Right column", description: "The right input's column equal to it (its name before renaming)." }),
})).default([]).meta({ title: "Keys", description: "Rows match when every pair of key columns is equal." });
export const RightPrefix = z.string().default("right_").meta({
  title: "Right name prefix",
  description: "A right column whose name the left input also has is renamed to prefix + name + suffix in the output.",
});
export const RightSuffix = z.string().default("").meta({ title: "Right name suffix", description: "See the prefix." });

export type JoinColumnsConfig = { joinType: JoinType; keys: { left: string; right: string }[]; rightPrefix: string; rightSuffix: string };
export type JoinColumns = {
  rowType?: RowType;
  errors: GraphError[];
  /** right column renames applied before the join; keys with the right side's names after them */
  renames: { from: string; to: string }[];
  keys: { left: string; right: string }[];
  /** a right column's name in the output */
  rightName: (name: string) => string;
};

const INTEGERS = new Set<DataType["root"]>(["TINYINT", "SMALLINT", "INT", "BIGINT"]);
const TEXT = new Set<DataType["root"]>(["CHAR", "VARCHAR", "STRING"]);

/**
 * Key types Flink compares without surprises: equal types (nullability aside; ROW / ARRAY / MAP structurally, nested
 * nullability included), or both integers, or both text.
 */
export function comparableKeys(a: DataType, b: DataType): boolean {
  if (isNested(a) || isNested(b)) return sameType(a, b, true);
  if (a.root === b.root && a.precision === b.precision && a.scale === b.scale) return true;
  return (INTEGERS.has(a.root) && INTEGERS.has(b.root)) || (TEXT.has(a.root) && TEXT.has(b.root));
}

/** Output columns: left then right (clashing names renamed); sides that an outer join may pad with NULL become nullable. */
export function joinColumns(nodeId: string, config: JoinColumnsConfig, left: RowType, right: RowType): JoinColumns {
  const errors: GraphError[] = [];
  const leftNames = new Set(left.map((c) => c.name));
  const renames = right.filter((c) => leftNames.has(c.name)).map((c) => ({ from: c.name, to: config.rightPrefix + c.name + config.rightSuffix }));
  const rightName = (name: string) => renames.find((r) => r.from === name)?.to ?? name;
  const renamedRight = right.map((c) => ({ ...c, name: rightName(c.name) }));
  for (const r of renames) {
    if (r.from === r.to) {
      errors.push({ nodeId, field: "rightPrefix", message: `both inputs have a column "${r.from}": set a prefix or suffix for the right one` });
    } else if (leftNames.has(r.to) || renamedRight.filter((c) => c.name === r.to).length > 1) {
      errors.push({ nodeId, field: "rightPrefix", message: `the right column "${r.from}" would be renamed to "${r.to}", which is taken; change the prefix or suffix` });
    }
  }
  if (config.keys.length === 0) errors.push({ nodeId, field: "keys", message: "add at least one pair of key columns" });
  config.keys.forEach((k, i) => {
    const l = findColumn(nodeId, `keys.${i}.left`, k.left, left);
    const r = findColumn(nodeId, `keys.${i}.right`, k.right, right);
    if (!l.ok) errors.push(l.error);
    if (!r.ok) errors.push(r.error);
    if (l.ok && r.ok && !comparableKeys(l.column.type, r.column.type)) {
      errors.push({
        nodeId, field: `keys.${i}.right`,
        message: `join keys of different types: left "${k.left}" is ${typeName(l.column.type)}, right "${k.right}" is ` +
          `${typeName(r.column.type)}; CAST one side in a select first`,
      });
    }
  });
  const padLeft = config.joinType === "right" || config.joinType === "full";
  const padRight = config.joinType === "left" || config.joinType === "full";
  const plain = (c: Column, pad: boolean): Column => ({ name: c.name, type: pad ? { ...c.type, nullable: true } : c.type });
  const rowType = [...left.map((c) => plain(c, padLeft)), ...renamedRight.map((c) => plain(c, padRight))];
  const keys = config.keys.map((k) => ({ left: k.left, right: rightName(k.right) }));
  return { rowType: errors.length ? undefined : rowType, errors, renames, keys, rightName };
}
