// The shared test Flink cluster the integration stage's global setup started: separate JobManager and TaskManager
// processes of the runner's Flink release, 2 TaskManagers with 2 slots each, on loopback.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { runnerFlinkVersion } from "./flink-dist";
import { alive } from "./processes";
import { testFlinkPidsNow, testFlinkUrl } from "./flink-env";

describe("test Flink cluster", () => {
  it("is a standalone session cluster of the runner's Flink with 2 TaskManagers × 2 slots", async () => {
    const url = testFlinkUrl();
    expect(new URL(url).hostname).toBe("127.0.0.1");
    const o = (await (await fetch(`${url}/overview`)).json()) as Record<string, unknown>;
    expect(o["flink-version"]).toBe(runnerFlinkVersion(process.cwd()));
    expect(o.taskmanagers).toBe(2);
    expect(o["slots-total"]).toBe(4);
    const tms = (await (await fetch(`${url}/taskmanagers`)).json()) as { taskmanagers: { id: string; slotsNumber: number }[] };
    expect(tms.taskmanagers.map((t) => t.id).sort()).toEqual(["sc-test-tm-1", "sc-test-tm-2"]);
    expect(tms.taskmanagers.every((t) => t.slotsNumber === 2)).toBe(true);
  });

  // the pids now: a fault test may have SIGKILLed a TaskManager and had the harness start it again
  it("runs as three separate java processes", async () => {
    const pids = await testFlinkPidsNow();
    expect(pids).toHaveLength(3);
    expect(new Set(pids).size).toBe(3);
    for (const pid of pids) {
      expect(alive(pid)).toBe(true);
      expect(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8")).toMatch(/StandaloneSessionClusterEntrypoint|TaskManagerRunner/);
    }
  });
});
