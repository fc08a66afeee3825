// The sandbox probe on this host, both ways a worker can be confined (the one-exec launcher where a C compiler built it,
// and util-linux's chain): no network, nobody as root, death with the parent, caps; the opt-out drops only the network.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";
import { launcher } from "./launcher";
import { probeSandbox, udfSandboxState, wrapWorker, type Sandbox } from "./worker-sandbox";

const root = process.getuid?.() === 0;
const run = (s: Sandbox, cmd: string[]) => {
  const c = wrapWorker(s, cmd, 64);
  return spawnSync(c[0]!, c.slice(1), { encoding: "utf8", cwd: "/" });
};

describe("worker sandbox", () => {
  it("builds the launcher here (a C compiler is on this host) and prefers it", () => {
    expect(launcher().path).toMatch(/sc-launch-[0-9a-f]{16}$/);
    expect(probeSandbox(false).launcher).toBe(launcher().path);
  });

  for (const [way, useLauncher] of [["the launcher", true], ["util-linux's chain", false]] as const) {
    it(`${way}: no network, caps, frames on fd 3, nobody as root, and death with the parent`, async () => {
      const s = probeSandbox(false, root, useLauncher);
      expect(s.launcher !== undefined).toBe(useLauncher);
      if (!useLauncher) expect(s.prefix[0]).toBe("unshare");
      // a TCP connect to loopback is unreachable; the command's stdout went to stderr, fd 3 is this stdout
      const net = run(s, [process.execPath, "-e", "require('net').connect(9, '127.0.0.1').on('error', (e) => console.log(e.code)); require('fs').writeSync(3, 'frame')"]);
      expect([net.stderr.trim(), net.stdout]).toEqual(["ENETUNREACH", "frame"]);
      const ids = run(s, ["/bin/sh", "-c", "ulimit -v; ulimit -f; ulimit -c; id -u; grep -c . /proc/net/dev"]);
      expect(ids.stderr.trim().split("\n")).toEqual([String((64 + 1024) * 1024), "0", "0", root ? "65534" : "0", "3"]);
      // killed when its parent dies: a shell starts it and exits at once
      const c = wrapWorker(s, ["/bin/sleep", "60"], 64);
      const parent = spawn("/bin/sh", ["-c", `"$@" & echo $!; sleep 0.3`, "sh", ...c], { stdio: ["ignore", "pipe", "ignore"] });
      const pid = Number((await new Promise<Buffer>((r) => parent.stdout.once("data", r))).toString().trim());
      await new Promise((r) => parent.once("exit", r));
      const until = Date.now() + 5_000;
      while (fs.existsSync(`/proc/${pid}`) && !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8")) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(fs.existsSync(`/proc/${pid}`) && !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"))).toBe(false);
    });

    it(`${way} with the opt-out keeps the network but still the parent-death signal and caps`, () => {
      const s = probeSandbox(true, root, useLauncher);
      expect(s.networkAllowed).toBe(true);
      if (!useLauncher) {
        expect(s.prefix).not.toContain("unshare");
        expect(s.prefix).toContain("--pdeathsig");
      }
      const r = run(s, ["/bin/sh", "-c", "ulimit -v; grep -c . /proc/net/dev"]);
      expect(Number(r.stderr.trim().split("\n")[0])).toBe((64 + 1024) * 1024);
      expect(Number(r.stderr.trim().split("\n")[1])).toBeGreaterThan(3);
    });
  }

  it("reports the opt-out as a reduced sandbox", () => {
    expect(udfSandboxState(parseEnv({ STREAMCANVAS_UDF_ALLOW_NETWORK: "1" }))).toEqual({ networkAllowed: true, setting: "STREAMCANVAS_UDF_ALLOW_NETWORK" });
    expect(udfSandboxState(parseEnv({})).networkAllowed).toBe(false);
  });
});
