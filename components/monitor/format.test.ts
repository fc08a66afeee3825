// Monitor figure formatting: rates, shares, durations, sizes and the backpressure colour of an edge.
import { describe, expect, it } from "vitest";
import { backpressureTone, fmtBytes, fmtCount, fmtDuration, fmtLatency, fmtRate, fmtShare } from "./format";

describe("monitor formatting", () => {
  it("formats UDF counters and sub-millisecond latencies", () => {
    expect(fmtCount(undefined)).toBe("—");
    expect(fmtCount(950)).toBe("950");
    expect(fmtCount(12_345)).toBe("12.3k");
    expect(fmtCount(4_500_000)).toBe("4.5M");
    expect(fmtLatency(null)).toBe("—");
    expect(fmtLatency(0.42)).toBe("0.4 ms");
    expect(fmtLatency(250)).toBe("250 ms");
  });

  it("formats rates, unknown as a dash", () => {
    expect(fmtRate(null)).toBe("—");
    expect(fmtRate(NaN)).toBe("—");
    expect(fmtRate(12.345)).toBe("12.3/s");
    expect(fmtRate(250)).toBe("250/s");
    expect(fmtRate(25_300)).toBe("25.3k/s");
    expect(fmtRate(2_500_000)).toBe("2.5M/s");
  });
  it("formats shares, durations and sizes", () => {
    expect(fmtShare(0.456)).toBe("46%");
    expect(fmtDuration(850)).toBe("850 ms");
    expect(fmtDuration(12_300)).toBe("12.3 s");
    expect(fmtDuration(125_000)).toBe("2 min 5 s");
    expect(fmtBytes(2048)).toBe("2.0 KiB");
  });
  it("colours an edge by its upstream's backpressured share", () => {
    expect([null, 0, 0.2, 0.8].map(backpressureTone)).toEqual(["none", "ok", "low", "high"]);
  });
});
