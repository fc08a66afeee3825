// npm run bench:udf (after UdfBench): what the sandbox adds to a worker's start-up. Spawns the worker program N times
// each way, alternating, and times spawn → its READY frame: without the sandbox (node under the permission model, only
// the shell that moves the frame pipe to fd 3) and with it (unshare + setpriv + the shell's caps, as runs and Try it do).
import { spawn } from "node:child_process";
import { probeSandbox } from "@/server/udf/worker-sandbox";
import { workerCommand } from "@/server/udf/worker-call";

const N = Number(process.argv[2] ?? 40);
const spec = { name: "lower", code: "export default (r) => ({ s: r.s?.toLowerCase() ?? null })", inputColumns: [{ name: "s", type: "STRING" }], outputColumns: [{ name: "s", type: "STRING" }] };

function frame(type: number, payload: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(payload));
  const head = Buffer.alloc(5);
  head.writeUInt32BE(body.length + 1);
  head[4] = type;
  return Buffer.concat([head, body]);
}

/** ms from spawn to the READY frame. */
function startOnce(cmd: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd[0]!, cmd.slice(1), { env: {} as NodeJS.ProcessEnv, cwd: "/", stdio: ["pipe", "pipe", "ignore"] });
    child.stdout.once("data", (d: Buffer) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      child.kill("SIGKILL");
      if (d[4] === 0x4b) resolve(ms); else reject(new Error(`expected READY, got ${d.toString("utf8", 0, 80)}`));
    });
    child.on("error", reject);
    child.stdin.write(frame(0x49, spec));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bare = { prefix: [], networkAllowed: true };
const ways = { "no sandbox": workerCommand(256, bare), sandbox: workerCommand(256, probeSandbox(false)) };
const times: Record<string, number[]> = { "no sandbox": [], sandbox: [] };
for (let i = 0; i < 3; i++) for (const cmd of Object.values(ways)) await startOnce(cmd); // warm the page cache
for (let i = 0; i < N; i++) for (const [k, cmd] of Object.entries(ways)) times[k]!.push(await startOnce(cmd));
const [a, b] = [median(times["no sandbox"]!), median(times.sandbox!)];
console.log(`worker start-up, spawn → READY, median of ${N} each, alternating:`);
console.log(`  no sandbox ${a.toFixed(1)} ms   sandbox ${b.toFixed(1)} ms   added ${(b - a).toFixed(1)} ms (target ≤ 1 ms)`);
