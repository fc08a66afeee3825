// IR expression tree → fully parenthesized Flink SQL, calling the functions the Table API methods of the IR map to.
import type { Expr } from "../expr/ast";
import { type FunctionDef, paramAt } from "../expr/functions";
import { countOf, sqlInterval } from "../expr/interval-text";
import { numberLiteral } from "../expr/literals";
import { type DataType, formatType } from "../types";
import { checkArity, fieldName } from "./java-expr";
import { CodegenError, readLiteral, readType } from "./literal";
import { sqlIdent, sqlString } from "./sql-text";

/** A type in Flink's SQL syntax, rebuilt from the parsed type so no IR text reaches the script unchecked. */
export const sqlType = (t: DataType) => formatType(t);
const castTarget = (t: DataType) => formatType({ ...t, nullable: true });

export function sqlExpr(e: Expr): string {
  switch (e.kind) {
    case "col": return sqlIdent(e.name);
    case "lit": return sqlLiteral(e);
    // CAST keeps its operand's nullability in Flink, so the target is written without NOT NULL
    case "cast": return `${e.try ? "TRY_CAST" : "CAST"}(${sqlExpr(e.expr)} AS ${castTarget(readType(e.type))})`;
    case "call": return sqlCall(e);
  }
}

type Call = Extract<Expr, { kind: "call" }>;

/** A unit argument as its bare word, checked against the catalogue's units, so no IR text reaches the script unchecked. */
function unit(f: FunctionDef, i: number, e: Expr | undefined): string {
  const units = paramAt(f, i)?.units ?? [];
  if (e?.kind !== "lit" || typeof e.value !== "string" || !units.includes(e.value)) throw new CodegenError(`function ${f.ir} needs a time unit as argument ${i + 1}`);
  return e.value;
}

/**
 * A call in the form the catalogue gives it (its `sql` form when SQL writes it differently, e.g. MOD(a, b) rather than
 * `%`, whose acceptance depends on the SQL conformance level), fully parenthesized. Variadic AND/CONCAT stay flat.
 */
function sqlCall(e: Call): string {
  const f = checkArity(e.fn, e.args.length);
  if (e.fn === "get") return `${sqlReceiver(e.args[0]!)}.${sqlIdent(fieldName(e))}`;
  const args = e.args.map((a, i) => {
    const family = paramAt(f, i)?.family;
    if (family === "unit") return unit(f, i, a);
    // a JSON path is a character literal in SQL (Calcite refuses a CAST there)
    if (family === "text" && a.kind === "lit" && typeof a.value === "string") return sqlString(a.value);
    return sqlExpr(a);
  });
  const form = f.sql ?? f.form ?? { kind: "call" };
  const name = (f.sql && "name" in f.sql ? f.sql.name : undefined) ?? f.name;
  switch (form.kind) {
    case "at": return `${sqlReceiver(e.args[0]!)}[${args[1]}]`;
    // the space keeps a negated negative literal from reading as a `--` comment
    case "prefix": return form.sym === "-" ? `(- ${args[0]})` : `(${form.sym} ${args[0]})`;
    case "infix": return `(${args.join(` ${form.sym} `)})`;
    case "postfix": return `(${args[0]} ${form.sym})`;
    case "between": return `(${args[0]} ${form.negated ? "NOT " : ""}BETWEEN ${args[1]} AND ${args[2]})`;
    case "in": return `(${args[0]} IN (${args.slice(1).join(", ")}))`;
    case "case": return `(CASE WHEN ${args[0]} THEN ${args[1]} ELSE ${args[2]} END)`;
    case "extract": return `EXTRACT(${args[1]} FROM ${args[0]})`;
    case "floorTo": return `${name}(${args[0]}${args.length > 1 ? ` TO ${args[1]}` : ""})`;
    case "position": return `POSITION(${args[0]} IN ${args[1]})`;
    case "jsonObject": {
      const pairs = [];
      for (let i = 0; i + 1 < args.length; i += 2) pairs.push(`KEY ${args[i]} VALUE ${args[i + 1]}`);
      return `JSON_OBJECT(${pairs.join(", ")})`;
    }
    case "bare": return name;
    case "interval": {
      const count = countOf(e.args[0]);
      const text = count === undefined ? undefined : sqlInterval(e.fn, count);
      if (text === undefined) throw new CodegenError(`function ${f.ir} needs a whole-number literal that Flink SQL's intervals can hold`);
      return text;
    }
    case "get": case "call": return `${name}(${args.join(", ")})`;
  }
}

/** The left side of `.field` / `[i]`: a column or another access chains bare (`payload`.`user`.`id`), else parenthesized. */
function sqlReceiver(e: Expr): string {
  const text = sqlExpr(e);
  return e.kind === "col" || (e.kind === "call" && (e.fn === "get" || e.fn === "at")) ? text : `(${text})`;
}

/**
 * A SQL literal of exactly the IR literal's type (the runner's lit(value, type.notNull())): bare where Flink's
 * parser gives the bare literal that type (5 is INT NOT NULL, 1.50 is DECIMAL(3, 2) NOT NULL), else wrapped in a CAST.
 */
function sqlLiteral(e: Extract<Expr, { kind: "lit" }>): string {
  const l = readLiteral(e);
  const want = formatType({ ...l.type, nullable: false });
  const typed = (text: string, natural: string) => (natural === want ? text : `CAST(${text} AS ${castTarget(l.type)})`);
  switch (l.kind) {
    case "null": return `CAST(NULL AS ${castTarget(l.type)})`;
    case "boolean": return l.value ? "TRUE" : "FALSE";
    case "string": return typed(sqlString(l.value), formatType({ root: "CHAR", length: l.value.length, nullable: false }));
    case "integer": case "decimal": case "approx": {
      const neg = l.text.startsWith("-");
      const abs = neg ? l.text.slice(1) : l.text;
      const text = l.kind === "approx" && !/E/.test(abs) ? `${abs}E0` : abs;
      const natural = numberLiteral(text, neg);
      // a negative literal in parentheses: `a - -1` would read as `a` and a comment
      return typed(neg ? `(-${text})` : text, typeof natural === "string" ? "" : natural.type);
    }
    case "temporal": {
      if (l.type.root === "TIMESTAMP_LTZ") {
        throw new CodegenError("TIMESTAMP_LTZ literals have no time-zone-independent SQL form; cast a TIMESTAMP in the expression instead");
      }
      if (l.type.root === "DATE") return `DATE ${sqlString(l.text)}`;
      const text = l.text.replace("T", " ");
      const seconds = /:\d{2}:\d{2}/.test(text) ? text : `${text}:00`;
      return `CAST(${l.type.root} ${sqlString(seconds)} AS ${castTarget(l.type)})`;
    }
  }
}
