// union: all rows of two inputs with compatible columns, duplicates kept (Table.unionAll); names come from "left".
import { z } from "zod";
import { unionRowType } from "../ir/union-type";
import { defineNodeKind } from "./define";

const UnionConfig = z.object({}).meta({ description: "Rows of both inputs; the columns take the left input's names." });
type UnionConfig = z.infer<typeof UnionConfig>;

export const unionKind = defineNodeKind<UnionConfig>({
  kind: "union",
  version: 1,
  title: "Union",
  category: "transform",
  description: "All rows of both inputs (UNION ALL); column types must be compatible position by position.",
  ports: { inputs: ["left", "right"], outputs: ["out"] },
  config: UnionConfig,
  defaults: {},
  inferRowType: ({ nodeId, inputs }) => unionRowType(nodeId, inputs.left!, inputs.right!),
  toIr: ({ nodeId, inputs }) => [{ op: "unionAll", table: nodeId, input: inputs.left!, right: inputs.right! }],
});
