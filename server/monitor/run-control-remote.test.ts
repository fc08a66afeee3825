// Where stop-with-savepoint writes for a run on a remote target: the folder given for the stop, else the target's
// savepoint folder, else the cluster's own config; none of them: refused before Flink is asked, the job keeps running.
import { describe, expect, it } from "vitest";
import type { RunTracker } from "@/server/runner/run-tracker";
import { SavepointFailed } from "@/server/errors";
import type { MonitorHub } from "./hub";
import { RunControl } from "./run-control";

function control(o: { targetDir?: string; clusterConfig?: Record<string, string> }) {
  const asked: string[] = [];
  const recorded: unknown[] = [];
  const run = { id: "r1", pipelineId: "p1", jobId: "a".repeat(32), status: "RUNNING", target: "prod" };
  const tracker = {
    get: () => run, waitTerminal: async () => ({ ...run, status: "FINISHED" }),
    targetSavepointDir: () => o.targetDir, recordSavepoint: (s: unknown) => recorded.push(s),
  } as unknown as RunTracker;
  const flink = {
    jobManagerConfig: async () => new Map(Object.entries(o.clusterConfig ?? {})),
    stopWithSavepoint: async (_: string, dir: string) => (asked.push(dir), "trigger"),
    awaitSavepoint: async () => ({ ok: true as const, location: `${asked.at(-1)}/savepoint-1` }),
  };
  const monitor = { flinkFor: () => flink } as unknown as MonitorHub;
  return { c: new RunControl(tracker, monitor), asked, recorded };
}

describe("savepoint folder of a run on a remote target", () => {
  it("takes the stop's folder first, then the target's, then the cluster's state.savepoints.dir, and records it", async () => {
    const cluster = { "state.savepoints.dir": "s3://cluster/sp" };
    const a = control({ targetDir: "s3://target/sp", clusterConfig: cluster });
    await a.c.stopWithSavepoint("r1", "hdfs:///given");
    await a.c.stopWithSavepoint("r1");
    expect(a.asked).toEqual(["hdfs:///given", "s3://target/sp"]);
    expect(a.recorded).toEqual([
      { path: "hdfs:///given/savepoint-1", pipelineId: "p1", runId: "r1", target: "prod" },
      { path: "s3://target/sp/savepoint-1", pipelineId: "p1", runId: "r1", target: "prod" },
    ]);
    const b = control({ clusterConfig: { ...cluster, "execution.checkpointing.savepoint-dir": "file:///shared/sp" } });
    await b.c.stopWithSavepoint("r1");
    const c = control({ clusterConfig: cluster });
    await c.c.stopWithSavepoint("r1");
    expect([...b.asked, ...c.asked]).toEqual(["file:///shared/sp", "s3://cluster/sp"]);
  });

  it("refuses when no folder is known, or the given one is not a folder the cluster could name, before asking Flink", async () => {
    const none = control({});
    await expect(none.c.stopWithSavepoint("r1")).rejects.toThrow(SavepointFailed);
    await expect(none.c.stopWithSavepoint("r1")).rejects.toThrow(/target "prod" names no savepoint folder .*--savepoint-dir/);
    await expect(none.c.stopWithSavepoint("r1", "relative/dir")).rejects.toThrow(/savepoint folder "relative\/dir" refused .*keeps running/);
    expect(none.asked).toEqual([]);
  });
});
