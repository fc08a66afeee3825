// Building blocks for the catalogue's argument families and return-type rules (nullability as Flink infers it).
import { type DataType, isNumeric, isString, type } from "../../types";
import { typeName } from "../compat";
import type { Arg, Family, Param, RuleResult } from "./define";

const INTEGER_ROOTS = new Set(["TINYINT", "SMALLINT", "INT", "BIGINT"]);
export const isInteger = (t: DataType) => INTEGER_ROOTS.has(t.root);
export const isTimestamp = (t: DataType) => t.root === "TIMESTAMP" || t.root === "TIMESTAMP_LTZ";

export const ACCEPTS: Record<Family, (t: DataType) => boolean> = {
  any: () => true,
  string: isString,
  numeric: isNumeric,
  integer: isInteger,
  exact: (t) => isInteger(t) || t.root === "DECIMAL",
  boolean: (t) => t.root === "BOOLEAN",
  temporal: (t) => isTimestamp(t) || t.root === "DATE" || t.root === "TIME",
  timestamp: isTimestamp,
  array: (t) => t.root === "ARRAY",
  map: (t) => t.root === "MAP",
  collection: (t) => t.root === "ARRAY" || t.root === "MAP",
  unit: isString,
  text: isString,
};

/** What a family is called in "X needs …" messages. */
export const FAMILY_NAME: Record<Family, string> = {
  any: "a value", string: "strings", numeric: "numbers", integer: "integers", exact: "integers or DECIMALs",
  boolean: "BOOLEAN operands", temporal: "a DATE, TIME or TIMESTAMP", timestamp: "a TIMESTAMP or TIMESTAMP_LTZ",
  array: "an ARRAY", map: "a MAP", collection: "an ARRAY or a MAP", unit: "a time unit", text: "a string literal",
};

/** The type a NULL takes in a parameter of this family when the parameter does not say. */
export const NULL_AS: Partial<Record<Family, DataType>> = {
  string: type("STRING"), text: type("STRING"), boolean: type("BOOLEAN"), integer: type("INT"), numeric: type("INT"),
  exact: type("INT"), timestamp: type("TIMESTAMP(3)"), temporal: type("TIMESTAMP(3)"),
};

export const p = (name: string, family: Family, more: Omit<Param, "name" | "family"> = {}): Param => ({ name, family, ...more });
export const like = (name: string, family: Family = "any", more: Omit<Param, "name" | "family"> = {}): Param => ({ name, family, nullAs: "like", ...more });

export const anyNullable = (args: Arg[]) => args.some((a) => a.type.nullable);
export const withNull = (t: DataType, nullable: boolean): DataType => ({ ...t, nullable });

/** A fixed type, nullable when any argument is (Flink's nullableIfArgs); "always"/"never" force it. */
export const fixed = (text: string, nulls: "args" | "always" | "never" = "args") => {
  const t = type(text);
  return (args: Arg[]): RuleResult => withNull(t, nulls === "always" ? true : nulls === "never" ? false : anyNullable(args));
};

/** The type of argument i, nullable when any argument is. */
export const sameAs = (i: number) => (args: Arg[]): RuleResult => withNull(args[i]!.type, anyNullable(args));

/** Flink's STRING-returning functions that keep a CHAR/VARCHAR argument's type (UPPER(VARCHAR(10)) is VARCHAR(10)). */
export const stringLike = (i: number) => (args: Arg[]): RuleResult => withNull(args[i]!.type, anyNullable(args));

export const error = (message: string, arg?: number): RuleResult => ({ error: message, arg });
export { typeName };

/** An integer literal's value, or undefined for anything else. */
export function intLiteral(a: Arg | undefined): number | undefined {
  if (a === undefined || typeof a.value !== "string" || !/^-?\d+$/.test(a.value)) return undefined;
  return Number(a.value);
}
