// The row type of a union: the common type of each column position, as Flink's LogicalTypeMerging finds it.
import { typeName } from "../expr/compat";
import type { GraphError } from "../graph";
import { type DataType, formatType, type RowType } from "../types";

const INTEGER_RANK: Partial<Record<DataType["root"], number>> = { TINYINT: 1, SMALLINT: 2, INT: 3, BIGINT: 4 };
const APPROX_RANK: Partial<Record<DataType["root"], number>> = { FLOAT: 1, DOUBLE: 2 };
const VARIABLE_TEXT = new Set<DataType["root"]>(["VARCHAR", "STRING"]);

/** The common type of one column position, as Flink's LogicalTypeMerging finds it for the cases offered; undefined if none. */
export function commonType(a: DataType, b: DataType): DataType | undefined {
  const nullable = a.nullable || b.nullable;
  if (formatType({ ...a, nullable }) === formatType({ ...b, nullable })) return { ...a, nullable };
  const ia = INTEGER_RANK[a.root];
  const ib = INTEGER_RANK[b.root];
  if (ia && ib) return { root: ia >= ib ? a.root : b.root, nullable };
  const fa = APPROX_RANK[a.root];
  const fb = APPROX_RANK[b.root];
  if ((fa || ia) && (fb || ib)) return { root: Math.max(fa ?? 0, fb ?? 0) === 2 ? "DOUBLE" : "FLOAT", nullable };
  if (VARIABLE_TEXT.has(a.root) && VARIABLE_TEXT.has(b.root)) {
    if (a.root === "STRING" || b.root === "STRING") return { root: "STRING", nullable };
    return { root: "VARCHAR", length: Math.max(a.length ?? 1, b.length ?? 1), nullable };
  }
  if (a.root === b.root && (a.root === "TIMESTAMP" || a.root === "TIMESTAMP_LTZ" || a.root === "TIME")) {
    return { root: a.root, precision: Math.max(a.precision ?? 0, b.precision ?? 0), nullable };
  }
  return undefined;
}

export function unionRowType(nodeId: string, left: RowType, right: RowType): { rowType?: RowType; errors: GraphError[] } {
  if (left.length !== right.length) {
    return { errors: [{ nodeId, message: `inputs have ${left.length} and ${right.length} columns; a union needs the same number` }] };
  }
  const errors: GraphError[] = [];
  const rowType = left.map((l, i) => {
    const r = right[i]!;
    const t = commonType(l.type, r.type);
    if (!t) {
      errors.push({
        nodeId,
        message: `column ${i + 1}: left "${l.name}" is ${typeName(l.type)}, right "${r.name}" is ${typeName(r.type)}; ` +
          "they have no common type (CAST one side in a select first)",
      });
    }
    return { name: l.name, type: t ?? l.type };
  });
  return errors.length ? { errors } : { rowType, errors };
}
