// Shared by sources whose columns the user declares (values, files): the row type, with each duplicate name or
// unparsable type pinned to its field.
import type { GraphError } from "../graph";
import { parseType, type RowType } from "../types";

export function declaredColumns(nodeId: string, columns: readonly { name: string; type: string }[]): { rowType: RowType; errors: GraphError[] } {
  const errors: GraphError[] = [];
  const rowType: RowType = [];
  const seen = new Set<string>();
  if (columns.length === 0) errors.push({ nodeId, field: "columns", message: "add at least one column" });
  columns.forEach((c, i) => {
    if (seen.has(c.name)) errors.push({ nodeId, field: `columns.${i}.name`, message: `duplicate column name "${c.name}"` });
    seen.add(c.name);
    const t = parseType(c.type);
    if (t.ok) rowType.push({ name: c.name, type: t.type });
    else errors.push({ nodeId, field: `columns.${i}.type`, message: `column "${c.name}": ${t.message}` });
  });
  return { rowType, errors };
}
