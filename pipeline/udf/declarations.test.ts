import { describe, expect, it } from "vitest";
import { type RowType, type } from "../types";
import { inputDeclarations, propertyName, tsTypeOf, udfGlobals, udfInputColumns } from "./declarations";

const col = (name: string, t: string) => ({ name, type: type(t) });

describe("inputDeclarations", () => {
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
