// Flink's REST endpoint on the real runner answers only the runner's client credential (mutual TLS): a local process
// without it gets no job data and can neither cancel a job nor write a savepoint anywhere; the monitor and the
// GET-only web UI proxy, which hold the credential, still read it.
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { graph } from "@/pipeline/testing/graphs";
import { isTerminal } from "@/server/states";
import { createPipeline, realRunnerHarness, watchUntil } from "@/server/api/testing/harness";
import { proxyGet, refuseNonGet } from "./flink-proxy";

const h = realRunnerHarness();

type Attempt = { method: string; path: string; body?: string };

/** One request as any local process could send it: no client certificate, and the server's not checked either. */
function request(scheme: "http" | "https", port: string, a: Attempt): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = (scheme === "https" ? https : http).request({
      host: "127.0.0.1", port, method: a.method, path: a.path, rejectUnauthorized: false, timeout: 10_000,
      headers: a.body ? { "content-type": "application/json" } : {},
    }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(a.body);
  });
}

describe("Flink's REST API on the embedded cluster", () => {
  it("refuses GET, cancel and savepoint-anywhere to a client without the runner's credential; monitoring still works", async () => {
    const gen = { id: "gen", kind: "datagen", config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 9 }], rowsPerSecond: 50 } };
    const pipelineId = await createPipeline(h.caller, graph([gen, { id: "out", kind: "collect", config: {} }], ["gen->out"]));
    const run = (await watchUntil(h.caller, (await h.caller.runs.start({ pipelineId })).id,
      (r) => r.status === "RUNNING" || isTerminal(r.status))).at(-1)!;
    expect(run.status).toBe("RUNNING");
    const jobId = run.jobId!;

    const target = h.services.supervisor.flinkTarget()!;
    expect(target.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // the credential is the runner's own, in its private temp folder
    expect(fs.statSync(target.credential!).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(target.credential!)).mode & 0o777).toBe(0o700);

    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "sc-outside-"));
    const port = new URL(target.url).port;
    const attempts: Attempt[] = [
      { method: "GET", path: "/jobs/overview" },
      { method: "GET", path: `/jobs/${jobId}` },
      { method: "PATCH", path: `/jobs/${jobId}?mode=cancel` },
      { method: "POST", path: `/jobs/${jobId}/savepoints`, body: JSON.stringify({ "target-directory": `file://${outside}`, "cancel-job": true }) },
      { method: "POST", path: `/jobs/${jobId}/stop`, body: JSON.stringify({ targetDirectory: `file://${outside}`, drain: false }) },
    ];
    for (const a of attempts) {
      // plain HTTP: nothing but Flink's redirect to https, with an empty body (no data, no action)
      const plain = await request("http", port, a);
      expect(plain, `${a.method} ${a.path} over plain HTTP`).toEqual({ status: 301, location: `https://127.0.0.1:${port}${a.path}`, body: "" });
      // TLS without the client certificate: the handshake fails, so the request never reaches Flink
      await expect(request("https", port, a), `${a.method} ${a.path} over TLS`).rejects.toThrow(/certificate|handshake|socket hang up|ECONNRESET/i);
    }

    // the job runs on, no savepoint was written, and the monitor (which holds the credential) reads it as before
    const flink = h.services.monitor.flink()!;
    expect((await flink.job(jobId)).state).toBe("RUNNING");
    expect(fs.readdirSync(outside)).toEqual([]);
    for await (const s of await h.caller.monitor.job({ jobId })) {
      expect(s.reachable).toBe(true);
      expect(s.job?.state).toBe("RUNNING");
      break;
    }

    // the web UI's proxy: GETs reach Flink with the credential, the dashboard's page included; nothing else passes
    const details = await proxyGet(target, new URL(`http://localhost/flink/jobs/${jobId}`));
    expect(details.status).toBe(200);
    expect(((await details.json()) as { jid: string; state: string })).toMatchObject({ jid: jobId, state: "RUNNING" });
    const page = await proxyGet(target, new URL("http://localhost/flink/index.html"));
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain('<base href="./">');
    // a path cannot make the proxy leave Flink's origin
    expect((await proxyGet(target, new URL("http://localhost/flink//example.com/jobs/overview"))).status).not.toBe(200);
    for (const m of ["PATCH", "POST", "PUT", "DELETE"]) expect(refuseNonGet(m).status).toBe(405);

    await h.caller.runs.stop({ runId: run.id });
    fs.rmSync(outside, { recursive: true, force: true });
  });
});
