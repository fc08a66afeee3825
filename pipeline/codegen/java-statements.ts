// One IR statement → the Java Table API call jvm-runner's translator of the same name makes.
import type { AggregateFunction, Statement, TableDescriptorIr } from "../ir";
import { javaExpr, type JavaUses } from "./java-expr";
import { javaString, javaType } from "./java-text";
import { CodegenError, readType } from "./literal";

export type JavaContext = {
  uses: JavaUses;
  ascii: boolean;
  /** the Java local holding an IR table, or a collect sink's iterator */
  table: (name: string) => string;
  sinkVar: (sink: string) => string;
  /** lines that start each collect sink's drain thread, filled in statement order */
  collects: string[];
};

/** Table API methods of the IR's aggregate functions; count_distinct is COUNT(DISTINCT c). */
const AGGREGATE: Record<AggregateFunction, string> = {
  count: "count()", count_distinct: "count().distinct()", sum: "sum()", avg: "avg()", min: "min()", max: "max()",
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
      const aggs = s.aggregates.map((a) => `$(${str(a.column)}).${AGGREGATE[a.fn]}.as(${str(a.as)})`);
      // no keys: one global group, which the Table API writes as a plain select of aggregates
      const grouped = keys.length ? `.groupBy(${keys.join(", ")})` : "";
      return define(s.table, `${t(s.input)}${grouped}.select(${list([...keys, ...aggs])})`);
    }
    case "fromValues": {
      ctx.uses.row = true;
      const types = s.columns.map((c) => readType(c.type));
      const fields = s.columns.map((c, i) => `DataTypes.FIELD(${str(c.name)}, ${javaType(types[i]!)})`);
      const rows = s.rows.map((cells) => {
        if (cells.length !== types.length) throw new CodegenError(`fromValues ${JSON.stringify(s.table)}: a row has ${cells.length} cells for ${types.length} columns`);
        return `row(${cells.map((v, i) => expr({ kind: "lit", value: v, type: s.columns[i]!.type })).join(", ")})`;
      });
      return define(s.table, `tEnv.fromValues(${list([`DataTypes.ROW(${list(fields.map((f) => `    ${f}`))})`, ...rows])})`);
    }
    case "insertInto":
      return [comment, `${I}statementSet.add(${t(s.input)}.insertInto(${descriptor(s.descriptor, t(s.input), str)}));`];
    case "collect": {
      const v = ctx.sinkVar(s.sink);
      ctx.collects.push(`${I}drains.add(drain(${str(s.sink)}, ${v}));`);
      return [
        `${comment}: StreamCanvas keeps the last ${s.maxRows} rows; this program prints every changelog row`,
        `${I}CloseableIterator<Row> ${v} = tEnv.toChangelogStream(${t(s.input)}).collectAsync();`,
      ];
    }
  }
  throw new CodegenError(`unknown statement op ${JSON.stringify((s as { op: unknown }).op)}`);
}

/** TableDescriptor.forConnector(...); a sink without a schema takes its input's, as the runner's Descriptors does. */
function descriptor(d: TableDescriptorIr, derivedFrom: string | null, str: (s: string) => string): string {
  const lines = [`TableDescriptor.forConnector(${str(d.connector)})`];
  if (d.schema) {
    const cols = d.schema.map((c) => `${II}        .column(${str(c.name)}, ${javaType(readType(c.type))})`);
    lines.push(`${II}    .schema(Schema.newBuilder()`, ...cols, `${II}        .build())`);
  } else if (derivedFrom) {
    lines.push(`${II}    .schema(Schema.newBuilder().fromResolvedSchema(${derivedFrom}.getResolvedSchema()).build())`);
  }
  for (const [k, v] of Object.entries(d.options)) lines.push(`${II}    .option(${str(k)}, ${str(v)})`);
  lines.push(`${II}    .build()`);
  return lines.join("\n");
}
