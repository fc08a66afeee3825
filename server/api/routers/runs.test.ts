// runs.* and runner.* through createCaller and the HTTP adapter, against a stand-in runner process
// (runner/testing/fake-runner.mjs). runs.int.test.ts covers the same paths on the real jvm-runner.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { graph, seqSource } from "@/pipeline/testing/graphs";
import { appRouter } from "@/server/api/root";
import type { RunInfo } from "@/server/store/runs-repo";
import { createPipeline, fakeRunnerCommand, makeHarness, watchUntil, type Harness } from "../testing/harness";

let h: Harness;
beforeEach(() => {
  h = makeHarness({ command: fakeRunnerCommand, startRunner: true });
});
afterEach(() => h.close());

const randomSource = { id: "src", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 9 }], rowsPerSecond: 5 } };
const collect = { id: "out", kind: "collect", config: { maxRows: 50 } };
const create = (g: ReturnType<typeof graph>) => createPipeline(h.caller, g);
const watch = (runId: string, done: (r: RunInfo) => boolean) => watchUntil(h.caller, runId, done);

describe("runs router", () => {
  it("runs a bounded pipeline to FINISHED with the collect rows, and lists it", async () => {
    const pipelineId = await create(graph([seqSource("src", 10), collect], ["src->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    expect(run.jobId).toMatch(/^job/);
    const seen = await watch(run.id, (r) => r.status === "FINISHED");
    const last = seen.at(-1)!;
    expect(last.sinks.out!.total).toBe(5);
    expect(last.endedAt).not.toBeNull();
    expect((await h.caller.runs.list({ pipelineId })).map((r) => r.id)).toEqual([run.id]);
    expect((await h.caller.runs.get({ runId: run.id })).status).toBe("FINISHED");
  });

  it("refuses a pipeline id that is a path before it becomes one (savepoints listed or resumed)", async () => {
    for (const pipelineId of ["../../..", "a/b", "..", "x\0y"]) {
      await expect(h.caller.monitor.savepoints({ pipelineId })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("not a pipeline id") });
      await expect(h.caller.monitor.resume({ pipelineId, savepointPath: "file:/tmp/x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const pipelineId = await create(graph([seqSource("src", 10), collect], ["src->out"]));
    expect(await h.caller.monitor.savepoints({ pipelineId })).toEqual([]);
  });

  it("stops an unbounded run: RUNNING then CANCELED", async () => {
    const pipelineId = await create(graph([randomSource, collect], ["src->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    expect(run.status).toBe("RUNNING");
    await h.caller.runs.stop({ runId: run.id });
    const seen = await watch(run.id, (r) => r.status === "CANCELED");
    expect(seen.at(-1)!.status).toBe("CANCELED");
  });

  it("answers BAD_REQUEST with graphErrors naming the node, over HTTP", async () => {
    const bad = graph([seqSource("src", 10), { id: "f1", kind: "filter", config: { predicate: "nope > 1" } }, collect], ["src->f1", "f1->out"]);
    const pipelineId = await create(bad);
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc", router: appRouter, createContext: () => ({ services: h.services }),
      req: new Request("http://x/api/trpc/runs.start", { method: "POST", body: JSON.stringify({ pipelineId }), headers: { "content-type": "application/json" } }),
    });
    const body = (await res.json()) as { error: { data: { code: string; graphErrors: { nodeId?: string; field?: string }[] } } };
    expect(res.status).toBe(400);
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.graphErrors).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: "f1", field: "predicate" })]));
    expect(await h.caller.runs.list({ pipelineId })).toEqual([]);
  });

  it("answers BAD_REQUEST with the runner's cause when the runner rejects the program", async () => {
    const pipelineId = await create(graph([seqSource("src", 10), collect], ["src->out"], "reject"));
    const e = await h.caller.runs.start({ pipelineId }).catch((x: unknown) => x);
    expect((e as TRPCError).code).toBe("BAD_REQUEST");
    expect((e as TRPCError).message).toContain("Column 'nope' not found");
    expect((await h.caller.runs.list({ pipelineId }))[0]).toMatchObject({ status: "FAILED", error: { rootCause: "Column 'nope' not found" } });
  });

  it("marks the active run LOST when the runner dies, restarts it, and names the run in lostRuns", async () => {
    const pipelineId = await create(graph([randomSource, collect], ["src->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    const restarted = new Promise<void>((resolve) => {
      let sawRestart = false;
      const off = h.services.supervisor.subscribe((s) => {
        sawRestart ||= s.state === "restarting";
        if (sawRestart && s.state === "ready") (off(), resolve());
      });
    });
    process.kill(h.services.supervisor.runnerPid()!, "SIGKILL");
    const seen = await watch(run.id, (r) => r.status === "LOST");
    expect(seen.at(-1)!.error?.message).toMatch(/runner restarted/);
    await restarted;
    const st = await h.caller.runner.status();
    expect(st.state).toBe("ready");
    expect(st.lostRuns).toEqual([{ runId: run.id, pipelineId, jobId: run.jobId }]);
  });

  it("streams runs.watch over HTTP as server-sent events until the run ends", async () => {
    const pipelineId = await create(graph([seqSource("src", 10), collect], ["src->out"]));
    const run = await h.caller.runs.start({ pipelineId });
    const input = encodeURIComponent(JSON.stringify({ runId: run.id }));
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc", router: appRouter, createContext: () => ({ services: h.services }),
      req: new Request(`http://x/api/trpc/runs.watch?input=${input}`, { headers: { accept: "text/event-stream" } }),
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes('"FINISHED"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    expect(text).toMatch(/^data: .*"status":"FINISHED"/m);
  });

  it("rejects watching an unknown run with NOT_FOUND", async () => {
    const e = await h.caller.runs.watch({ runId: "nope" }).catch((x: unknown) => x);
    expect((e as TRPCError).code).toBe("NOT_FOUND");
  });
});
