// Flink SQL lexical pieces: identifiers and string literals quoted with Flink's (Calcite's) own escaping.
import { CodegenError } from "./literal";

/**
 * A backquoted identifier, a backquote doubled. Flink's parser (Calcite, BTID quoting) reads `( ~["`","\n","\r"] | "``" )+`
 * between backquotes: an empty name or one holding a line break cannot be written at all, so it is refused, not mangled.
 */
export function sqlIdent(name: string): string {
  if (name === "") throw new CodegenError("an empty name cannot be written as a Flink SQL identifier");
  if (/[\r\n]/.test(name)) throw new CodegenError(`the name ${JSON.stringify(name)} holds a line break, which Flink SQL identifiers cannot contain`);
  return "`" + name.replaceAll("`", "``") + "`";
}

/** A single-quoted string literal, a quote doubled; Flink SQL has no backslash escapes, so `\` stays as is. */
export function sqlString(s: string): string {
  return "'" + s.replaceAll("'", "''") + "'";
}

/** Comment text on one line, so no name can end a `--` comment early and start a statement. */
export function sqlCommentText(s: string): string {
  return JSON.stringify(s);
}
