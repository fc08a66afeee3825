import { describe, expect, it } from "vitest";
import { printSql } from "../codegen";
import { compile } from "../compile";
import { graph, seqSource } from "../testing/graphs";
import { formatType, type RowType } from "../types";
import { validateGraph } from "../validate";
import { TS_AGGREGATE_TEMPLATE } from "./ts-aggregate.node.ts";
import { TS_FILTER_TEMPLATE } from "./ts-filter.node.ts";
import { TS_FLAT_MAP_TEMPLATE } from "./ts-flat-map.node.ts";

const g = (kind: string, config: Record<string, unknown>) =>
  graph([seqSource(), { id: "u", kind, config }, { id: "out", kind: "collect" }], ["src->u", "u->out"]);
const cols = (r: RowType | undefined) => r?.map((c) => `${c.name} ${formatType(c.type)}`);
const compiled = (kind: string, config: Record<string, unknown>) => {
  const r = compile(g(kind, config));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.program;
};

describe("ts-filter kind", () => {
  it("passes the row type through and compiles to udfFilter without output columns", () => {
    const code = "export default function keep(row: Input): boolean {\n  return row.id !== null;\n}\n";
    expect(cols(validateGraph(g("ts-filter", { code })).rowTypes.u)).toEqual(["id BIGINT", "name STRING"]);
    expect(compiled("ts-filter", { code }).statements.find((s) => s.op === "udfFilter")).toEqual({
      op: "udfFilter", table: "u", input: "src",
      udf: { name: "u", code, inputColumns: [{ name: "id", type: "BIGINT" }, { name: "name", type: "STRING" }] },
    });
  });

  it("asks for a boolean return type at its position", () => {
    const v = validateGraph(g("ts-filter", { code: "export default function keep(row: Input): string {\n  return '';\n}" }));
    expect(v.errors).toEqual([expect.objectContaining({ nodeId: "u", field: "code", message: expect.stringMatching(/^line 1:43: declare the return type boolean/) })]);
  });

  it("the template validates", () => expect(validateGraph(g("ts-filter", { code: TS_FILTER_TEMPLATE })).errors).toEqual([]));
});

describe("ts-flat-map kind", () => {
  it("reads T[], Array<T> and generators, splicing outputs into the input row", () => {
    for (const ret of ["{ name: string; word: string | null }[]", "Array<{ name: string; word: string | null }>", "Iterable<W>"]) {
      const decl = "type W = { name: string; word: string | null };\n";
      const star = ret.startsWith("Iterable") ? "*" : "";
      const code = `${decl}export default function${star} explode(row: Input): ${ret} {\n  return [];\n}\n`;
      const v = validateGraph(g("ts-flat-map", { code }));
      expect(v.errors, ret).toEqual([]);
      expect(cols(v.rowTypes.u), ret).toEqual(["id BIGINT", "name STRING NOT NULL", "word STRING"]);
    }
  });

  it("compiles to udfFlatMap and refuses a single object", () => {
    const program = compiled("ts-flat-map", { code: TS_FLAT_MAP_TEMPLATE });
    expect(program.statements.find((s) => s.op === "udfFlatMap")).toMatchObject({ udf: { outputColumns: [{ name: "part", type: "STRING NOT NULL" }] } });
    const v = validateGraph(g("ts-flat-map", { code: "export default function f(row: Input): { a: string } {\n  return { a: '' };\n}" }));
    expect(v.errors[0]?.message).toMatch(/a flatMap returns rows: write the row type followed by \[\]/);
  });
});

describe("ts-aggregate kind", () => {
  it("gives the keys then the result columns and compiles to udfAggregate", () => {
    const v = validateGraph(g("ts-aggregate", { keys: ["name"], code: TS_AGGREGATE_TEMPLATE }));
    expect(v.errors).toEqual([]);
    expect(cols(v.rowTypes.u)).toEqual(["name STRING", "rows DOUBLE NOT NULL"]);
    expect(compiled("ts-aggregate", { keys: ["name"], code: TS_AGGREGATE_TEMPLATE }).statements.find((s) => s.op === "udfAggregate"))
      .toMatchObject({ op: "udfAggregate", table: "u", input: "src", keys: ["name"], udf: { name: "u", outputColumns: [{ name: "rows", type: "DOUBLE NOT NULL" }] } });
  });

  it("pins an unknown key and an output clashing with a key", () => {
    expect(validateGraph(g("ts-aggregate", { keys: ["nme"], code: TS_AGGREGATE_TEMPLATE })).errors)
      .toEqual([expect.objectContaining({ field: "keys.0", message: expect.stringMatching(/unknown column "nme"; did you mean "name"/) })]);
    const clash = TS_AGGREGATE_TEMPLATE.replace("result(acc: Acc): { rows: number }", "result(acc: Acc): { name: string }");
    expect(validateGraph(g("ts-aggregate", { keys: ["name"], code: clash })).errors)
      .toEqual([expect.objectContaining({ field: "code", message: 'output column "name" is also a group key; rename it' })]);
  });

  it("prints SQL that calls the registered function and says how to register it", () => {
    const sql = printSql(compiled("ts-aggregate", { keys: ["name"], code: TS_AGGREGATE_TEMPLATE }));
    expect(sql).toContain("new TsAggregateFunction(…))");
    expect(sql).toContain("SELECT `name`, `u`(`id`, `name`) AS `__udf_u` FROM `src` GROUP BY `name`");
  });
});
