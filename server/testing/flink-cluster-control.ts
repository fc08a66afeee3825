// The stage's Flink cluster lives in vitest's main process (global setup), while tests run in workers: this small
// loopback HTTP endpoint (bearer token) lets a fault test SIGKILL a TaskManager and have the harness start it again, so
// the harness that started every process (the restarted one too) is the one that stops it, and later files find 2 TMs.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestFlinkCluster } from "./flink-cluster";

export type ClusterControl = { url: string; token: string; close(): Promise<void> };

export async function serveClusterControl(cluster: TestFlinkCluster): Promise<ClusterControl> {
  const token = randomBytes(24).toString("hex");
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${token}`) return reply(401, { error: "bad token" });
    const m = req.url?.match(/^\/taskmanagers\/(\d+)\/(kill|start)$/);
    const noNode = req.url?.match(/^\/taskmanagers\/no-node\/(start|stop)$/);
    void (async () => {
      if (req.method === "GET" && req.url === "/pids") return reply(200, { pids: cluster.currentPids() });
      if (req.method === "POST" && noNode) return reply(200, { pid: await cluster.taskManagerWithoutNode(noNode[1] === "start") });
      if (req.method !== "POST" || !m) return reply(404, { error: `no ${req.method} ${req.url}` });
      const n = Number(m[1]);
      return reply(200, { pid: m[2] === "kill" ? await cluster.killTaskManager(n) : cluster.startTaskManager(n) });
    })().catch((e: unknown) => reply(400, { error: (e as Error).message }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, token, close: () => new Promise((r) => server.close(() => r())) };
}
