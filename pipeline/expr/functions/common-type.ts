// The least restrictive type of several (Flink's LogicalTypeMerging.findCommonType), for CASE, COALESCE, IN, GREATEST.
import { type DataType, isNumeric, isString, sameType } from "../../types";
import { comparable, typeName } from "../compat";
import { arithmeticType } from "../numeric";

const RANK: Partial<Record<string, number>> = { TINYINT: 1, SMALLINT: 2, INT: 3, BIGINT: 4 };
const INT_DIGITS: Partial<Record<string, number>> = { TINYINT: 3, SMALLINT: 5, INT: 10, BIGINT: 19 };

function two(a: DataType, b: DataType): DataType | undefined {
  const nullable = a.nullable || b.nullable;
  if (sameType(a, b, true)) return { ...a, nullable };
  if (isString(a) && isString(b)) {
    if (a.root === "STRING" || b.root === "STRING") return { root: "STRING", nullable };
    if (a.root === "CHAR" && b.root === "CHAR" && a.length === b.length) return { ...a, nullable };
    return { root: "VARCHAR", length: Math.max(a.length ?? 1, b.length ?? 1), nullable };
  }
  if (isNumeric(a) && isNumeric(b)) {
    if (RANK[a.root] !== undefined && RANK[b.root] !== undefined) return { ...(RANK[a.root]! >= RANK[b.root]! ? a : b), nullable };
    if (a.root === "DECIMAL" || b.root === "DECIMAL") {
      if (a.root === "FLOAT" || a.root === "DOUBLE" || b.root === "FLOAT" || b.root === "DOUBLE") return { root: "DOUBLE", nullable };
      const [pa, sa] = a.root === "DECIMAL" ? [a.precision ?? 10, a.scale ?? 0] : [INT_DIGITS[a.root]!, 0];
      const [pb, sb] = b.root === "DECIMAL" ? [b.precision ?? 10, b.scale ?? 0] : [INT_DIGITS[b.root]!, 0];
      const scale = Math.max(sa, sb);
      return { root: "DECIMAL", precision: Math.min(38, Math.max(pa - sa, pb - sb) + scale), scale, nullable };
    }
    return { ...arithmeticType("plus", a, b), nullable };
  }
  if ((a.root === "TIMESTAMP" || a.root === "DATE") && (b.root === "TIMESTAMP" || b.root === "DATE")) {
    return { root: "TIMESTAMP", precision: Math.max(a.root === "TIMESTAMP" ? a.precision ?? 6 : 0, b.root === "TIMESTAMP" ? b.precision ?? 6 : 0), nullable };
  }
  if (a.root === b.root && (a.root === "TIMESTAMP_LTZ" || a.root === "TIME")) return { ...a, precision: Math.max(a.precision ?? 0, b.precision ?? 0), nullable };
  return comparable(a, b) && sameType(a, b, true) ? { ...a, nullable } : undefined;
}

/** The common type of `types`, or a message naming the first pair that has none. */
export function commonType(types: DataType[]): DataType | string {
  let acc = types[0]!;
  for (const t of types.slice(1)) {
    const m = two(acc, t);
    if (!m) return `${typeName(acc)} and ${typeName(t)} have no common type`;
    acc = m;
  }
  return acc;
}
