// ts-filter: a TypeScript filter UDF (IR udfFilter): keeps the rows for which `export default function (row): boolean`
// returns true; the row type passes through unchanged.
import { z } from "zod";
import { defineNodeKind } from "./define";
import { codeField, inputErrors, outputsOf, udfIr } from "./ts-udf";

export const TS_FILTER_TEMPLATE = `// Runs once per row: return true to keep the row, false to drop it. \`Input\` is the row arriving here.
// BIGINT arrives as bigint, DECIMAL as string, nullable columns may be null.
export default function keep(row: Input): boolean {
  return Object.values(row).every((v) => v !== null);
}
`;

const TsFilterConfig = z.object({
  code: codeField(TS_FILTER_TEMPLATE, "TypeScript: export default function keep(row: Input): boolean, true to keep the row."),
});
type TsFilterConfig = z.infer<typeof TsFilterConfig>;

export const tsFilterKind = defineNodeKind<TsFilterConfig>({
  kind: "ts-filter",
  version: 1,
  title: "TS filter",
  category: "transform",
  description: "Keeps the rows for which a TypeScript function returns true.",
  ports: { inputs: ["in"], outputs: ["out"] },
  udf: { kind: "filter" },
  config: TsFilterConfig,
  defaults: TsFilterConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    const input = inputs.in!;
    const errors = inputErrors(nodeId, config.code, input, [`__udf_${nodeId}`]);
    if (errors.length) return { errors };
    const out = outputsOf(nodeId, config.code, "boolean");
    return out.errors.length ? { errors: out.errors } : { rowType: input, errors: [] };
  },
  toIr({ nodeId, config, inputs, inputTypes }) {
    const { outputColumns: _none, ...udf } = udfIr(nodeId, config.code, inputTypes.in!, []);
    return [{ op: "udfFilter", table: nodeId, input: inputs.in!, udf }];
  },
});
