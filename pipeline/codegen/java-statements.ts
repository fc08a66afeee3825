// One IR statement → the Java Table API call jvm-runner's translator of the same name makes.
import type { AggregateFunction, Statement, TableDescriptorIr } from "../ir";
import type { RowType } from "../types";
import type { Expr } from "../expr/ast";
import { javaExpr, javaValue, type JavaUses } from "./java-expr";
import { javaString, javaType } from "./java-text";
import { javaUdf, javaWindowUdf } from "./java-udf";
import { CodegenError, readType } from "./literal";
import { rankQuery } from "./rank-sql";
import { sqlIdent } from "./sql-text";
import { windowQueryText, windowUdfName } from "./window-sql";

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

/** Table API methods of the IR's aggregate functions; count_distinct is COUNT(DISTINCT c). */
const AGGREGATE: Record<AggregateFunction, string> = {
  count: "count()", count_distinct: "count().distinct()", sum: "sum()", avg: "avg()", min: "min()", max: "max()",
  first_value: "firstValue()", last_value: "lastValue()",
};

const I = "    ";
const II = "        ";

export function javaStatement(s: Statement, ctx: JavaContext): string[] {
  const str = (v: string) => javaString(v, ctx.ascii);
  const expr = (e: Parameters<typeof javaExpr>[0]) => javaExpr(e, ctx.uses, ctx.ascii);
  const t = ctx.table;
  const comment = `${I}// ${s.op} ${str("table" in s ? s.table : s.sink)}`;
  const define = (name: string, call: string) => [comment, `${I}Table ${t(name)} = ${call};`];
  const list = (items: string[]) => `\n${items.map((x) => II + x).join(",\n")}`;
  switch (s.op) {
    case "from":
      return define(s.table, `tEnv.from(${descriptor(s.descriptor, null, str)})`);
    case "filter":
      return define(s.table, `${t(s.input)}.filter(${expr(s.predicate)})`);
    case "select":
      return define(s.table, `${t(s.input)}.select(${list(s.fields.map((f) => `${expr(f.expr)}.as(${str(f.as)})`))})`);
    case "addColumns":
      return define(s.table, `${t(s.input)}.addColumns(${list(s.fields.map((f) => `${expr(f.expr)}.as(${str(f.as)})`))})`);
    case "renameColumns":
      return define(s.table, `${t(s.input)}.renameColumns(${s.renames.map((r) => `$(${str(r.from)}).as(${str(r.to)})`).join(", ")})`);
    case "dropColumns":
      return define(s.table, `${t(s.input)}.dropColumns(${s.columns.map((c) => `$(${str(c)})`).join(", ")})`);
    case "unionAll":
      return define(s.table, `${t(s.input)}.unionAll(${t(s.right)})`);
    case "distinct":
      return define(s.table, `${t(s.input)}.distinct()`);
    case "groupBy": {
      const keys = s.keys.map((k) => `$(${str(k)})`);
      const aggs = aggregates(s.aggregates, str);
      // no keys: one global group, which the Table API writes as a plain select of aggregates
      const grouped = keys.length ? `.groupBy(${keys.join(", ")})` : "";
      return define(s.table, `${t(s.input)}${grouped}.select(${list([...keys, ...aggs])})`);
    }
    case "window": {
      // window TVFs exist only in SQL: the runner registers the input as a temporary view and queries it, quoting
      // every identifier; the query text is the runner's own (codegen/window-sql.ts)
      const view = ctx.nextView();
      const text = windowQueryText(s, view).split("\n");
      const query = text.map((l, i) => `${II}${i ? "+ " : ""}${str(i < text.length - 1 ? `${l}\n` : l)}`).join("\n");
      if (s.udf) ctx.uses.udf = true;
      return [
        `${comment}: a window table-valued function, which Flink offers only in SQL`,
        `${I}tEnv.createTemporaryView(${str(view)}, ${t(s.input)});`,
        ...(s.udf ? javaWindowUdf(s, windowUdfName(view), { str, table: t, input: ctx.types[s.input]!, config: ctx.config, indent: I }) : []),
        `${I}Table ${t(s.table)} = tEnv.sqlQuery(\n${query});`,
      ];
    }
    case "fromValues": {
      const types = s.columns.map((c) => readType(c.type));
      const fields = s.columns.map((c, i) => `DataTypes.FIELD(${str(c.name)}, ${javaType(types[i]!)})`);
      const rowType = `DataTypes.ROW(${list(fields.map((f) => `    ${f}`))})`;
      const cellsOf = (cells: (typeof s.rows)[number], print: (l: Extract<Expr, { kind: "lit" }>) => string) => {
        if (cells.length !== types.length) throw new CodegenError(`fromValues ${JSON.stringify(s.table)}: a row has ${cells.length} cells for ${types.length} columns`);
        return cells.map((v, i) => print({ kind: "lit", value: v, type: s.columns[i]!.type })).join(", ");
      };
      if (!s.watermark && !s.proctime) {
        ctx.uses.row = true;
        const rows = s.rows.map((cells) => `row(${cellsOf(cells, expr)})`);
        return define(s.table, `tEnv.fromValues(${list([rowType, ...rows])})`);
      }
      // as the runner does: one ordered collection source, so the watermark never overtakes rows (fromValues may plan
      // a union of one-row branches in no fixed order), and fromDataStream takes the watermark and processing time
      ctx.uses.rowData = true;
      const rows = s.rows.map((cells) => `Row.of(${cellsOf(cells, (l) => javaValue(l, ctx.uses, ctx.ascii))})`);
      const schema = `Schema.newBuilder()${proctime(s.proctime, str)}${s.watermark ? watermark(s.watermark, str) : ""}.build()`;
      const source = `env.fromData(List.of(${list(rows)}),\n${II}ExternalTypeInfo.<Row>of(${rowType})).setParallelism(1)`;
      return define(s.table, `tEnv.fromDataStream(\n${II}${source},\n${II}${schema})`);
    }
    case "join": case "intervalJoin":
      return define(s.table, javaJoin(s, ctx, str));
    case "deduplicate": case "topN": {
      // SQL only in Flink: a temporary view of the input, then the ROW_NUMBER() query the runner's RankTranslators builds
      const view = `__view_${s.table}`;
      const sql = rankQuery(s, ctx.types[s.input]!, sqlIdent(view)).join(" ");
      const query = `tEnv.sqlQuery(${str(sql)})`;
      if (s.op === "deduplicate" || s.n !== 1) {
        return [comment, `${I}tEnv.createTemporaryView(${str(view)}, ${t(s.input)});`, `${I}Table ${t(s.table)} = ${query};`];
      }
      // a top-1: Flink may send a replacing row as +U alone; jvm-runner's Top1Retractions puts the -U back, as the runner does
      ctx.uses.top1 = true;
      const key = `List.of(${s.partitionBy.map(str).join(", ")})`;
      return [comment, `${I}tEnv.createTemporaryView(${str(view)}, ${t(s.input)});`,
        `${I}Table ${t(s.table)} = Top1Retractions.apply(tEnv, ${query}, ${key}, ${str(s.table)});`];
    }
    case "orderBy": {
      const keys = s.orderBy.map((k) => `$(${str(k.column)}).${k.direction}()`);
      return define(s.table, `${t(s.input)}.orderBy(${keys.join(", ")}).fetch(${s.fetch})`);
    }
    case "udfMap": case "udfFilter": case "udfFlatMap": case "udfAggregate":
      ctx.uses.udf = true;
      ctx.uses.row = true;
      return [comment, ...javaUdf(s, { str, table: t, input: ctx.types[s.input]!, config: ctx.config, indent: I })];
    case "insertInto":
      return [comment, `${I}statementSet.add(${t(s.input)}.insertInto(${descriptor(s.descriptor, t(s.input), str)}));`];
    case "collect":
      // The runner brings the changelog back with collectAsync; a standalone program prints it from inside the same
      // job instead (a client-side iterator can lose the last rows when a local cluster shuts down with the job).
      return [
        `${comment}: StreamCanvas shows the last ${s.maxRows} rows; here every changelog row is printed as ${str(s.sink)}> +I[...]`,
        `${I}tEnv.toChangelogStream(${t(s.input)}).print(${str(s.sink)});`,
      ];
  }
  throw new CodegenError(`unknown statement op ${JSON.stringify((s as { op: unknown }).op)}`);
}

