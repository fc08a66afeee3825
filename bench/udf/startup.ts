// npm run bench:udf (after UdfBench): what the sandbox adds to a worker's start-up. Spawns the worker program N times
// each way, alternating, and times spawn → its READY frame: without the sandbox (node under the permission model, only
// the shell that moves the frame pipe to fd 3), with it as runs and Try it start workers (the one-exec launcher where a C
// compiler built it), and with util-linux's chain (unshare + setpriv + the shell's caps), the fallback and the way before.
import { spawn } from "node:child_process";
import fs from "node:fs";
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

/**
 * ms from spawn to the READY frame, and the CPU ms the process's main thread used until then: the launcher, or
 * unshare, setpriv and the shell, exec in that same thread before node does, so their work and the kernel's (the
 * namespace, the uid switch) count there, and CPU time moves far less than wall time on a loaded machine.
 */
function startOnce(cmd: string[]): Promise<{ wall: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd[0]!, cmd.slice(1), { env: {} as NodeJS.ProcessEnv, cwd: "/", stdio: ["pipe", "pipe", "ignore"] });
    child.stdout.once("data", (d: Buffer) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = Number(fs.readFileSync(`/proc/${child.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
      child.kill("SIGKILL");
      if (d[4] === 0x4b) resolve({ wall, cpu }); else reject(new Error(`expected READY, got ${d.toString("utf8", 0, 80)}`));
    });
    child.on("error", reject);
    child.stdin.write(frame(0x49, spec));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bare = { prefix: [], networkAllowed: true };
const used = probeSandbox(false);
const ways = {
  "no sandbox": workerCommand(256, bare), sandbox: workerCommand(256, used),
  "util-linux chain": workerCommand(256, probeSandbox(false, undefined, false)),
};
const times: Record<string, number[]> = { "no sandbox": [], sandbox: [], "util-linux chain": [] };
const cpu: Record<string, number[]> = { "no sandbox": [], sandbox: [], "util-linux chain": [] };
for (let i = 0; i < 3; i++) for (const cmd of Object.values(ways)) await startOnce(cmd); // warm the page cache
// each round starts the three ways in a rotated order, so none always runs right after another
const entries = Object.entries(ways);
for (let i = 0; i < N; i++) {
  for (let j = 0; j < entries.length; j++) {
    const [k, cmd] = entries[(i + j) % entries.length]!;
    const t = await startOnce(cmd);
    times[k]!.push(t.wall);
    cpu[k]!.push(t.cpu);
  }
}
const [a, b, c] = [median(times["no sandbox"]!), median(times.sandbox!), median(times["util-linux chain"]!)];
// what a way adds, as the median of its difference to the bare start right before it (robust to a machine whose load
// drifts during the run, which moves all three medians by more than the few ms measured here)
const added = (xs: Record<string, number[]>, k: string) => median(xs[k]!.map((t, i) => t - xs["no sandbox"]![i]!));
const cpuOf = (k: string) => median(cpu[k]!);
console.log(`worker start-up, spawn → READY, median of ${N} each, rotating order (sandbox: ${used.launcher ? "the launcher" : "util-linux chain"}):`);
console.log(`  wall: no sandbox ${a.toFixed(1)} ms   sandbox ${b.toFixed(1)} ms (added ${added(times, "sandbox").toFixed(1)})   util-linux chain ${c.toFixed(1)} ms (added ${added(times, "util-linux chain").toFixed(1)})`);
console.log(`  main-thread CPU: no sandbox ${cpuOf("no sandbox").toFixed(2)} ms   sandbox ${cpuOf("sandbox").toFixed(2)} ms (added ${added(cpu, "sandbox").toFixed(2)}, target ≤ 1 ms)   util-linux chain ${cpuOf("util-linux chain").toFixed(2)} ms (added ${added(cpu, "util-linux chain").toFixed(2)})`);
