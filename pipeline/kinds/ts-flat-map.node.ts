// ts-flat-map: a TypeScript table function (IR udfFlatMap): each input row yields the zero or more rows its
// `export default function` returns; their declared columns replace same-named input columns or are appended.
// (jvm-runner: an async scalar call batched like ts-map, returning the rows, then UNNEST.)
import { z } from "zod";
import { defineNodeKind } from "./define";
import { codeField, inputErrors, outputsOf, splice, udfIr } from "./ts-udf";

export const TS_FLAT_MAP_TEMPLATE = `// Runs once per row and returns zero or more rows (an array, or yield them from a function*). Each row's type
// declares this node's output columns: each replaces the input column of the same name or is appended.
export default function explode(row: Input): { part: string }[] {
  return Object.keys(row).map((part) => ({ part }));
}
`;

const TsFlatMapConfig = z.object({
  code: codeField(TS_FLAT_MAP_TEMPLATE, "TypeScript: export default function explode(row: Input): { column: type; … }[] returning the output rows."),
});
type TsFlatMapConfig = z.infer<typeof TsFlatMapConfig>;

/** The runner's temporary names for the output columns while it joins them to their input row. */
const reserved = (nodeId: string, n: number) => [`__udf_${nodeId}`, ...Array.from({ length: n }, (_, i) => `__udf_${nodeId}_${i}`)];

export const tsFlatMapKind = defineNodeKind<TsFlatMapConfig>({
  kind: "ts-flat-map",
  version: 1,
  title: "TS flatMap",
  category: "transform",
  description: "Turns each row into zero or more rows with a TypeScript function.",
  ports: { inputs: ["in"], outputs: ["out"] },
  udf: { kind: "flatMap" },
  config: TsFlatMapConfig,
  defaults: TsFlatMapConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const out = outputsOf(nodeId, config.code, "rows");
    const errors = inputErrors(nodeId, config.code, input, reserved(nodeId, out.columns?.length ?? 0));
    if (errors.length || !out.columns) return { errors: [...errors, ...out.errors] };
    return { rowType: splice(input, out.columns), errors: [] };
  },
  toIr({ nodeId, config, inputs, inputTypes }) {
    const out = outputsOf(nodeId, config.code, "rows");
    if (!out.columns) throw new Error(`ts-flat-map ${nodeId}: ${out.errors[0]?.message}`);
    return [{ op: "udfFlatMap", table: nodeId, input: inputs.in!, udf: udfIr(nodeId, config.code, inputTypes.in!, out.columns) }];
  },
});
