// Catalogue rows: ARRAY and MAP functions, and nested access (row.field, x[i]) whose types nested.ts works out.
import type { FunctionDef } from "./define";
import { anyNullable, error, fixed, p, typeName, withNull } from "./rules";
import { comparable } from "../compat";

const A = "ARRAY<INT> NOT NULL";
const M = "MAP<STRING, INT> NOT NULL";

export const COLLECTIONS: FunctionDef[] = [
  {
    name: "CARDINALITY", ir: "cardinality", builtin: "cardinality", category: "collection", java: "method",
    params: [p("x", "collection")], returns: fixed("INT"), signature: "CARDINALITY(x) → INT", description: "the number of elements of an ARRAY or entries of a MAP",
    examples: [[A], [M], ["ARRAY<INT>"]],
  },
  {
    name: "ELEMENT", ir: "element", builtin: "element", category: "collection", java: "method",
    params: [p("array", "array")], returns: (args) => withNull(args[0]!.type.element!, true),
    signature: "ELEMENT(array) → element", description: "the only element of a one-element ARRAY (NULL when empty; an error when longer)",
    examples: [[A], ["ARRAY<STRING NOT NULL> NOT NULL"]],
  },
  {
    name: "ARRAY_CONTAINS", ir: "arrayContains", builtin: "ARRAY_CONTAINS", category: "collection", java: "method",
    params: [p("array", "array"), p("x", "any")],
    returns: (args) => (comparable(args[0]!.type.element!, args[1]!.type)
      ? withNull({ root: "BOOLEAN", nullable: false }, anyNullable(args))
      : error(`cannot look for ${typeName(args[1]!.type)} in ${typeName(args[0]!.type)}`, 1)),
    signature: "ARRAY_CONTAINS(array, x) → BOOLEAN", description: "true when the ARRAY has an element equal to x",
    examples: [[A, "INT NOT NULL"]],
  },
  {
    name: "MAP_KEYS", ir: "mapKeys", builtin: "MAP_KEYS", category: "collection", java: "method",
    params: [p("map", "map")], returns: (args) => ({ root: "ARRAY", element: args[0]!.type.key!, nullable: anyNullable(args) }),
    signature: "MAP_KEYS(map) → ARRAY", description: "the MAP's keys as an ARRAY", examples: [[M]],
  },
  {
    name: "MAP_VALUES", ir: "mapValues", builtin: "MAP_VALUES", category: "collection", java: "method",
    params: [p("map", "map")], returns: (args) => ({ root: "ARRAY", element: args[0]!.type.value!, nullable: anyNullable(args) }),
    signature: "MAP_VALUES(map) → ARRAY", description: "the MAP's values as an ARRAY", examples: [[M]],
  },
];

/** row.field (get: the field name is a string literal) and x[i] (at); the checker types them with nested.ts. */
export const ACCESS: FunctionDef[] = [
  {
    name: ".", ir: "get", builtin: "get", category: "collection", java: "method",
    params: [p("row", "any"), p("field", "text")], returns: () => error("typed by the checker"), form: { kind: "get" },
    signature: "row.field", description: "a field of a ROW (NULL when the row is)", examples: [],
  },
  {
    name: "[]", ir: "at", builtin: "at", category: "collection", java: "method",
    params: [p("x", "collection"), p("index", "any")], returns: () => error("typed by the checker"), form: { kind: "at" },
    signature: "array[i], map[key]", description: "an ARRAY element (1-based) or a MAP value; NULL when absent", examples: [],
  },
];
