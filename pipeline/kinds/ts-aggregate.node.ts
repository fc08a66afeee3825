// ts-aggregate: a TypeScript aggregate per group (IR udfAggregate): create / add / merge accumulators and a default-
// exported result function whose declared return type gives the output columns, after the group keys.
import { z } from "zod";
import type { GraphError } from "../graph";
import type { Column, RowType } from "../types";
import { findColumn } from "./column-ref";
import { defineNodeKind, updating } from "./define";
import { aggregateExportProblems, type MergingWindow } from "../udf/aggregate-exports";
import { codeError, codeField, inputErrors, outputsOf, udfIr } from "./ts-udf";

export const TS_AGGREGATE_TEMPLATE = `// Aggregates the rows of each group: create() starts an accumulator, add() folds a row into it, merge() combines two
// (hop, session and cumulate windows need it), and the default export turns it into this node's output columns.
// Accumulators are kept in Flink state as JSON (bigint and Date survive), so keep them plain data.
type Acc = { rows: number };
export function create(): Acc { return { rows: 0 }; }
export function add(acc: Acc, row: Input): Acc { return { rows: acc.rows + 1 }; }
export function merge(a: Acc, b: Acc): Acc { return { rows: a.rows + b.rows }; }
export default function result(acc: Acc): { rows: number } {
  return { rows: acc.rows };
}
`;

const TsAggregateConfig = z.object({
  keys: z.array(z.string()).default([]).meta({ title: "Group by", description: "Key columns; no keys = one group over all rows." }),
  code: codeField(TS_AGGREGATE_TEMPLATE, "TypeScript: export create(), add(acc, row), merge(a, b) and default result(acc): { column: type; … }."),
});
type TsAggregateConfig = z.infer<typeof TsAggregateConfig>;

/**
 * The output columns of a TS aggregate over `input` after the columns `before` (keys, window bounds), with errors on
 * its code field (missing accumulator functions too: merge where the `merging` window needs it). Window kinds reuse it.
 */
export function tsAggregateColumns(nodeId: string, code: string, input: RowType, before: RowType, merging?: MergingWindow): { columns?: Column[]; errors: GraphError[] } {
  const errors = inputErrors(nodeId, code, input, [`__udf_${nodeId}`]);
  const out = outputsOf(nodeId, code, "object");
  errors.push(...aggregateExportProblems(code, merging).map((p) => codeError(nodeId, code, p.span, p.message)));
  if (errors.length || !out.columns) return { errors: [...errors, ...out.errors] };
  const clash = out.columns.find((c) => before.some((b) => b.name === c.name));
  if (clash) return { errors: [{ nodeId, field: "code", message: `output column "${clash.name}" is also a group key; rename it` }] };
  return { columns: out.columns, errors: [] };
}

export const tsAggregateKind = defineNodeKind<TsAggregateConfig>({
  kind: "ts-aggregate",
  version: 1,
  title: "TS aggregate",
  category: "transform",
  description: "One row per group, computed by a TypeScript accumulator; results update as rows arrive.",
  ports: { inputs: ["in"], outputs: ["out"] },
  udf: { kind: "aggregate" },
  config: TsAggregateConfig,
  defaults: TsAggregateConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const errors: GraphError[] = [];
    const keys: RowType = [];
    config.keys.forEach((k, i) => {
      const ref = findColumn(nodeId, `keys.${i}`, k, input);
      if (!ref.ok) errors.push(ref.error);
      else if (keys.some((c) => c.name === k)) errors.push({ nodeId, field: `keys.${i}`, message: `"${k}" is a key twice` });
      else keys.push({ name: k, type: ref.column.type });
    });
    const out = tsAggregateColumns(nodeId, config.code, input, keys);
    errors.push(...out.errors);
    const changelog = updating(nodeId, "a group aggregate replaces its group's row as rows arrive", config.keys);
    return errors.length || !out.columns ? { errors, changelog } : { rowType: [...keys, ...out.columns], errors: [], changelog };
  },
  toIr({ nodeId, config, inputs, inputTypes }) {
    const out = outputsOf(nodeId, config.code, "object");
    if (!out.columns) throw new Error(`ts-aggregate ${nodeId}: ${out.errors[0]?.message}`);
    const udf = udfIr(nodeId, config.code, inputTypes.in!, out.columns);
    return [{ op: "udfAggregate", table: nodeId, input: inputs.in!, keys: [...config.keys], udf }];
  },
});
