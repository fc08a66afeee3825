import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { graph, seqSource } from "../testing/graphs";
import { formatType } from "../types";
import { validateGraph } from "../validate";
import { TS_MAP_TEMPLATE } from "./ts-map.node.ts";

const CODE = `export default function map(row: Input): { name: string; n: bigint | null } {
  return { name: (row.name ?? "").toUpperCase(), n: row.id * 2n };
}
`;
const g = (code: string) => graph([seqSource(), { id: "m", kind: "ts-map", config: { code } }, { id: "out", kind: "collect" }], ["src->m", "m->out"]);

describe("ts-map kind", () => {
  it("replaces same-named columns in place and appends the others", () => {
    const v = validateGraph(g(CODE));
    expect(v.errors).toEqual([]);
    expect(v.rowTypes.m!.map((c) => `${c.name} ${formatType(c.type)}`)).toEqual(["id BIGINT", "name STRING NOT NULL", "n BIGINT"]);
  });

  it("compiles to udfMap carrying the TypeScript source (the server swaps in the bundle)", () => {
    const r = compile(g(CODE));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.program.statements.find((s) => s.op === "udfMap")).toEqual({
      op: "udfMap", table: "m", input: "src",
      udf: {
        name: "m", code: CODE,
        inputColumns: [{ name: "id", type: "BIGINT" }, { name: "name", type: "STRING" }],
        outputColumns: [{ name: "name", type: "STRING NOT NULL" }, { name: "n", type: "BIGINT" }],
      },
    });
  });

  it("reports an unreadable return type on the code field with its line", () => {
    const v = validateGraph(g("\nexport default function map(row: Input): { a: Set<string> } {\n  return { a: new Set() };\n}\n"));
    expect(v.errors).toEqual([expect.objectContaining({ nodeId: "m", field: "code", span: { start: 47, end: 50 } })]);
    expect(v.errors[0]!.message).toMatch(/^line 2:47: output column "a": type "Set" is not supported/);
  });

  it("the default template validates on any input", () => {
    const v = validateGraph(g(TS_MAP_TEMPLATE));
    expect(v.errors).toEqual([]);
    expect(v.rowTypes.m!.at(-1)).toEqual({ name: "columns", type: { root: "STRING", nullable: false } });
  });
});
