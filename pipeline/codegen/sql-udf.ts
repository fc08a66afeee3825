// TS UDF statements → Flink SQL. SQL cannot build a TypeScript UDF from its code, so the script calls a function
// named after the node and says how to register it first (from Java, with jvm-runner's Ts*Function around the code);
// the query around the call is the one jvm-runner's translator plans.
import type { RowType } from "../types";
import { sqlCommentText, sqlIdent as id } from "./sql-text";

import type { UdfStatement } from "./java-udf";

/**
 * What each TS UDF op's SQL print starts from: the function and temporary column names, the ROW argument, the output
 * names, the view with its note on registering `className`, and the splice of outputs into the input's columns.
 */
export function udfSql(s: UdfStatement, input: RowType, className: string) {
  const fn = id(s.udf.name);
  const tmp = id(`__udf_${s.table}`);
  const note = [
    `-- ${s.op} ${sqlCommentText(s.table)}: a TypeScript UDF, which SQL cannot build from its code. Register it first as the`,
    `-- function ${sqlCommentText(s.udf.name)}, from Java: tEnv.createTemporarySystemFunction(name, new ${className}(…))`,
    `-- around the bundled code (see the Java program), with jvm-runner's classes on the classpath.`,
  ];
  const ins = s.udf.inputColumns.map((c) => c.name);
  const outs = "outputColumns" in s.udf ? s.udf.outputColumns.map((c) => c.name) : [];
  return {
    fn, tmp, outs,
    rowArg: `ROW(${s.udf.inputColumns.map((c) => id(c.name)).join(", ")})`,
    view: (...query: string[]) => [...note, `CREATE TEMPORARY VIEW ${id(s.table)} AS`, ...query.slice(0, -1), `${query.at(-1)};`],
    // map, filter and flatMap return ROW<i…, …> (the input columns, then the outputs), read back by position
    splice: (read: (o: number) => string, echo: boolean) => [
      ...input.map((c) => {
        const o = outs.indexOf(c.name);
        const i = c.type.root === "TIMESTAMP" || c.type.root === "TIMESTAMP_LTZ" ? -1 : ins.indexOf(c.name);
        return o >= 0 ? `${read(o)} AS ${id(c.name)}` : echo && i >= 0 ? `${tmp}.${id(`i${i}`)} AS ${id(c.name)}` : id(c.name);
      }),
      ...outs.flatMap((n, o) => (input.some((c) => c.name === n) ? [] : [`${read(o)} AS ${id(n)}`])),
    ],
    fromTmp: (o: number) => `${tmp}.${id(`o${o}`)}`,
  };
}
