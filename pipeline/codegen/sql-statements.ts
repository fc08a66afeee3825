// One IR statement → Flink SQL: a temporary table (sources, sinks) or view (every transformation) of the same name.
import type { Statement, TableDescriptorIr } from "../ir";
import type { RowType } from "../types";
import { CodegenError, readType } from "./literal";
import { sqlExpr, sqlType } from "./sql-expr";
import { sqlCommentText, sqlIdent, sqlString } from "./sql-text";
import { rankQuery } from "./rank-sql";
import { valuesWithWatermark } from "./sql-values";
import { AGGREGATE_SQL, sqlInterval, windowQuery } from "./window-sql";
import { sqlUdf } from "./sql-udf";

export type SqlContext = {
  /** row type of every table, for sinks without a schema and for column lists (rename, drop) */
  types: Record<string, RowType>;
  /** a sink's table name, distinct from every table and view */
  sinkName: (sink: string) => string;
  /** a table name for a helper table, distinct from every table and view */
  freshName: (base: string) => string;
  /** INSERT INTO lines of the statement set, and the collect queries that end the script */
  inserts: string[];
  selects: string[];
};

const list = (items: string[]) => items.map((x, i) => `  ${x}${i < items.length - 1 ? "," : ""}`);

export function sqlStatement(s: Statement, ctx: SqlContext): string[] {
  const id = sqlIdent;
  const view = (name: string, ...query: string[]) => [`CREATE TEMPORARY VIEW ${id(name)} AS`, ...query.slice(0, -1), `${query.at(-1)};`];
  const input = "input" in s ? ctx.types[s.input]! : [];
  switch (s.op) {
    case "from":
      return table(s.table, s.descriptor, []);
    case "fromValues": {
      if (s.watermark) return valuesWithWatermark(s, ctx.freshName);
      // every cell typed as its column, so the VALUES rows have the declared types (nullability may come out stricter)
      const rows = s.rows.map((cells, r) => {
        if (cells.length !== s.columns.length) throw new CodegenError(`fromValues ${JSON.stringify(s.table)}: row ${r + 1} has ${cells.length} cells`);
        return `(${cells.map((v, i) => sqlExpr({ kind: "lit", value: v, type: s.columns[i]!.type })).join(", ")})`;
      });
      const names = s.columns.map((c) => id(c.name)).join(", ");
      // PROCTIME() in a view's select list is a processing-time attribute, as fromDataStream's computed column is
      const star = s.proctime ? `*, PROCTIME() AS ${id(s.proctime.column)}` : "*";
      return view(s.table, `SELECT ${star} FROM (VALUES`, ...list(rows), `) AS ${id("values")} (${names})`);
    }
    case "filter":
      return view(s.table, `SELECT *`, `FROM ${id(s.input)}`, `WHERE ${sqlExpr(s.predicate)}`);
    case "select":
      return view(s.table, `SELECT`, ...list(s.fields.map((f) => `${sqlExpr(f.expr)} AS ${id(f.as)}`)), `FROM ${id(s.input)}`);
    case "addColumns":
      return view(s.table, `SELECT`, ...list(["*", ...s.fields.map((f) => `${sqlExpr(f.expr)} AS ${id(f.as)}`)]), `FROM ${id(s.input)}`);
    case "renameColumns": {
      const to = (name: string) => s.renames.find((r) => r.from === name)?.to;
      const cols = input.map((c) => (to(c.name) === undefined ? id(c.name) : `${id(c.name)} AS ${id(to(c.name)!)}`));
      return view(s.table, `SELECT`, ...list(cols), `FROM ${id(s.input)}`);
    }
    case "dropColumns": {
      const cols = input.filter((c) => !s.columns.includes(c.name)).map((c) => id(c.name));
      if (cols.length === 0) throw new CodegenError(`dropColumns ${JSON.stringify(s.table)} drops every column`);
      return view(s.table, `SELECT`, ...list(cols), `FROM ${id(s.input)}`);
    }
    case "unionAll":
      return view(s.table, `SELECT * FROM ${id(s.input)}`, `UNION ALL`, `SELECT * FROM ${id(s.right)}`);
    case "distinct":
      return view(s.table, `SELECT DISTINCT *`, `FROM ${id(s.input)}`);
    case "groupBy": {
      const keys = s.keys.map(id);
      const aggs = s.aggregates.map((a) => `${AGGREGATE_SQL[a.fn](id(a.column))} AS ${id(a.as)}`);
      const groupBy = keys.length ? [`FROM ${id(s.input)}`, `GROUP BY ${keys.join(", ")}`] : [`FROM ${id(s.input)}`];
      return view(s.table, `SELECT`, ...list([...keys, ...aggs]), ...groupBy);
    }
    case "window": {
      // the window table-valued function over the input view, as the runner writes it over a temporary view
      const q = windowQuery(s, s.input, s.udf?.name);
      if (!q.outer) return view(s.table, `SELECT`, ...list(q.select), `FROM ${q.from}`, `GROUP BY ${q.groupBy.join(", ")}`);
      return [
        `-- window ${sqlCommentText(s.table)}: its TypeScript aggregate, which SQL cannot build from its code, must first be`,
        `-- registered as the function ${sqlCommentText(s.udf!.name)}, from Java (see the Java program).`,
        ...view(s.table, `SELECT`, ...list(q.outer), `FROM (`, `  SELECT ${q.select.join(", ")}`, `  FROM ${q.from}`,
          `  GROUP BY ${q.groupBy.join(", ")}`, `)`),
      ];
    }
    case "join": case "intervalJoin":
      return view(s.table, ...joinSql(s, input, ctx.types[s.right]!));
    case "deduplicate": case "topN":
      if (s.op === "topN" && s.n === 1 && s.orderBy.direction === "asc") {
        // Flink 2.3 plans this as insert-only yet sends a replacing row as +U alone, so SQL's result cannot be replayed;
        // jvm-runner puts the missing -U back with a DataStream step (Top1Retractions) that SQL has no form for
        throw new CodegenError(`topN ${JSON.stringify(s.table)}: Flink SQL's top-1 in ascending order leaves out the retraction of a replaced row (jvm-runner adds it outside SQL)`);
      }
      return view(s.table, ...rankQuery(s, input, id(s.input)));
    case "orderBy": {
      const keys = s.orderBy.map((k) => `${id(k.column)} ${k.direction === "asc" ? "ASC" : "DESC"}`);
      return view(s.table, `SELECT *`, `FROM ${id(s.input)}`, `ORDER BY ${keys.join(", ")}`, `LIMIT ${s.fetch}`);
    }
    case "udfMap": case "udfFilter": case "udfFlatMap": case "udfAggregate":
      return sqlUdf(s, input);
    case "insertInto": {
      const name = ctx.sinkName(s.sink);
      ctx.inserts.push(`  INSERT INTO ${id(name)} SELECT * FROM ${id(s.input)};`);
      // a sink without a schema takes its input's columns, as the runner's fromResolvedSchema does
      return table(name, s.descriptor, input);
    }
    case "collect":
      // last, since the SQL client waits for a query's results before it reads the next statement
      ctx.selects.push(
        "",
        `-- collect ${sqlCommentText(s.sink)}: StreamCanvas keeps the last ${s.maxRows} rows; the SQL client shows this`,
        `-- query's rows, as a job of its own (StreamCanvas runs every sink in one job)`,
        `SELECT * FROM ${id(s.input)};`,
      );
      return [];
  }
  throw new CodegenError(`unknown statement op ${JSON.stringify((s as { op: unknown }).op)}`);
}

