// npx tsx bench/udf/worker-cost.ts [batches] [revision]: a worker's CPU seconds (utime+stime from /proc) on the same
// binary batches of lower(s), an older revision's worker launched its way (default 04d3980: plain node, frames on
// stdout) against this tree's in the full sandbox, alternating four times. CPU time, unlike rows/s, barely moves with
// the load of a shared machine.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { workerCommand, permissionFlag } from "@/server/udf/worker-call";
import { probeSandbox } from "@/server/udf/worker-sandbox";

const BATCHES = Number(process.argv[2] ?? 1500), ROWS = 1024;
const REV = process.argv[3] ?? "04d3980";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-worker-cost-"));
const oldWorker = path.join(dir, "worker.mjs");
fs.writeFileSync(oldWorker, execFileSync("git", ["show", `${REV}:jvm-runner/udf-worker/worker.mjs`]));
const spec = { name: "lower", code: "export default (r) => ({ s: r.s === null ? null : r.s.toLowerCase() })", inputColumns: [{ name: "s", type: "STRING" }], outputColumns: [{ name: "s", type: "STRING" }] };
const frame = (t: number, body: Buffer) => { const h = Buffer.alloc(5); h.writeUInt32BE(body.length + 1); h[4] = t; return Buffer.concat([h, body]); };
const parts = [Buffer.alloc(4)]; parts[0]!.writeUInt32LE(ROWS);
for (let i = 0; i < ROWS; i++) { const s = Buffer.from(("AbCdEfGhIj".repeat(9) + i).slice(0, 90)); const h = Buffer.alloc(5); h[0] = 1; h.writeUInt32LE(s.length, 1); parts.push(h, s); }
const batch = frame(0x62, Buffer.concat(parts));
const init = frame(0x49, Buffer.from(JSON.stringify(spec)));
const clk = 100; // USER_HZ
function cpu(pid: number) { const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8"); const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) / clk; }
function runOnce(cmd: string[]): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(cmd[0]!, cmd.slice(1), { env: {} as NodeJS.ProcessEnv, cwd: "/", stdio: ["pipe", "pipe", "ignore"] });
    let got = 0, pending = Buffer.alloc(0), sent = 0, base = 0;
    const pump = () => { while (sent - got < 4 && sent < BATCHES) { c.stdin.write(batch); sent++; } };
    c.stdout.on("data", (d: Buffer) => {
      pending = Buffer.concat([pending, d]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
        const t = pending[4]; pending = pending.subarray(4 + pending.readUInt32BE(0));
        if (t === 0x4b) { base = cpu(c.pid!); pump(); }
        else if (t === 0x72) { got++; if (got === BATCHES) { const used = cpu(c.pid!) - base; c.kill("SIGKILL"); resolve(used); } else pump(); }
        else { console.log("unexpected frame", t); c.kill("SIGKILL"); resolve(NaN); }
      }
    });
    c.stdin.write(init);
  });
}
const before = [process.execPath, permissionFlag(), `--allow-fs-read=${oldWorker}`, "--max-old-space-size=256", "--no-warnings", oldWorker];
const after = workerCommand(256, probeSandbox(false));
const r: Record<string, number[]> = { before: [], after: [] };
for (let i = 0; i < 4; i++) { r.before!.push(await runOnce(before)); r.after!.push(await runOnce(after)); }
const med = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1]!;
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${BATCHES} batches of ${ROWS} rows each way, alternating x4; worker CPU seconds: before (${REV}) ${r.before!.map((x) => x.toFixed(2)).join(" ")}, after ${r.after!.map((x) => x.toFixed(2)).join(" ")}`);
console.log(`median: before ${med(r.before!).toFixed(2)} s, after ${med(r.after!).toFixed(2)} s, after/before ${(med(r.after!) / med(r.before!)).toFixed(3)}`);
