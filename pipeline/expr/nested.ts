// Types of nested access in the checker: row.field (fn get) and array[i] / map[key] (fn at), as Flink's ITEM and GET type them.
import { type DataType, isString, sameType } from "../types";
import { closest, typeName } from "./compat";

export type Access = { ok: true; type: DataType } | { ok: false; message: string };

const INTEGER_RANK: Record<string, number> = { TINYINT: 1, SMALLINT: 2, INT: 3, BIGINT: 4 };
/** Flink's generated code indexes Java arrays with an int, so an index is at most INT (as Flink SQL's `arr[i]` documents). */
const INDEX_ROOTS = new Set(["TINYINT", "SMALLINT", "INT"]);

/** `row.name`: the field's type, nullable when the row or the field is (a NULL row has NULL fields). */
export function fieldType(row: DataType, name: string): Access {
  if (row.root !== "ROW") {
    return { ok: false, message: `cannot read field "${name}" of ${typeName(row)}: only ROW values have fields` };
  }
  const fields = row.fields ?? [];
  const f = fields.find((x) => x.name === name);
  if (f) return { ok: true, type: { ...f.type, nullable: row.nullable || f.type.nullable } };
  const names = fields.map((x) => x.name);
  const near = closest(name, names);
  const hint = near !== undefined ? `; did you mean "${near}"?`
    : `; its fields are ${names.slice(0, 8).map((n) => `"${n}"`).join(", ")}${names.length > 8 ? ", …" : ""}`;
  return { ok: false, message: `unknown field "${name}" in ${typeName(row)}${hint}` };
}

/** `x[i]`: an ARRAY's element (i an integer, 1-based) or a MAP's value for key i; NULL when absent, so always nullable. */
export function itemType(x: DataType, index: DataType): Access {
  if (x.root === "ARRAY") {
    if (!INDEX_ROOTS.has(index.root)) {
      const hint = INTEGER_RANK[index.root] !== undefined ? "; use CAST(… AS INT)" : "";
      return { ok: false, message: `an ARRAY index must be an INT (1-based), got ${typeName(index)}${hint}` };
    }
    return { ok: true, type: { ...x.element!, nullable: true } };
  }
  if (x.root === "MAP") {
    const key = x.key!;
    if (!keyFits(index, key)) return { ok: false, message: `a key of ${typeName(x)} must be ${typeName(key)}, got ${typeName(index)}` };
    return { ok: true, type: { ...x.value!, nullable: true } };
  }
  return { ok: false, message: `cannot index ${typeName(x)} with [ ]: only ARRAY and MAP values have items` };
}

/** Keys Flink casts implicitly to the map's key type: strings to strings, narrower integers to wider ones, else equal types. */
function keyFits(k: DataType, key: DataType): boolean {
  if (isString(k) && isString(key)) return true;
  const a = INTEGER_RANK[k.root];
  const b = INTEGER_RANK[key.root];
  if (a !== undefined && b !== undefined) return a <= b;
  return sameType(k, key, true);
}
