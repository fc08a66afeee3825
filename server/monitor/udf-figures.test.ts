// UDF metric ids are recognised by their fixed group and attributed to the node they name, summed over vertices.
import { describe, expect, it } from "vitest";
import { parseUdfMetric, udfFigures } from "./udf-figures";

const op = "AsyncCalc_select__ts_m1_ROW_n___AS_r_";
describe("udf figures", () => {
  it("parses the node and metric of a UDF metric id and ignores others", () => {
    expect(parseUdfMetric(`${op}.streamcanvas_udf.ts-map_2.rows`)).toEqual({ node: "ts-map_2", metric: "rows" });
    expect(parseUdfMetric(`${op}.streamcanvas_udf.m1.latencyMs`)).toEqual({ node: "m1", metric: "latencyMs" });
    expect(parseUdfMetric(`${op}.numRecordsIn`)).toBeNull();
    expect(parseUdfMetric(`${op}.streamcanvas_udf.m1.other`)).toBeNull();
  });

  it("adds up rows, batches and rates of a node over vertices and keeps the worst latency", () => {
    const a = `${op}.streamcanvas_udf.m1`;
    const b = `Calc_other.streamcanvas_udf.m1`;
    const f = udfFigures([
      { values: { [`${a}.rows`]: 100, [`${a}.batches`]: 4, [`${a}.latencyMs`]: 3, [`${op}.numRecordsIn`]: 999 },
        max: { [`${a}.latencyMs`]: 2.5 }, rates: { [`${a}.rows`]: 10 } },
      { values: { [`${b}.rows`]: 50, [`${b}.batches`]: 1, [`${b}.latencyMs`]: 0, [`x.streamcanvas_udf.f2.rows`]: 7 },
        max: { [`${b}.latencyMs`]: 0 }, rates: { [`${b}.rows`]: null } },
    ]);
    expect(f).toEqual({
      m1: { rows: 150, batches: 5, rowsPerSecond: 10, latencyMs: 2.5 },
      f2: { rows: 7, batches: 0, rowsPerSecond: null, latencyMs: null },
    });
  });
});
