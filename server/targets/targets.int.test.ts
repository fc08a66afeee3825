// Targets through tRPC on a temp data dir, Test against the stage's real standalone Flink cluster: CRUD that never
// gives the auth header back nor stores it in clear, Test with the right URL (version, TaskManagers, slots), a port
// nothing listens on, and an address that answers HTTP but is no Flink.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeHarness } from "@/server/api/testing/harness";
import { freePort } from "@/server/testing/processes";
import { testFlinkUrl } from "@/server/testing/flink-env";

const h = makeHarness();
afterAll(() => h.close());
const header = "Bearer sc-target-token-5f1e9a";

describe("targets (tRPC → the real test cluster)", () => {
  it("creates, lists and removes a target; the auth header never comes back nor lies in clear on disk", async () => {
    const created = await h.caller.targets.create({ name: "prod", target: { url: `${testFlinkUrl()}/`, authHeader: header } });
    expect(created).toMatchObject({ name: "prod", url: testFlinkUrl(), authHeaderSet: true, truststorePasswordSet: false });
    const list = await h.caller.targets.list();
    expect(list.embedded).toBe("embedded");
    expect(list.targets.map((t) => t.name)).toEqual(["prod"]);
    for (const answer of [created, list, await h.caller.targets.get({ name: "prod" })]) expect(JSON.stringify(answer)).not.toContain("sc-target-token");
    const files = fs.readdirSync(h.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const f of files) expect(fs.readFileSync(path.join(f.parentPath, f.name)).includes("sc-target-token"), f.name).toBe(false);
    await expect(h.caller.targets.create({ name: "prod", target: { url: testFlinkUrl() } })).rejects.toThrow(/already exists/);
    await expect(h.caller.targets.create({ name: "embedded", target: { url: testFlinkUrl() } })).rejects.toThrow(/the runner's own cluster/);
    await expect(h.caller.targets.create({ name: "x", target: { url: "http://h:1/jobs" } })).rejects.toThrow(/url: the REST address as http\(s\):\/\/host:port/);
    await expect(h.caller.targets.create({ name: "y", target: { url: "http://h:1", truststore: "/t.p12" } })).rejects.toThrow(/truststore: a truststore needs an https:\/\/ URL/);
    // an edit with the secret left empty keeps it ("saved; type to replace"); clearing it removes it
    const kept = await h.caller.targets.update({ name: "prod", target: { url: "http://127.0.0.1:1", authHeader: "" } });
    expect(kept).toMatchObject({ url: "http://127.0.0.1:1", authHeaderSet: true, authScheme: "Bearer" });
    expect((await h.caller.targets.update({ name: "prod", target: { url: "http://127.0.0.1:1" }, clear: ["authHeader"] })).authHeaderSet).toBe(false);
    await h.caller.targets.remove({ name: "prod" });
    expect((await h.caller.targets.list()).targets).toEqual([]);
    await expect(h.caller.targets.remove({ name: "prod" })).rejects.toThrow(/target "prod" does not exist/);
  });

  it("Test reports the cluster's Flink version, TaskManagers and slots", async () => {
    await h.caller.targets.create({ name: "cluster", target: { url: testFlinkUrl() } });
    const r = await h.caller.targets.test({ name: "cluster" });
    expect(r).toMatchObject({ ok: true, flinkVersion: "2.3.0", taskManagers: 2, slotsTotal: 4 });
    expect(r.message).toMatch(/^Flink 2\.3\.0: 2 TaskManagers, \d of 4 slots free$/);
    // kept for the targets page
    expect((await h.caller.targets.list()).targets.find((t) => t.name === "cluster")?.lastTest).toMatchObject({ ok: true, message: r.message, taskManagers: 2 });
  });

  it("Test of a port nothing listens on says it cannot reach the REST API there", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    await h.caller.targets.create({ name: "gone", target: { url } });
    const r = await h.caller.targets.test({ name: "gone" });
    expect(r).toEqual({ ok: false, message: expect.stringContaining(`cannot reach Flink's REST API at ${url}: ECONNREFUSED`) });
  });

  it("Test of an HTTP server that is no Flink says so", async () => {
    const server = http.createServer((_, res) => res.writeHead(404, { "content-type": "text/plain" }).end("no such page"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      await h.caller.targets.create({ name: "web", target: { url } });
      const r = await h.caller.targets.test({ name: "web" });
      expect(r.ok).toBe(false);
      expect(r.message).toContain(`${url} answered HTTP 404 to GET /overview without Flink's cluster overview`);
    } finally {
      server.close();
    }
  });
});