/** TableDescriptor.forConnector(...); a sink without a schema takes its input's, as the runner's Descriptors does. */
function descriptor(d: TableDescriptorIr, derivedFrom: string | null, str: (s: string) => string): string {
  const lines = [`TableDescriptor.forConnector(${str(d.connector)})`];
  if (d.schema) {
    const cols = d.schema.map((c) => `${II}        .column(${str(c.name)}, ${javaType(readType(c.type))})`);
    const wm = d.watermark ? [`${II}        ${watermark(d.watermark, str)}`] : [];
    const pt = d.proctime ? [`${II}        ${proctime(d.proctime, str)}`] : [];
    lines.push(`${II}    .schema(Schema.newBuilder()`, ...cols, ...pt, ...wm, `${II}        .build())`);
  } else if (derivedFrom) {
    lines.push(`${II}    .schema(Schema.newBuilder().fromResolvedSchema(${derivedFrom}.getResolvedSchema()).build())`);
  }
  for (const [k, v] of Object.entries(d.options)) lines.push(`${II}    .option(${str(k)}, ${str(v)})`);
  lines.push(`${II}    .build()`);
  return lines.join("\n");
}

/** Milliseconds as the runner writes them: lit(long).millis(). */
const millis = (ms: number) => `lit(${ms}L).millis()`;