function table(name: string, d: TableDescriptorIr, derived: RowType): string[] {
  const cols = d.schema ? d.schema.map((c) => ({ name: c.name, type: readType(c.type) })) : derived;
  if (cols.length === 0) throw new CodegenError(`a ${d.connector} table needs at least one column`);
  const options = Object.entries({ connector: d.connector, ...d.options }).map(([k, v]) => `${sqlString(k)} = ${sqlString(v)}`);
  const wm = d.watermark
    ? [`WATERMARK FOR ${sqlIdent(d.watermark.column)} AS ${sqlIdent(d.watermark.column)} - ${sqlInterval(d.watermark.delayMs)}`]
    : [];
  const proctime = d.proctime ? [`${sqlIdent(d.proctime.column)} AS PROCTIME()`] : [];
  return [
    `CREATE TEMPORARY TABLE ${sqlIdent(name)} (`,
    ...list([...cols.map((c) => `${sqlIdent(c.name)} ${sqlType(c.type)}`), ...proctime, ...wm]),
    `) WITH (`,
    ...list(options),
    `);`,
  ];
}

const JOIN_SQL = { inner: "JOIN", left: "LEFT JOIN", right: "RIGHT JOIN", full: "FULL JOIN" } as const;

/** A join as SQL: left columns, then right ones under their new names, sides aliased L and R (a self-join stays valid). */
function joinSql(s: Extract<Statement, { op: "join" | "intervalJoin" }>, left: RowType, right: RowType): string[] {
  const L = sqlIdent("L");
  const R = sqlIdent("R");
  const original = (name: string) => s.rightRenames.find((r) => r.to === name)?.from ?? name;
  const renamed = (name: string) => s.rightRenames.find((r) => r.from === name)?.to ?? name;
  const rightTime = s.op === "intervalJoin" ? original(s.rightTime) : undefined;
  const cols = [
    ...left.map((c) => `${L}.${sqlIdent(c.name)}`),
    ...right.map((c) => {
      const ref = `${R}.${sqlIdent(c.name)}`;
      // as the runner: the right rowtime becomes a plain timestamp, so the result has one time attribute
      if (c.name === rightTime) return `CAST(${ref} AS ${sqlType(c.type)}) AS ${sqlIdent(renamed(c.name))}`;
      return renamed(c.name) === c.name ? ref : `${ref} AS ${sqlIdent(renamed(c.name))}`;
    }),
  ];
  const on = s.keys.map((k) => `${L}.${sqlIdent(k.left)} = ${R}.${sqlIdent(original(k.right))}`);
  if (s.op === "intervalJoin") {
    const lt = `${L}.${sqlIdent(s.leftTime)}`;
    const rt = `${R}.${sqlIdent(original(s.rightTime))}`;
    const offset = (ms: number) => (ms === 0 ? rt : `${rt} ${ms > 0 ? "+" : "-"} ${sqlInterval(Math.abs(ms))}`);
    on.push(`${lt} >= ${offset(s.lowerMs)}`, `${lt} <= ${offset(s.upperMs)}`);
  }
  return [`SELECT`, ...list(cols), `FROM ${sqlIdent(s.input)} AS ${L}`, `${JOIN_SQL[s.joinType]} ${sqlIdent(s.right)} AS ${R}`, `  ON ${on.join(" AND ")}`];
}
