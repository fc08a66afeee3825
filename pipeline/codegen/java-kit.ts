// What an IR op's Java print is given (pipeline/ir/ops): the program's context and the Table API pieces ops share.
import type { AggregateFunction, Statement, TableDescriptorIr } from "../ir";
import type { RowType } from "../types";
import type { Expr } from "../expr/ast";
import { javaExpr, type JavaUses } from "./java-expr";
import { javaString, javaType } from "./java-text";
import { BY_AGGREGATE } from "../expr/functions/aggregates";
import { CodegenError, readType } from "./literal";
import { connectionPlaceholders } from "../ir/connectors";

export type JavaContext = {
  uses: JavaUses;
  /** row type of every table, for a UDF's select */
  types: Record<string, RowType>;
  /** a fresh temporary view name, as the runner's ProgramContext#nextViewName gives them */
  nextView: () => string;
  ascii: boolean;
  /** the Java local holding an IR table */
  table: (name: string) => string;
  /** the program's Flink configuration (UDF worker settings are read from it, as the runner does) */
  config: Record<string, string>;
};

/** The context with the helpers every op's print uses, for one statement. */
export type JavaPrinter = JavaContext & {
  /** a Java string literal */
  str: (v: string) => string;
  expr: (e: Expr) => string;
  /** the `// op name` line heading the statement */
  comment: string;
  /** the comment and `Table name = call;` */
  define: (name: string, call: string) => string[];
  /** items as call arguments, one per line */
  list: (items: string[]) => string;
};

export const I = "    ";
export const II = "        ";

export function javaPrinter(s: Statement, ctx: JavaContext): JavaPrinter {
  const str = (v: string) => javaString(v, ctx.ascii);
  const comment = `${I}// ${s.op} ${str("table" in s ? s.table : s.sink)}`;
  return {
    ...ctx, str, comment,
    expr: (e) => javaExpr(e, ctx.uses, ctx.ascii),
    define: (name, call) => [comment, `${I}Table ${ctx.table(name)} = ${call};`],
    list: (items) => `\n${items.map((x) => II + x).join(",\n")}`,
  };
}

/** Table API methods of an IR aggregate function, from the aggregate catalogue: count_distinct is count().distinct(). */
function javaAggregate(fn: AggregateFunction): string {
  const a = BY_AGGREGATE.get(fn);
  if (!a) throw new CodegenError(`unknown aggregate function "${fn}"`);
  return a.java.map((m) => `${m}()`).join(".");
}

export function javaAggregates(list: { fn: AggregateFunction; column: string; as: string }[], str: (s: string) => string): string[] {
  return list.map((a) => `$(${str(a.column)}).${javaAggregate(a.fn)}.as(${str(a.as)})`);
}

/** TableDescriptor.forConnector(...); a sink without a schema takes its input's, as the runner's Descriptors does. */
export function javaDescriptor(d: TableDescriptorIr, derivedFrom: string | null, str: (s: string) => string): string {
  const lines = [`TableDescriptor.forConnector(${str(d.connector)})`];
  const pk = d.primaryKey ? [`${II}        .primaryKey(${d.primaryKey.map(str).join(", ")})`] : [];
  if (d.schema) {
    const cols = d.schema.map((c) => `${II}        .column(${str(c.name)}, ${javaType(readType(c.type))})`);
    const meta = (d.metadata ?? []).map((c) =>
      `${II}        .columnByMetadata(${str(c.name)}, ${javaType(readType(c.type))}, ${str(c.key)}, true)`);
    const wm = d.watermark ? [`${II}        ${javaWatermark(d.watermark, str)}`] : [];
    const pt = d.proctime ? [`${II}        ${javaProctime(d.proctime, str)}`] : [];
    lines.push(`${II}    .schema(Schema.newBuilder()`, ...cols, ...meta, ...pt, ...wm, ...pk, `${II}        .build())`);
  } else if (derivedFrom) {
    const from = `Schema.newBuilder().fromResolvedSchema(${derivedFrom}.getResolvedSchema())`;
    lines.push(pk.length ? `${II}    .schema(${from}\n${pk[0]}\n${II}        .build())` : `${II}    .schema(${from}.build())`);
  }
  const options = [...Object.entries(d.options), ...connectionPlaceholders(d)];
  for (const [k, v] of options) lines.push(`${II}    .option(${str(k)}, ${str(v)})`);
  lines.push(`${II}    .build()`);
  return lines.join("\n");
}

/** Milliseconds as the runner writes them: lit(long).millis(). */
export const javaMillis = (ms: number) => `lit(${ms}L).millis()`;

/** .watermark(column, $(column).minus(lit(delay).millis())): bounded out-of-orderness, as the runner's Descriptors. */
export function javaWatermark(w: { column: string; delayMs: number }, str: (s: string) => string): string {
  return `.watermark(${str(w.column)}, $(${str(w.column)}).minus(${javaMillis(w.delayMs)}))`;
}

/** .columnByExpression(column, "PROCTIME()"): a processing-time attribute, as the runner's Descriptors declares it. */
export function javaProctime(p: { column: string } | undefined, str: (s: string) => string): string {
  return p ? `.columnByExpression(${str(p.column)}, "PROCTIME()")` : "";
}
