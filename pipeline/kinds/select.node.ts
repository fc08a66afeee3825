// select: keeps, reorders, renames and computes columns (Table.select with expr.as(name)).
import { z } from "zod";
import type { GraphError } from "../graph";
import type { RowType } from "../types";
import { analyzeField, mustAnalyze } from "./expr-field";
import { defineNodeKind } from "./define";

const SelectColumn = z.object({
  name: z.string().default("").meta({
    title: "Name",
    description: "Output column name; may be left empty when the expression is just a column, which keeps its name.",
  }),
  expr: z.string().default("").meta({
    title: "Expression",
    description: "A column to keep (e.g. sensor) or a computed value (e.g. temperature * 1.8 + 32, UPPER(city)).",
  }),
});
const SelectConfig = z.object({
  columns: z.array(SelectColumn).default([]).meta({ title: "Columns", description: "Output columns, in order." }),
});
type SelectConfig = z.infer<typeof SelectConfig>;

/** The output name: as given, or the referenced column's name when the expression is a bare column. */
function outputName(c: { name: string; expr: string }, exprIsColumn: string | undefined): string | undefined {
  if (c.name.trim() !== "") return c.name;
  return exprIsColumn;
}

export const selectKind = defineNodeKind<SelectConfig>({
  kind: "select",
  version: 1,
  title: "Select",
  category: "transform",
  description: "Keeps, reorders and computes columns.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: SelectConfig,
  defaults: SelectConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const errors: GraphError[] = [];
    if (config.columns.length === 0) errors.push({ nodeId, field: "columns", message: "select at least one column" });
    const out: RowType = [];
    const seen = new Map<string, number>();
    config.columns.forEach((c, i) => {
      const r = analyzeField(nodeId, `columns.${i}.expr`, c.expr, input);
      if (!r.ok) { errors.push(...r.errors); return; }
      const name = outputName(c, r.expr.kind === "col" ? r.expr.name : undefined);
      if (name === undefined) {
        errors.push({ nodeId, field: `columns.${i}.name`, message: "name this computed column" });
        return;
      }
      const prev = seen.get(name);
      if (prev !== undefined) {
        errors.push({ nodeId, field: `columns.${i}.name`, message: `duplicate output column "${name}" (also column ${prev + 1})` });
        return;
      }
      seen.set(name, i);
      // a bare column keeps its time attribute, as Flink keeps a projected rowtime; a computed value is a plain column
      const time = r.expr.kind === "col" ? input.find((col) => col.name === (r.expr as { name: string }).name)?.timeAttribute : undefined;
      out.push({ name, type: r.type, ...(time ? { timeAttribute: time } : {}) });
    });
    return { rowType: errors.length ? undefined : out, errors };
  },
  toIr({ nodeId, config, inputs, inputTypes }) {
    const fields = config.columns.map((c) => {
      const expr = mustAnalyze(c.expr, inputTypes.in!);
      return { expr, as: outputName(c, expr.kind === "col" ? expr.name : undefined)! };
    });
    return [{ op: "select", table: nodeId, input: inputs.in!, fields }];
  },
});
