// ts-map: a TypeScript map UDF (IR udfMap). The declared return type of its default-exported function gives the
// output columns, which replace same-named input columns in place; the others are appended.
// Split with the server: compile() puts the TypeScript source into udfMap.code; the server (server/udf) type-checks it
// and replaces it with the esbuild bundle before the IR reaches the runner.
import { z } from "zod";
import type { GraphError } from "../graph";
import { formatType, type RowType } from "../types";
import { udfInputColumns } from "../udf/declarations";
import { readOutputType } from "../udf/output-type";
import { defineNodeKind } from "./define";
import { codeError, codeField } from "./ts-udf";

export const TS_MAP_TEMPLATE = `// Runs once per row. \`Input\` is the row arriving here; the return type declares this node's output columns:
// each replaces the input column of the same name or is appended. BIGINT arrives as bigint, DECIMAL as string.
export default function map(row: Input): { columns: string } {
  return { columns: Object.keys(row).join(", ") };
}
`;

/** A pinned example: an input row and the output columns expected for it (values in the runner's JSON encoding). */
export const UdfTestCaseSchema = z.object({
  input: z.record(z.string(), z.unknown()),
  expected: z.record(z.string(), z.unknown()),
});
export type UdfTestCase = z.infer<typeof UdfTestCaseSchema>;

const TsMapConfig = z.object({
  code: codeField(TS_MAP_TEMPLATE, "TypeScript: export default function map(row: Input): { column: type; … } returning the output columns."),
  // edited by the Try it panel, not the generated form; checked by `streamcanvas test` and npm test
  tests: z.array(UdfTestCaseSchema).default([]).meta({ title: "Pinned tests", widget: "hidden" }),
});
type TsMapConfig = z.infer<typeof TsMapConfig>;

/** The hidden column jvm-runner's udfMap adds while it calls the UDF. */
const hiddenColumn = (nodeId: string) => `__udf_${nodeId}`;

export { codeError };

function analyze(nodeId: string, code: string, input: RowType): { rowType?: RowType; errors: GraphError[] } {
  const whole = { start: 0, end: 0 };
  if (udfInputColumns(input).length === 0) {
    return { errors: [{ nodeId, message: "the input has no column a TypeScript UDF can read (TIME is not supported)" }] };
  }
  if (input.some((c) => c.name === hiddenColumn(nodeId))) {
    return { errors: [codeError(nodeId, code, whole, `the input has a column named "${hiddenColumn(nodeId)}", which this node needs for itself`)] };
  }
  const r = readOutputType(code);
  if (!r.ok) return { errors: [codeError(nodeId, code, r.span, r.message)] };
  const replaced = input.map((c) => {
    const out = r.columns.find((o) => o.name === c.name);
    return out ? { name: out.name, type: out.type } : c;
  });
  return { rowType: [...replaced, ...r.columns.filter((o) => !input.some((c) => c.name === o.name))], errors: [] };
}

export const tsMapKind = defineNodeKind<TsMapConfig>({
  kind: "ts-map",
  // 2: pinned test table (tests)
  version: 2,
  title: "TS map",
  category: "transform",
  description: "Computes or replaces columns with a TypeScript function of the row.",
  ports: { inputs: ["in"], outputs: ["out"] },
  udf: { kind: "map" },
  config: TsMapConfig,
  defaults: TsMapConfig.parse({}),
  inferRowType({ nodeId, config, inputs }) {
    return analyze(nodeId, config.code, inputs.in!);
  },
  upgrade: (_from, config) => ({ tests: [], ...(config as Record<string, unknown>) }),
  toIr({ nodeId, config, inputs, inputTypes }) {
    const input = inputTypes.in!;
    const out = readOutputType(config.code);
    if (!out.ok) throw new Error(`ts-map ${nodeId}: ${out.message}`);
    const col = (c: { name: string; type: RowType[number]["type"] }) => ({ name: c.name, type: formatType(c.type) });
    return [{
      op: "udfMap", table: nodeId, input: inputs.in!,
      udf: { name: nodeId, code: config.code, inputColumns: udfInputColumns(input).map(col), outputColumns: out.columns.map(col) },
    }];
  },
});
