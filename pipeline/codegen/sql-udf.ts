// TS UDF statements → Flink SQL. SQL cannot build a TypeScript UDF from its code, so the script calls a function
// named after the node and says how to register it first (from Java, with jvm-runner's Ts*Function around the code);
// the query around the call is the one jvm-runner's translator plans.
import type { Statement } from "../ir";
import type { RowType } from "../types";
import { sqlCommentText, sqlIdent as id } from "./sql-text";

type UdfStatement = Extract<Statement, { op: "udfMap" | "udfFilter" | "udfFlatMap" | "udfAggregate" }>;

const CLASS: Record<UdfStatement["op"], string> = {
  udfMap: "TsMapFunction", udfFilter: "TsFilterFunction", udfFlatMap: "TsFlatMapFunction", udfAggregate: "TsAggregateFunction",
};

const list = (items: string[]) => items.map((x, i) => `  ${x}${i < items.length - 1 ? "," : ""}`);

export function sqlUdf(s: UdfStatement, input: RowType): string[] {
  const fn = id(s.udf.name);
  const tmp = id(`__udf_${s.table}`);
  const note = [
    `-- ${s.op} ${sqlCommentText(s.table)}: a TypeScript UDF, which SQL cannot build from its code. Register it first as the`,
    `-- function ${sqlCommentText(s.udf.name)}, from Java: tEnv.createTemporarySystemFunction(name, new ${CLASS[s.op]}(…))`,
    `-- around the bundled code (see the Java program), with jvm-runner's classes on the classpath.`,
  ];
  const view = (...query: string[]) => [...note, `CREATE TEMPORARY VIEW ${id(s.table)} AS`, ...query.slice(0, -1), `${query.at(-1)};`];
  const rowArg = `ROW(${s.udf.inputColumns.map((c) => id(c.name)).join(", ")})`;
  const ins = s.udf.inputColumns.map((c) => c.name);
  const outs = s.op === "udfFilter" ? [] : s.udf.outputColumns.map((c) => c.name);
  // map, filter and flatMap return ROW<i…, …> (the input columns, then the outputs), read back by position
  const splice = (read: (o: number) => string, echo: boolean) => [
    ...input.map((c) => {
      const o = outs.indexOf(c.name);
      const i = c.type.root === "TIMESTAMP" || c.type.root === "TIMESTAMP_LTZ" ? -1 : ins.indexOf(c.name);
      return o >= 0 ? `${read(o)} AS ${id(c.name)}` : echo && i >= 0 ? `${tmp}.${id(`i${i}`)} AS ${id(c.name)}` : id(c.name);
    }),
    ...outs.flatMap((n, o) => (input.some((c) => c.name === n) ? [] : [`${read(o)} AS ${id(n)}`])),
  ];
  const fromTmp = (o: number) => `${tmp}.${id(`o${o}`)}`;
  switch (s.op) {
    case "udfMap":
      return view(`SELECT`, ...list(splice(fromTmp, true)), `FROM (SELECT *, ${fn}(${rowArg}) AS ${tmp} FROM ${id(s.input)})`);
    case "udfFilter":
      return view(`SELECT`, ...list(splice(fromTmp, true)), `FROM (SELECT *, ${fn}(${rowArg}) AS ${tmp} FROM ${id(s.input)})`, `WHERE ${tmp}.${id("k")}`);
    case "udfFlatMap": {
      // the function returns ROW<i…, a ARRAY<ROW<outputs>>>: the input columns, and the rows to unnest
      const tmps = outs.map((_, o) => id(`__udf_${s.table}_${o}`));
      return view(`SELECT`, ...list(splice((o) => tmps[o]!, true)),
        `FROM (SELECT *, ${fn}(${rowArg}) AS ${tmp} FROM ${id(s.input)}) AS T`,
        `CROSS JOIN UNNEST(T.${tmp}.${id("a")}) AS U(${tmps.join(", ")})`);
    }
    case "udfAggregate": {
      const keys = s.keys.map(id);
      const call = `${fn}(${s.udf.inputColumns.map((c) => id(c.name)).join(", ")}) AS ${tmp}`;
      const inner = `SELECT ${[...keys, call].join(", ")} FROM ${id(s.input)}${keys.length ? ` GROUP BY ${keys.join(", ")}` : ""}`;
      return view(`SELECT`, ...list([...keys, ...outs.map((n) => `${tmp}.${id(n)} AS ${id(n)}`)]), `FROM (${inner})`);
    }
  }
}
