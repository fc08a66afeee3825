// rename-columns: gives input columns new names in place (Table.renameColumns with $(from).as(to)).
import { z } from "zod";
import type { GraphError } from "../graph";
import { findColumn } from "./column-ref";
import { defineNodeKind } from "./define";

const Rename = z.object({
  from: z.string().default("").meta({ title: "Column", description: "An input column." }),
  to: z.string().default("").meta({ title: "New name", description: "Its new name; any text, spaces and quotes included." }),
});
const RenameColumnsConfig = z.object({
  renames: z.array(Rename).default([]).meta({ title: "Renames", description: "Columns to rename; the others keep their names." }),
});
type RenameColumnsConfig = z.infer<typeof RenameColumnsConfig>;

export const renameColumnsKind = defineNodeKind<RenameColumnsConfig>({
  kind: "rename-columns",
  version: 1,
  title: "Rename columns",
  category: "transform",
  description: "Renames columns, keeping their order and values.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: RenameColumnsConfig,
  defaults: RenameColumnsConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const errors: GraphError[] = [];
    if (config.renames.length === 0) errors.push({ nodeId, field: "renames", message: "rename at least one column" });
    const names = input.map((c) => c.name);
    const renamed = new Set<number>();
    config.renames.forEach((r, i) => {
      const ref = findColumn(nodeId, `renames.${i}.from`, r.from, input);
      if (!ref.ok) { errors.push(ref.error); return; }
      if (renamed.has(ref.index)) { errors.push({ nodeId, field: `renames.${i}.from`, message: `"${r.from}" is renamed twice` }); return; }
      if (r.to.trim() === "") { errors.push({ nodeId, field: `renames.${i}.to`, message: "give the new name" }); return; }
      renamed.add(ref.index);
      names[ref.index] = r.to;
    });
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) {
        const r = config.renames.findIndex((x) => x.to === n);
        errors.push({ nodeId, field: r >= 0 ? `renames.${r}.to` : "renames", message: `two columns would be named "${n}"` });
      }
    });
    return { rowType: errors.length ? undefined : input.map((c, i) => ({ ...c, name: names[i]! })), errors };
  },
  toIr({ nodeId, config, inputs }) {
    return [{ op: "renameColumns", table: nodeId, input: inputs.in!, renames: config.renames.map((r) => ({ from: r.from, to: r.to })) }];
  },
});
