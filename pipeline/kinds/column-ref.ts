// Shared by kinds that name input columns in their config: look a name up and pin a readable error to the field.
import { closest, typeName } from "../expr/compat";
import type { GraphError } from "../graph";
import type { Column, RowType } from "../types";

export type ColumnRef = { ok: true; column: Column; index: number } | { ok: false; error: GraphError };

export function findColumn(nodeId: string, field: string, name: string, rowType: RowType): ColumnRef {
  const index = rowType.findIndex((c) => c.name === name);
  if (index >= 0) return { ok: true, column: rowType[index]!, index };
  const guess = closest(name, rowType.map((c) => c.name));
  const hint = guess === undefined ? `; columns: ${rowType.map((c) => c.name).join(", ")}` : `; did you mean "${guess}"?`;
  return { ok: false, error: { nodeId, field, message: `unknown column "${name}"${hint}` } };
}

/** "name BIGINT" lists, for messages that compare row types. */
export const describeRow = (rowType: RowType) => rowType.map((c) => `${c.name} ${typeName(c.type)}`).join(", ");
