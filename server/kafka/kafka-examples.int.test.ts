// examples/kafka/ run headless through the streamcanvas bin against the test broker: a connection named local-kafka
// made with the CLI, known messages in the input topics, then the exact messages each example writes, read back.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "@/pipeline/compile";
import { parseGraph } from "@/pipeline/upgrade";
import { validateGraph } from "@/pipeline/validate";
import { createRunnerClient } from "@/server/runner/client";
import { writeRunnerFile } from "@/server/runner/runner-file";
import { javaRunnerCommand, spawnRunner, type SpawnedRunner } from "@/server/runner/spawn";
import { testKafka } from "@/server/testing/kafka-env";
import { createTopic, produce } from "@/server/testing/kafka-tool";

const bin = path.resolve("bin/streamcanvas.mjs");
const dir = path.resolve("examples/kafka");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

let dataDir: string;
let runner: SpawnedRunner;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, STREAMCANVAS_DATA_DIR: dataDir } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every message of `topic`, as [key, value] JSON texts ordered by partition and offset (committed transactions only). */
async function readTopic(topic: string): Promise<[string | null, string | null][]> {
  const client = createRunnerClient(`http://127.0.0.1:${runner.ready.port}`, runner.secret);
  const s = await client.kafkaSample({ properties: { "bootstrap.servers": testKafka().bootstrap }, topics: [topic], maxPerPartition: 1000 });
  const text = (b: (typeof s.messages)[number]["key"]) => (b && "text" in b ? b.text : null);
  return s.messages.map((m) => [text(m.key), text(m.value)]);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-kafka-examples-"));
  runner = await spawnRunner(javaRunnerCommand("java", undefined, path.join(dataDir, "files")), () => {});
  writeRunnerFile(dataDir, { ...runner.ready, secret: runner.secret, startedAt: Date.now() });
  // the one command the README gives, pointed at the test broker
  const add = await cli(["connections", "add", "local-kafka", "--kind", "kafka", "--bootstrap-servers", testKafka().bootstrap]);
  expect(add.code, add.stderr + add.stdout).toBe(0);
});
afterAll(() => {
  runner?.child.kill("SIGTERM");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const run = async (file: string) => {
  const r = await cli(["run", path.join(dir, file), "--json", "--timeout", "150"]);
  expect(r.code, r.stderr + r.stdout).toBe(0);
  expect(r.stderr).toContain(`pid ${runner.ready.pid}`);
  expect((JSON.parse(r.stdout) as { status: string }).status).toBe("FINISHED");
};

describe("examples/kafka on the test broker", () => {
  it.each(files)("%s parses, validates with no errors and compiles", (file) => {
    const parsed = parseGraph(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(validateGraph(parsed.graph).errors).toEqual([]);
    expect(compile(parsed.graph).ok).toBe(true);
  });

  it("clickstream: views and visitors per site section per minute, upserted by window and section", async () => {
    const k = testKafka();
    createTopic(k.bootstrap, "clicks", 2);
    createTopic(k.bootstrap, "page-views-per-minute", 1);
    const click = (user_id: number, url: string, t: string, partition: number) =>
      ({ key: String(user_id), value: JSON.stringify({ user_id, url, event_time: `2026-03-02 ${t}` }), partition });
    produce(k.bootstrap, "clicks", [
      click(1, "/products/42", "09:00:05", 0), click(2, "/products/7", "09:00:20", 1), click(1, "/cart", "09:00:40", 0),
      click(3, "/", "09:00:50", 1), click(2, "/products/42?ref=mail", "09:01:10", 1), click(2, "/cart", "09:01:30", 1),
      click(4, "/products/9", "09:01:59", 0),
    ]);
    await run("clickstream-sections-per-minute.json");
    const rows = (await readTopic("page-views-per-minute")).map(([key, value]) => [JSON.parse(key!), JSON.parse(value!)]);
    const w = (m: number) => `2026-03-02 09:0${m}:00`;
    const expected = [
      [0, "cart", 1, 1], [0, "home", 1, 1], [0, "products", 2, 2], [1, "cart", 1, 1], [1, "products", 2, 2],
    ].map(([m, section, views, visitors]) => [
      { window_start: w(m as number), section },
      { window_start: w(m as number), window_end: w((m as number) + 1), section, views, visitors },
    ]);
    const order = (xs: unknown[][]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(order(rows)).toEqual(order(expected));
  });

  it("orders: only paid orders of at least 10.00, exactly once, keyed by order id", async () => {
    const k = testKafka();
    createTopic(k.bootstrap, "orders", 1);
    createTopic(k.bootstrap, "paid-orders", 1);
    const order = (order_id: number, customer: string, amount: string, status: string) =>
      ({ value: `{"order_id":${order_id},"customer":"${customer}","amount":${amount},"status":"${status}"}` });
    produce(k.bootstrap, "orders", [
      order(1, "ann", "12.50", "PAID"), order(2, "bob", "9.99", "PAID"), order(3, "cy", "100.00", "NEW"),
      order(4, "dee", "10.00", "PAID"), order(5, "ed", "55.10", "REFUNDED"),
    ]);
    await run("paid-orders-exactly-once.json");
    expect(await readTopic("paid-orders")).toEqual([
      ['{"order_id":1}', '{"order_id":1,"customer":"ann","amount":12.50,"status":"PAID"}'],
      ['{"order_id":4}', '{"order_id":4,"customer":"dee","amount":10.00,"status":"PAID"}'],
    ]);
  });
});
