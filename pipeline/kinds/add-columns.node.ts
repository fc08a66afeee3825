// add-columns: appends computed columns to every row (Table.addColumns with expr.as(name)).
import { z } from "zod";
import type { GraphError } from "../graph";
import type { RowType } from "../types";
import { defineNodeKind } from "./define";
import { analyzeField, mustAnalyze } from "./expr-field";

const NewColumn = z.object({
  name: z.string().default("").meta({ title: "Name", description: "Name of the new column; must differ from the input's columns." }),
  expr: z.string().default("").meta({ title: "Expression", description: "Its value, computed from the input row, e.g. price * quantity." }),
});
const AddColumnsConfig = z.object({
  columns: z.array(NewColumn).default([]).meta({ title: "New columns", description: "Columns appended after the input's, in order." }),
});
type AddColumnsConfig = z.infer<typeof AddColumnsConfig>;

export const addColumnsKind = defineNodeKind<AddColumnsConfig>({
  kind: "add-columns",
  version: 1,
  title: "Add columns",
  category: "transform",
  description: "Appends computed columns, keeping all input columns.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: AddColumnsConfig,
  defaults: AddColumnsConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const errors: GraphError[] = [];
    if (config.columns.length === 0) errors.push({ nodeId, field: "columns", message: "add at least one column" });
    const out: RowType = [...input];
    config.columns.forEach((c, i) => {
      const field = `columns.${i}.name`;
      if (c.name.trim() === "") errors.push({ nodeId, field, message: "name the new column" });
      else if (input.some((col) => col.name === c.name)) errors.push({ nodeId, field, message: `the input already has a column "${c.name}"` });
      else if (out.some((col) => col.name === c.name)) errors.push({ nodeId, field, message: `duplicate new column "${c.name}"` });
      const r = analyzeField(nodeId, `columns.${i}.expr`, c.expr, input);
      if (!r.ok) errors.push(...r.errors);
      else out.push({ name: c.name, type: r.type });
    });
    return { rowType: errors.length ? undefined : out, errors };
  },
  toIr({ nodeId, config, inputs, inputTypes }) {
    const fields = config.columns.map((c) => ({ expr: mustAnalyze(c.expr, inputTypes.in!), as: c.name }));
    return [{ op: "addColumns", table: nodeId, input: inputs.in!, fields }];
  },
});