/** .watermark(column, $(column).minus(lit(delay).millis())): bounded out-of-orderness, as the runner's Descriptors. */
function watermark(w: { column: string; delayMs: number }, str: (s: string) => string): string {
  return `.watermark(${str(w.column)}, $(${str(w.column)}).minus(${millis(w.delayMs)}))`;
}

/** .columnByExpression(column, "PROCTIME()"): a processing-time attribute, as the runner's Descriptors declares it. */
function proctime(p: { column: string } | undefined, str: (s: string) => string): string {
  return p ? `.columnByExpression(${str(p.column)}, "PROCTIME()")` : "";
}

function aggregates(list: { fn: AggregateFunction; column: string; as: string }[], str: (s: string) => string): string[] {
  return list.map((a) => `$(${str(a.column)}).${AGGREGATE[a.fn]}.as(${str(a.as)})`);
}

const JOIN_METHOD = { inner: "join", left: "leftOuterJoin", right: "rightOuterJoin", full: "fullOuterJoin" } as const;

/** left.<join>(right.renameColumns(…), keys [and time bounds]) as the runner's JoinTranslators; an interval join's right rowtime cast. */
function javaJoin(s: Extract<Statement, { op: "join" | "intervalJoin" }>, ctx: JavaContext, str: (s: string) => string): string {
  const col = (c: string) => `$(${str(c)})`;
  const renames = s.rightRenames.map((r) => `${col(r.from)}.as(${str(r.to)})`);
  const right = renames.length ? `${ctx.table(s.right)}.renameColumns(${renames.join(", ")})` : ctx.table(s.right);
  const conds = s.keys.map((k) => `${col(k.left)}.isEqual(${col(k.right)})`);
  if (s.op === "intervalJoin") {
    const offset = (ms: number) => (ms === 0 ? col(s.rightTime) : `${col(s.rightTime)}.${ms > 0 ? "plus" : "minus"}(${millis(Math.abs(ms))})`);
    conds.push(`${col(s.leftTime)}.isGreaterOrEqual(${offset(s.lowerMs)})`, `${col(s.leftTime)}.isLessOrEqual(${offset(s.upperMs)})`);
  }
  const predicate = conds[0] + conds.slice(1).map((c) => `\n${II}    .and(${c})`).join("");
  const joined = `${ctx.table(s.input)}.${JOIN_METHOD[s.joinType]}(\n${II}${right},\n${II}${predicate})`;
  if (s.op === "join") return joined;
  // both rowtimes survive an interval join; the right one becomes a plain timestamp, as in the runner
  const fields = ctx.types[s.table]!.map((c) =>
    c.name === s.rightTime ? `${col(c.name)}.cast(${javaType({ root: "TIMESTAMP", precision: 3, nullable: c.type.nullable })}).as(${str(c.name)})` : col(c.name));
  return `${joined}\n${II}.select(${fields.map((f) => `\n${II}    ${f}`).join(",")})`;
}
