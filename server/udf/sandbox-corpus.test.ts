// The sandbox-escape corpus (jvm-runner/udf-worker/escape-corpus.json) through Try it's worker: every UDF must fail
// with its expected error, reach no bait (TCP listener, Unix socket, file) and leave no worker process behind.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callWorker } from "./worker-call";

type Entry = { name: string; code: string; expect: string };
const corpus = JSON.parse(fs.readFileSync("jvm-runner/udf-worker/escape-corpus.json", "utf8")) as { entries: Entry[] };
/** The first line of worker.mjs, which every worker carries on its command line (node -e). */
const WORKER_MARK = "StreamCanvas UDF worker:";

/** Live (not zombie) worker processes whose parent is this process. */
function liveWorkers(): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(ppid) !== process.pid || state === "Z") continue;
      if (fs.readFileSync(`/proc/${d}/cmdline`, "utf8").includes(WORKER_MARK)) out.push(Number(d));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

async function gone(timeoutMs: number): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const live = liveWorkers();
    if (live.length === 0 || Date.now() > until) return live;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the sandbox-escape corpus through Try it's worker", () => {
  let dir: string;
  let tcp: net.Server;
  let unix: net.Server;
  const touched: string[] = [];
  const bait: Record<string, string> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-escape-"));
    fs.chmodSync(dir, 0o777); // writable by anyone: only the sandbox may keep a worker from writing here
    tcp = net.createServer((s) => { touched.push("tcp"); s.destroy(); });
    unix = net.createServer((s) => { touched.push("unix socket"); s.destroy(); });
    await new Promise<void>((r) => tcp.listen(0, "127.0.0.1", r));
    await new Promise<void>((r) => unix.listen(path.join(dir, "bait.sock"), r));
    fs.chmodSync(path.join(dir, "bait.sock"), 0o777);
    bait.__PORT__ = String((tcp.address() as net.AddressInfo).port);
    bait.__SOCKET__ = path.join(dir, "bait.sock");
    bait.__FILE__ = path.join(dir, "escaped.txt");
  });

  afterAll(async () => {
    await new Promise((r) => tcp.close(r));
    await new Promise((r) => unix.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`denies or kills each of its ${corpus.entries.length} UDFs with their clear error`, async () => {
    expect(corpus.entries.length).toBeGreaterThanOrEqual(25);
    const escaped: string[] = [];
    for (const e of corpus.entries) {
      const code = e.code.replace(/__[A-Z]+__/g, (k) => bait[k] ?? k);
      const before = touched.length;
      const r = await callWorker({ name: "attack", code, inputColumns: [{ name: "id", type: "BIGINT" }], outputColumns: [{ name: "out", type: "STRING" }] }, [["1"]]);
      const message = r.ok ? `ran and answered ${JSON.stringify(r.rows)}` : r.error.message;
      const left = await gone(5000);
      const why = [
        ...(new RegExp(e.expect).test(message) ? [] : [`expected /${e.expect}/, got: ${message}`]),
        ...(touched.length > before ? [`reached the bait: ${touched.slice(before).join(", ")}`] : []),
        ...(fs.readdirSync(dir).filter((f) => f !== "bait.sock").map((f) => `left a file: ${f}`)),
        ...(left.length ? [`left worker processes ${left.join(", ")}`] : []),
      ];
      if (why.length) escaped.push(`${e.name}: ${why.join("; ")}`);
    }
    console.log(`${corpus.entries.length - escaped.length} passed, ${escaped.length} escaped`);
    expect(escaped).toEqual([]);
  }, 600_000);
});
