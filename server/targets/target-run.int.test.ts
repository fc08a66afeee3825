// A run from the API on a stored target (the stage's real standalone cluster): runs.start with `target`, the run records
// it, the rows come back, and the job page's monitor reads the job from that cluster's REST API, not the embedded one.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePipelineFile } from "@/pipeline/format";
import { createPipeline, realRunnerHarness, watchUntil } from "@/server/api/testing/harness";
import { compileGraph } from "@/server/pipeline-ops";
import { testFlinkUrl } from "@/server/testing/flink-env";
import { startAuthTlsProxy } from "@/server/testing/auth-tls-proxy";

const h = realRunnerHarness();

describe("a run on a remote target (tRPC → real runner → standalone cluster)", () => {
  it("records its target, finishes with rows, and its job page reads the cluster's REST API", async () => {
    await h.caller.targets.create({ name: "cluster", target: { url: testFlinkUrl() } });
    const parsed = parsePipelineFile(fs.readFileSync(path.resolve("examples/orders-clean-up.json"), "utf8"));
    if (!parsed.ok) throw new Error("orders-clean-up.json does not parse");
    const pipelineId = await createPipeline(h.caller, parsed.graph);
    const run = await h.caller.runs.start({ pipelineId, target: "cluster" });
    expect(run.target).toBe("cluster");
    const seen = await watchUntil(h.caller, run.id, (r) => r.status === "FINISHED" || r.status === "FAILED");
    const done = seen.at(-1)!;
    expect(done.status, JSON.stringify(done.error)).toBe("FINISHED");
    expect(Object.values(done.sinks).some((s) => s.rows.length > 0)).toBe(true);
    expect((await h.caller.runs.list({ pipelineId })).map((r) => r.target)).toEqual(["cluster"]);
    // the monitor's client for this job is the cluster's, and that cluster ran it (the embedded one never saw it)
    const client = h.services.monitor.flinkFor(done.jobId!)!;
    expect(client.baseUrl).toBe(testFlinkUrl());
    expect((await client.job(done.jobId!)).state).toBe("FINISHED");
    expect(await h.services.monitor.flink()!.jobIfKnown(done.jobId!)).toBeUndefined();
    // the job page's first snapshot comes from the cluster too
    for await (const snap of h.services.monitor.watchJob(done.jobId!)) {
      expect(snap.reachable, snap.message ?? "").toBe(true);
      expect(snap.job?.state).toBe("FINISHED");
      expect(snap.run?.runId).toBe(run.id);
      break;
    }
    // a job another tool submitted to that cluster (here: straight to the runner, no run recorded) is listed, marked
    // foreign, beside the run's own job; its job page reads that cluster too, and the TaskManagers panel places its subtasks
    const runner = await h.services.supervisor.whenReady(30_000);
    const { jobId: other } = await runner.submit({ ...compileGraph(parsed.graph), name: "someone-elses-job" }, {}, { name: "x", url: testFlinkUrl() });
    for await (const list of h.services.monitor.watchJobs()) {
      expect(list.targetProblems).toEqual([]);
      expect(list.jobs.find((j) => j.jobId === done.jobId)).toMatchObject({ target: "cluster", foreign: false, runId: run.id });
      expect(list.jobs.find((j) => j.jobId === other)).toMatchObject({ target: "cluster", foreign: true, runId: null, name: "someone-elses-job" });
      break;
    }
    expect((await h.services.monitor.flinkFor(other)!.job(other)).name).toBe("someone-elses-job");
    const placed = await h.caller.monitor.taskManagers({ jobId: done.jobId! });
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.every((p) => p.taskManagerId !== "(unassigned)" && p.endpoint)).toBe(true);
  });

  it("through an https gateway that demands an auth header: Test, the submission with its jars, and the job page use the header and the truststore", async () => {
    const header = "Bearer sc-gateway-token-81c2";
    const proxy = await startAuthTlsProxy(testFlinkUrl(), header);
    try {
      const tls = { url: proxy.url, truststore: proxy.truststore, truststorePassword: proxy.truststorePassword };
      await h.caller.targets.create({ name: "no-header", target: tls });
      expect(await h.caller.targets.test({ name: "no-header" })).toMatchObject({ ok: false, message: expect.stringContaining("refused the request (HTTP 401): it needs an auth header") });
      await h.caller.targets.create({ name: "gateway", target: { ...tls, authHeader: header } });
      expect(await h.caller.targets.test({ name: "gateway" })).toMatchObject({ ok: true, taskManagers: 2 });
      const parsed = parsePipelineFile(fs.readFileSync(path.resolve("examples/orders-clean-up.json"), "utf8"));
      if (!parsed.ok) throw new Error("orders-clean-up.json does not parse");
      const pipelineId = await createPipeline(h.caller, parsed.graph);
      const run = await h.caller.runs.start({ pipelineId, target: "gateway" });
      const done = (await watchUntil(h.caller, run.id, (r) => r.status === "FINISHED" || r.status === "FAILED")).at(-1)!;
      expect(done.status, JSON.stringify(done.error)).toBe("FINISHED");
      expect(Object.values(done.sinks).some((s) => s.rows.length > 0)).toBe(true);
      // the runner's Flink client uploaded the job and its jars through the gateway, with the header
      expect(proxy.passed.some((r) => r.startsWith("POST /v1/jobs") || r.startsWith("POST /jobs"))).toBe(true);
      for await (const snap of h.services.monitor.watchJob(done.jobId!)) {
        expect(snap.reachable, snap.message ?? "").toBe(true);
        expect(snap.job?.state).toBe("FINISHED");
        break;
      }
      expect(proxy.refused.every((r) => r.startsWith("GET /overview"))).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it("a run naming an unknown target is refused before anything is submitted", async () => {
    const parsed = parsePipelineFile(fs.readFileSync(path.resolve("examples/orders-clean-up.json"), "utf8"));
    if (!parsed.ok) throw new Error("orders-clean-up.json does not parse");
    const pipelineId = await createPipeline(h.caller, parsed.graph);
    await expect(h.caller.runs.start({ pipelineId, target: "nope" })).rejects.toThrow(/target "nope" does not exist/);
    expect(await h.caller.runs.list({ pipelineId })).toEqual([]);
  });
});
