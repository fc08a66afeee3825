import { describe, expect, it } from "vitest";
import { formatType, type RowType, type } from "../types";
import { readOutputType } from "./output-type";
import { inputDeclarations, propertyName, tsTypeOf, udfGlobals, udfInputColumns } from "./declarations";

const col = (name: string, t: string) => ({ name, type: type(t) });

describe("inputDeclarations", () => {
  it("maps ROW to an object type, ARRAY to T[] and MAP to Map<K, V>, with BIGINT, DECIMAL and TIMESTAMP as at the top", () => {
    const row: RowType = [
      col("payload", "ROW<`user` ROW<`id` BIGINT NOT NULL, `since` TIMESTAMP(3)>, `price` DECIMAL(20, 2), `my tag` STRING NOT NULL>"),
      col("ids", "ARRAY<BIGINT> NOT NULL"), col("strict", "ARRAY<INT NOT NULL>"),
      col("scores", "MAP<BIGINT NOT NULL, DOUBLE> NOT NULL"), col("nested", "ARRAY<ARRAY<ROW<`x` BOOLEAN>>>"),
      col("clock", "ARRAY<TIME>"), col("m", "MAP<STRING, ROW<`t` TIME>>"),
    ];
    expect(inputDeclarations(row)).toBe([
      "interface Input {",
      "  readonly payload: { readonly user: { readonly id: bigint; readonly since: Date | null; } | null; readonly price: string | null; readonly \"my tag\": string; } | null;",
      "  readonly ids: (bigint | null)[];",
      "  readonly strict: number[] | null;",
      "  readonly scores: Map<bigint, number | null>;",
      "  readonly nested: (({ readonly x: boolean | null; } | null)[] | null)[] | null;",
      "}",
      "",
    ].join("\n"));
    expect(udfInputColumns(row).map((c) => c.name)).toEqual(["payload", "ids", "strict", "scores", "nested"]);
  });

  it("gives a MULTISET (COLLECT's result) as a Map of each element to its count", () => {
    expect(tsTypeOf(type("MULTISET<STRING> NOT NULL"))).toBe("Map<string | null, number>");
    expect(tsTypeOf(type("MULTISET<BIGINT NOT NULL>"))).toBe("Map<bigint, number> | null");
    expect(tsTypeOf(type("ROW<`bag` MULTISET<TIME>>"))).toBeUndefined();
  });

  it("reads back as the same Flink type when the function returns a column's declared type", () => {
    for (const text of [
      "ROW<`id` BIGINT NOT NULL, `at` TIMESTAMP(3), `tags` ARRAY<STRING>, `my key` BOOLEAN NOT NULL>",
      "MAP<BIGINT, ARRAY<ROW<`x` DOUBLE NOT NULL> NOT NULL>> NOT NULL", "ARRAY<ARRAY<STRING NOT NULL>> NOT NULL",
    ]) {
      const out = readOutputType(`export default function f(row: Input): { c: ${tsTypeOf(type(text))} } { return row as any; }`);
      expect(out.ok && formatType(out.columns[0]!.type)).toBe(text);
    }
  });

  it("maps Flink types as the UDF worker encodes them, nullable as | null", () => {
    const row: RowType = [
      col("id", "BIGINT NOT NULL"), col("n", "INT"), col("price", "DECIMAL(10, 2) NOT NULL"), col("x", "DOUBLE"),
      col("name", "STRING"), col("ok", "BOOLEAN NOT NULL"), col("ts", "TIMESTAMP(3)"), col("day", "DATE NOT NULL"),
      col("ltz", "TIMESTAMP_LTZ(3) NOT NULL"), col("small", "TINYINT NOT NULL"), col("c", "VARCHAR(3)"),
    ];
    expect(inputDeclarations(row)).toBe([
      "interface Input {",
      "  readonly id: bigint;",
      "  readonly n: number | null;",
      "  readonly price: string;",
      "  readonly x: number | null;",
      "  readonly name: string | null;",
      "  readonly ok: boolean;",
      "  readonly ts: Date | null;",
      "  readonly day: string;",
      "  readonly ltz: Date;",
      "  readonly small: number;",
      "  readonly c: string | null;",
      "}",
      "",
    ].join("\n"));
  });

  it("quotes property names that are not identifiers", () => {
    expect(propertyName("my col")).toBe('"my col"');
    expect(propertyName("1st")).toBe('"1st"');
    expect(propertyName('say "hi"')).toBe('"say \\"hi\\""');
    expect(propertyName("$ok_1")).toBe("$ok_1");
    expect(inputDeclarations([col("my col", "STRING NOT NULL")], "Row")).toBe('interface Row {\n  readonly "my col": string;\n}\n');
  });

  it("leaves out columns UDFs cannot read (TIME)", () => {
    const row = [col("t", "TIME"), col("a", "INT")];
    expect(tsTypeOf(row[0]!.type)).toBeUndefined();
    expect(udfInputColumns(row).map((c) => c.name)).toEqual(["a"]);
    expect(inputDeclarations(row)).not.toContain("t:");
  });

  it("udfGlobals adds console, which the worker forwards to the job's log", () => {
    const g = udfGlobals([col("a", "INT")]);
    expect(g.startsWith(inputDeclarations([col("a", "INT")]))).toBe(true);
    expect(g).toMatch(/declare const console: \{ log\(/);
  });
});
