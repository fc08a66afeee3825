// order-by: sorts a bounded input and keeps its first rows (Table.orderBy(...).fetch(n)). Offered on bounded inputs
// only: on a stream that never ends, "the first N in order" is never final.
import { z } from "zod";
import type { GraphError } from "../graph";
import { findColumn } from "./column-ref";
import { defineNodeKind, updating } from "./define";
import { Direction, plainColumns } from "./rank-columns";

const OrderByConfig = z.object({
  keys: z.array(z.object({
    column: z.string().default("").meta({ title: "Column", description: "A column to sort on." }),
    direction: Direction,
  })).default([]).meta({ title: "Order by", description: "Sort columns, most significant first." }),
  limit: z.number().int().min(1).max(10_000).default(10).meta({ title: "Limit", description: "How many rows to keep (LIMIT / fetch)." }),
});
type OrderByConfig = z.infer<typeof OrderByConfig>;

export const orderByKind = defineNodeKind<OrderByConfig>({
  kind: "order-by",
  version: 1,
  title: "Order by + limit",
  category: "transform",
  description: "Sorts a bounded input and keeps the first rows; needs an input that ends (e.g. values, or datagen with number-of-rows).",
  ports: { inputs: ["in"], outputs: ["out"] },
  config: OrderByConfig,
  defaults: OrderByConfig.parse({}),
  inferRowType({ nodeId, config, inputs, unboundedInputs }) {
    const input = inputs.in!;
    const errors: GraphError[] = [];
    const why = unboundedInputs?.in;
    if (why !== undefined) errors.push({ nodeId, message: `order by needs a bounded input: ${why}` });
    if (config.keys.length === 0) errors.push({ nodeId, field: "keys", message: "add at least one column to sort on" });
    config.keys.forEach((k, i) => {
      const ref = findColumn(nodeId, `keys.${i}.column`, k.column, input);
      if (!ref.ok) errors.push(ref.error);
    });
    const changelog = updating(nodeId, "a streaming order by + limit replaces rows as the order changes");
    return { rowType: errors.length ? undefined : plainColumns(input), errors, changelog };
  },
  toIr({ nodeId, config, inputs }) {
    const orderBy = config.keys.map((k) => ({ column: k.column, direction: k.direction }));
    return [{ op: "orderBy", table: nodeId, input: inputs.in!, orderBy, fetch: config.limit }];
  },
});
