// Catalogue rows: string functions and hashing, typed as Flink's Table API infers them (VARCHAR(n) kept where Flink keeps it).
import type { FunctionDef } from "./define";
import { fixed, p, sameAs } from "./rules";

type Row = [name: string, ir: string, builtin: string, params: FunctionDef["params"], returns: FunctionDef["returns"], signature: string, description: string, aliases?: string[]];

const S = "STRING NOT NULL";
const V = "VARCHAR(10) NOT NULL";
const s = (name = "s") => p(name, "string");
const n = (name: string) => p(name, "integer");

function rows(list: Row[], category: FunctionDef["category"] = "string"): FunctionDef[] {
  return list.map(([name, ir, builtin, params, returns, signature, description, aliases]) => ({
    name, ir, builtin, category, aliases, params, returns, signature, description, java: "method",
    examples: [params.map((x) => (x.family === "integer" ? "INT NOT NULL" : x === params[0] ? V : S)), params.map((x) => (x.family === "integer" ? "INT NOT NULL" : S))],
  }));
}

export const STRINGS: FunctionDef[] = [
  ...rows([
    ["UPPER", "upperCase", "upper", [s()], sameAs(0), "UPPER(s STRING) → STRING", "s in upper case"],
    ["LOWER", "lowerCase", "lower", [s()], sameAs(0), "LOWER(s STRING) → STRING", "s in lower case"],
    ["TRIM", "trim", "trim", [s()], sameAs(0), "TRIM(s STRING) → STRING", "s without leading and trailing spaces"],
    ["INITCAP", "initCap", "initCap", [s()], sameAs(0), "INITCAP(s STRING) → STRING", "s with each word's first letter upper case, the rest lower case"],
    ["CHAR_LENGTH", "charLength", "charLength", [s()], fixed("INT"), "CHAR_LENGTH(s STRING) → INT", "the number of characters in s", ["CHARACTER_LENGTH"]],
    ["SUBSTRING", "substring", "substring", [s(), n("start"), p("length", "integer", { optional: true })], sameAs(0),
      "SUBSTRING(s STRING, start[, length]) → STRING", "the characters of s from start (1-based), length of them or to the end"],
    ["REPLACE", "replace", "replace", [s(), s("search"), s("replacement")], fixed("STRING"), "REPLACE(s STRING, search, replacement) → STRING", "s with every occurrence of search replaced"],
    ["REGEXP", "regexp", "regexp", [s(), s("regex")], fixed("BOOLEAN"), "REGEXP(s STRING, regex) → BOOLEAN", "true when some part of s matches the Java regular expression"],
    ["REGEXP_EXTRACT", "regexpExtract", "regexpExtract", [s(), s("regex"), p("group", "integer", { optional: true })], fixed("STRING", "always"),
      "REGEXP_EXTRACT(s STRING, regex[, group]) → STRING", "the group (default 1) of the first match of regex in s; NULL when nothing matches"],
    ["REGEXP_REPLACE", "regexpReplace", "regexpReplace", [s(), s("regex"), s("replacement")], fixed("STRING"),
      "REGEXP_REPLACE(s STRING, regex, replacement) → STRING", "s with every match of the Java regular expression replaced"],
    ["SPLIT_INDEX", "splitIndex", "splitIndex", [s(), s("separator"), n("index")], fixed("STRING"),
      "SPLIT_INDEX(s STRING, separator, index) → STRING", "the index-th (0-based) part of s split at separator; NULL when there is none"],
    ["LPAD", "lpad", "lpad", [s(), n("length"), s("pad")], fixed("STRING"), "LPAD(s STRING, length, pad) → STRING", "s left-padded with pad (or cut) to length characters"],
    ["RPAD", "rpad", "rpad", [s(), n("length"), s("pad")], fixed("STRING"), "RPAD(s STRING, length, pad) → STRING", "s right-padded with pad (or cut) to length characters"],
    ["LEFT", "left", "left", [s(), n("length")], sameAs(0), "LEFT(s STRING, length) → STRING", "the first length characters of s"],
    ["RIGHT", "right", "right", [s(), n("length")], sameAs(0), "RIGHT(s STRING, length) → STRING", "the last length characters of s"],
    ["REPEAT", "repeat", "repeat", [s(), n("times")], fixed("STRING"), "REPEAT(s STRING, times) → STRING", "s repeated times times"],
    ["REVERSE", "reverse", "reverse", [s()], fixed("STRING"), "REVERSE(s STRING) → STRING", "s with its characters in reverse order"],
  ]),
  {
    name: "CONCAT", ir: "concat", builtin: "concat", category: "string", java: "fold",
    params: [s("a"), p("b", "string", { variadic: true })], returns: fixed("STRING"),
    signature: "CONCAT(s STRING, …) → STRING", description: "the strings joined; NULL if any is NULL",
    examples: [[S, V], [S, S, S]],
  },
  {
    name: "CONCAT_WS", ir: "concatWs", builtin: "concat_ws", category: "string", java: "static",
    params: [s("separator"), s("a"), p("b", "string", { variadic: true, optional: true })], returns: fixed("STRING"),
    signature: "CONCAT_WS(separator, a, …) → STRING", description: "the strings joined with separator, NULL strings left out",
    examples: [[S, S, S], [S, S]],
  },
  {
    name: "POSITION", ir: "position", builtin: "position", category: "string", java: "method",
    params: [s("needle"), s("s")], returns: fixed("INT"), form: { kind: "position" },
    signature: "POSITION(needle IN s) → INT", description: "where needle first occurs in s (1-based), 0 if it does not",
    examples: [[S, S], [S, V]],
  },
  ...rows([
    ["MD5", "md5", "md5", [s()], fixed("CHAR(32)"), "MD5(s STRING) → CHAR(32)", "the MD5 hash of s as 32 hex digits"],
    ["SHA256", "sha256", "sha256", [s()], fixed("CHAR(64)"), "SHA256(s STRING) → CHAR(64)", "the SHA-256 hash of s as 64 hex digits"],
  ], "hashing"),
];
