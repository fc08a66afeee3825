// filter: keeps the rows for which a BOOLEAN predicate is TRUE (Table.filter).
import { z } from "zod";
import { typeName } from "../expr/compat";
import { analyzeField, mustAnalyze } from "./expr-field";
import { defineNodeKind } from "./define";

const FilterConfig = z.object({
  predicate: z.string().default("TRUE").meta({
    title: "Predicate",
    description: "Rows pass when this is TRUE, e.g. temperature > 30 AND sensor IS NOT NULL. Quote column names with spaces as `my col`.",
  }),
});
type FilterConfig = z.infer<typeof FilterConfig>;

export const filterKind = defineNodeKind<FilterConfig>({
  kind: "filter",
  version: 1,
  title: "Filter",
  category: "transform",
  description: "Keeps the rows for which the predicate is TRUE.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: FilterConfig,
  defaults: FilterConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const r = analyzeField(nodeId, "predicate", config.predicate, input);
    if (!r.ok) return { rowType: input, errors: r.errors };
    if (r.type.root !== "BOOLEAN") {
      const span = { start: 0, end: config.predicate.length };
      return { rowType: input, errors: [{ nodeId, field: "predicate", span, message: `predicate must be BOOLEAN, got ${typeName(r.type)}` }] };
    }
    return { rowType: input, errors: [] };
  },
  toIr({ nodeId, config, inputs, inputTypes }) {
    return [{ op: "filter", table: nodeId, input: inputs.in!, predicate: mustAnalyze(config.predicate, inputTypes.in!) }];
  },
});
