// Catalogue rows: JSON functions (JSON_VALUE, JSON_QUERY, JSON_EXISTS, JSON_OBJECT, JSON_ARRAY, IS JSON).
import type { Arg, FunctionDef, RuleResult } from "./define";
import { error, fixed, p } from "./rules";

/** Keys and values alternate; Flink takes only string literals as keys. */
function jsonObject(args: Arg[]): RuleResult {
  if (args.length % 2 !== 0) return error("JSON_OBJECT needs key VALUE value pairs");
  const bad = args.findIndex((a, i) => i % 2 === 0 && typeof a.value !== "string");
  if (bad >= 0) return error("a JSON_OBJECT key must be a string literal", bad);
  return { root: "STRING", nullable: false };
}

const S = "STRING NOT NULL";

const path = (name: string, ir: string, builtin: string, type: string, description: string): FunctionDef => ({
  name, ir, builtin, category: "json", java: "method", params: [p("json", "string"), p("path", "text")],
  returns: fixed(type, "always"), signature: `${name}(json, path) → ${type}`, description, examples: [[S, S], ["STRING", S]],
});

export const JSON_FUNCTIONS: FunctionDef[] = [
  {
    ...path("JSON_VALUE", "jsonValue", "JSON_VALUE", "STRING", "the scalar at a JSON path such as '$.user.id', as text (RETURNING INT, DOUBLE, BOOLEAN… converts it); NULL when absent, not a scalar or not convertible"),
    signature: "JSON_VALUE(json, path [RETURNING type]) → STRING",
  },
  path("JSON_QUERY", "jsonQuery", "JSON_QUERY", "STRING", "the object or array at a JSON path, as JSON text; NULL when absent"),
  path("JSON_EXISTS", "jsonExists", "JSON_EXISTS", "BOOLEAN", "true when the JSON path finds something"),
  {
    name: "JSON_OBJECT", ir: "jsonObject", builtin: "JSON_OBJECT", category: "json", java: "static", javaLead: ["NULL"],
    params: [p("key", "string"), p("value", "any", { variadic: true })], returns: jsonObject, form: { kind: "jsonObject" },
    signature: "JSON_OBJECT(key VALUE value, …) → STRING", description: "a JSON object of the key/value pairs (a NULL value is written as null)",
    examples: [["='k'", "INT NOT NULL"], ["='k'", "STRING"]],
  },
  {
    name: "JSON_ARRAY", ir: "jsonArray", builtin: "JSON_ARRAY", category: "json", java: "static", javaLead: ["ABSENT"],
    params: [p("value", "any", { variadic: true })], returns: fixed("STRING NOT NULL", "never"),
    signature: "JSON_ARRAY(value, …) → STRING", description: "a JSON array of the values (NULL values left out)",
    examples: [["INT NOT NULL", S], ["STRING"]],
  },
  {
    name: "IS JSON", ir: "isJson", builtin: "IS_JSON", category: "json", java: "method",
    params: [p("s", "string")], returns: fixed("BOOLEAN NOT NULL", "never"), form: { kind: "postfix", sym: "IS JSON" },
    signature: "s IS JSON → BOOLEAN NOT NULL", description: "true when s is valid JSON", examples: [[S], ["STRING"]],
  },
];
