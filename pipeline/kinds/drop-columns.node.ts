// drop-columns: removes columns, keeping the others in order (Table.dropColumns).
import { z } from "zod";
import type { GraphError } from "../graph";
import { findColumn } from "./column-ref";
import { defineNodeKind } from "./define";

const DropColumnsConfig = z.object({
  columns: z.array(z.string()).default([]).meta({ title: "Columns to drop", description: "Input columns to remove." }),
});
type DropColumnsConfig = z.infer<typeof DropColumnsConfig>;

export const dropColumnsKind = defineNodeKind<DropColumnsConfig>({
  kind: "drop-columns",
  version: 1,
  title: "Drop columns",
  category: "transform",
  description: "Removes columns; the others keep their order.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: DropColumnsConfig,
  defaults: DropColumnsConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const errors: GraphError[] = [];
    if (config.columns.length === 0) errors.push({ nodeId, field: "columns", message: "choose at least one column to drop" });
    const dropped = new Set<number>();
    config.columns.forEach((name, i) => {
      const ref = findColumn(nodeId, `columns.${i}`, name, input);
      if (!ref.ok) errors.push(ref.error);
      else if (dropped.has(ref.index)) errors.push({ nodeId, field: `columns.${i}`, message: `"${name}" is listed twice` });
      else dropped.add(ref.index);
    });
    if (!errors.length && dropped.size === input.length) {
      errors.push({ nodeId, field: "columns", message: "this would drop every column; keep at least one" });
    }
    return { rowType: errors.length ? undefined : input.filter((_, i) => !dropped.has(i)), errors };
  },
  toIr({ nodeId, config, inputs }) {
    return [{ op: "dropColumns", table: nodeId, input: inputs.in!, columns: [...config.columns] }];
  },
});
