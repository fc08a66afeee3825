// top-n: the N first rows per group in a column's order; Flink plans it from SQL's ROW_NUMBER() <= N only, so the runner
// builds that SQL (IR `topN`). The result updates: a row that enters the top N pushes another one out.
import { z } from "zod";
import type { GraphError } from "../graph";
import { findColumn } from "./column-ref";
import { defineNodeKind, updating } from "./define";
import { checkColumns, Direction, plainColumns } from "./rank-columns";

const TopNConfig = z.object({
  n: z.number().int().min(1).max(10_000).default(3).meta({
    title: "N",
    description: "How many rows to keep per group.",
  }),
  partitionBy: z.array(z.string()).default([]).meta({ title: "Group by", description: "Columns of a group; none = the top N of all rows." }),
  orderBy: z.string().default("").meta({ title: "Order column", description: "The column ranked on." }),
  direction: Direction,
  rankColumn: z.string().default("").meta({
    title: "Rank column", description: "Name of an output column holding the rank 1…N; empty = no rank column.",
  }),
});
type TopNConfig = z.infer<typeof TopNConfig>;

export const topNKind = defineNodeKind<TopNConfig>({
  kind: "top-n",
  version: 1,
  title: "Top-N",
  category: "transform",
  description: "The first N rows per group by a column; the result updates as rows arrive.",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: TopNConfig,
  defaults: TopNConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const errors: GraphError[] = checkColumns(nodeId, "partitionBy", config.partitionBy, input);
    if (config.orderBy === "") errors.push({ nodeId, field: "orderBy", message: "choose the column to rank on" });
    else {
      const ref = findColumn(nodeId, "orderBy", config.orderBy, input);
      if (!ref.ok) errors.push(ref.error);
    }
    if (config.rankColumn !== "" && input.some((c) => c.name === config.rankColumn)) {
      errors.push({ nodeId, field: "rankColumn", message: `the input already has a column "${config.rankColumn}"` });
    }
    const rank = config.rankColumn === "" ? [] : [{ name: config.rankColumn, type: { root: "BIGINT" as const, nullable: false } }];
    const changelog = updating(nodeId, "a top-N replaces rows as the ranking changes");
    return { rowType: errors.length ? undefined : [...plainColumns(input), ...rank], errors, changelog };
  },
  toIr({ nodeId, config, inputs }) {
    const rank = config.rankColumn === "" ? {} : { rankColumn: config.rankColumn };
    return [{
      op: "topN", table: nodeId, input: inputs.in!, partitionBy: [...config.partitionBy],
      orderBy: { column: config.orderBy, direction: config.direction }, n: config.n, ...rank,
    }];
  },
});
