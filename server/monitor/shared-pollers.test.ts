// Ref-counted pollers: one poller per key however many subscribers, none once the last one leaves.
import { describe, expect, it } from "vitest";
import { RateWindow } from "./rates";
import { SharedPollers, streamOf } from "./shared-pollers";

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};

describe("SharedPollers", () => {
  it("runs one poller for many subscribers of a key and stops it with the last one", async () => {
    const ticks: string[] = [];
    const stopped: string[] = [];
    const p = new SharedPollers<number>(async (key, prev) => (ticks.push(key), (prev ?? 0) + 1), 10, { onStop: (k) => stopped.push(k) });
    const a: number[] = [];
    const b: number[] = [];
    const offA = p.subscribe("job1", (v) => a.push(v));
    const offB = p.subscribe("job1", (v) => b.push(v));
    await until(() => a.length >= 3 && b.length >= 3);
    expect(p.active()).toEqual(["job1"]);
    // every value was computed once for both subscribers: no second poller
    expect(ticks.length).toBeLessThanOrEqual(Math.max(...a, ...b));
    expect(a.at(-1)).toBe(ticks.length);
    offA();
    expect(p.active()).toEqual(["job1"]);
    offB();
    expect(p.active()).toEqual([]);
    expect(stopped).toEqual(["job1"]);
    const n = ticks.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(ticks.length).toBeLessThanOrEqual(n + 1); // at most the tick that was already running
  });

  it("gives a late subscriber the latest value at once, and streams end by abort with the poller released", async () => {
    const p = new SharedPollers<number>(async (_k, prev) => (prev ?? 0) + 1, 10);
    const off = p.subscribe("k", () => {});
    await until(() => (p.latest("k") ?? 0) >= 2);
    const late: number[] = [];
    const offLate = p.subscribe("k", (v) => late.push(v));
    expect(late.length).toBe(1);
    offLate();
    off();
    const ac = new AbortController();
    const seen: number[] = [];
    for await (const v of streamOf(p, "s", ac.signal)) {
      seen.push(v);
      if (seen.length === 2) ac.abort();
    }
    expect(seen).toEqual([1, 2]);
    expect(p.active()).toEqual([]);
  });
});

describe("RateWindow", () => {
  it("gives the counter's growth per second over its window and restarts after a counter reset", () => {
    const w = new RateWindow(5_000);
    expect(w.rate()).toBeNull();
    w.push(0, 0);
    w.push(1_000, 100);
    expect(w.rate()).toBe(100);
    w.push(2_000, 300);
    expect(w.rate()).toBe(150);
    w.push(3_000, 10);
    expect(w.rate()).toBeNull();
    w.push(4_000, 60);
    expect(w.rate()).toBe(50);
  });
});
