// The window TVF query text, character for character what jvm-runner's WindowSql writes (see its WindowSqlTest).
import { describe, expect, it } from "vitest";
import type { Statement, WindowSpec } from "../ir";
import { sqlInterval, windowQueryText } from "./window-sql";

type Agg = { fn: "count" | "sum" | "first_value"; column: string; as: string };
const win = (window: WindowSpec, keys: string[], ...aggregates: Agg[]): Extract<Statement, { op: "window" }> =>
  ({ op: "window", table: "w", input: "in", window, keys, aggregates });

describe("window TVF query", () => {
  it("quotes every identifier and groups by the window and the keys", () => {
    const q = windowQueryText(win({ type: "tumble", timeColumn: "event `time`", sizeMs: 10_000 }, ["user id"],
      { fn: "count", column: "page", as: "n" }, { fn: "first_value", column: "it's", as: "first `x`" }), "v");
    expect(q).toBe("SELECT `window_start`, `window_end`, `user id`, COUNT(`page`) AS `n`, FIRST_VALUE(`it's`) AS `first ``x```\n"
      + "FROM TABLE(TUMBLE(TABLE `v`, DESCRIPTOR(`event ``time```), INTERVAL '10' SECOND))\n"
      + "GROUP BY `window_start`, `window_end`, `user id`");
  });

  it("gives hop, cumulate and session their durations; sessions partition by the keys", () => {
    const sum: Agg = { fn: "sum", column: "v", as: "s" };
    expect(windowQueryText(win({ type: "hop", timeColumn: "ts", sizeMs: 60_000, slideMs: 15_000 }, [], sum), "v"))
      .toContain("HOP(TABLE `v`, DESCRIPTOR(`ts`), INTERVAL '15' SECOND, INTERVAL '1' MINUTE)");
    expect(windowQueryText(win({ type: "cumulate", timeColumn: "ts", stepMs: 3_600_000, sizeMs: 86_400_000 }, [], sum), "v"))
      .toContain("CUMULATE(TABLE `v`, DESCRIPTOR(`ts`), INTERVAL '1' HOUR, INTERVAL '1' DAY)");
    expect(windowQueryText(win({ type: "session", timeColumn: "ts", gapMs: 1500 }, ["a", "b`"], sum), "v"))
      .toContain("SESSION(TABLE `v` PARTITION BY (`a`, `b```), DESCRIPTOR(`ts`), INTERVAL '0 00:00:01.500' DAY(2) TO SECOND(3))");
    expect(windowQueryText(win({ type: "session", timeColumn: "ts", gapMs: 30_000 }, [], sum), "v"))
      .toContain("SESSION(TABLE `v`, DESCRIPTOR(`ts`), INTERVAL '30' SECOND)");
  });

  it("prints intervals of exactly the IR's milliseconds", () => {
    expect(sqlInterval(99 * 86_400_000)).toBe("INTERVAL '99' DAY");
    expect(sqlInterval(100 * 86_400_000)).toBe("INTERVAL '100 00:00:00.000' DAY(3) TO SECOND(3)");
    expect(sqlInterval(123_456_789)).toBe("INTERVAL '1 10:17:36.789' DAY(2) TO SECOND(3)");
    expect(sqlInterval(1)).toBe("INTERVAL '0 00:00:00.001' DAY(2) TO SECOND(3)");
  });
});
