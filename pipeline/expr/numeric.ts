// Result types of arithmetic, following Flink's LogicalTypeMerging (DECIMAL precision/scale rules, numeric widening).
import type { DataType, TypeRoot } from "../types";

const RANK: Partial<Record<TypeRoot, number>> = { TINYINT: 1, SMALLINT: 2, INT: 3, BIGINT: 4, DECIMAL: 5, FLOAT: 6, DOUBLE: 7 };
const INT_DIGITS: Partial<Record<TypeRoot, number>> = { TINYINT: 3, SMALLINT: 5, INT: 10, BIGINT: 19 };
const MAX_PRECISION = 38;
const MIN_ADJUSTED_SCALE = 6;

export const isExactNumeric = (t: DataType) => t.root === "DECIMAL" || INT_DIGITS[t.root] !== undefined;

export type ArithOp = "plus" | "minus" | "times" | "dividedBy" | "mod";

/** Flink's adjustPrecisionScale: keeps integral digits when the precision would exceed 38. */
function decimal(precision: number, scale: number): DataType {
  if (precision <= MAX_PRECISION) return { root: "DECIMAL", nullable: false, precision, scale };
  const intDigits = precision - scale;
  const s = Math.max(MAX_PRECISION - intDigits, Math.min(scale, MIN_ADJUSTED_SCALE));
  return { root: "DECIMAL", nullable: false, precision: MAX_PRECISION, scale: s };
}

const asDecimal = (t: DataType): [number, number] =>
  t.root === "DECIMAL" ? [t.precision ?? 10, t.scale ?? 0] : [INT_DIGITS[t.root] ?? 19, 0];

/** Result type of a binary arithmetic op on two numeric types (nullability is set by the caller). */
export function arithmeticType(op: ArithOp, a: DataType, b: DataType): DataType {
  const ra = RANK[a.root]!;
  const rb = RANK[b.root]!;
  if (ra >= 6 || rb >= 6) {
    // approximate numerics win; FLOAT meets DECIMAL as DOUBLE
    const root = ra === 7 || rb === 7 || ra === 5 || rb === 5 ? "DOUBLE" : "FLOAT";
    return { root, nullable: false };
  }
  if (a.root === "DECIMAL" || b.root === "DECIMAL") {
    const [p1, s1] = asDecimal(a);
    const [p2, s2] = asDecimal(b);
    switch (op) {
      case "plus": case "minus": {
        const s = Math.max(s1, s2);
        return decimal(Math.max(p1 - s1, p2 - s2) + s + 1, s);
      }
      // Flink's findMultiplicationDecimalType: one digit more than the operands' (DECIMAL(10, 2) * INT is DECIMAL(21, 2))
      case "times": return decimal(p1 + p2 + 1, s1 + s2);
      case "dividedBy": {
        const s = Math.max(MIN_ADJUSTED_SCALE, s1 + p2 + 1);
        return decimal(p1 - s1 + s2 + s, s);
      }
      case "mod": {
        const s = Math.max(s1, s2);
        return decimal(Math.min(p1 - s1, p2 - s2) + s, s);
      }
    }
  }
  // integers: MOD takes the type of its divisor (Calcite/Flink), the others the wider operand
  if (op === "mod") return { root: b.root, nullable: false };
  return { root: ra >= rb ? a.root : b.root, nullable: false };
}
