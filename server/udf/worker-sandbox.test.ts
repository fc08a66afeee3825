// The sandbox probe on this host: a network namespace is available (root or user namespaces), the opt-out drops only it.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";
import { probeSandbox, udfSandboxState, wrapWorker } from "./worker-sandbox";

describe("worker sandbox", () => {
  it("starts a command with no network: a TCP connect to loopback is unreachable", () => {
    const s = probeSandbox(false);
    expect(s.prefix[0]).toBe("unshare");
    const cmd = wrapWorker(s, [process.execPath, "-e", "require('net').connect(9, '127.0.0.1').on('error', (e) => console.log(e.code))"], 64);
    const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: "utf8", cwd: "/" });
    // the frame pipe (fd 3) is this stdout; the command's own stdout went to stderr
    expect(r.stderr.trim()).toBe("ENETUNREACH");
  });

  it("with the opt-out keeps the network but still the parent-death signal and caps", () => {
    const s = probeSandbox(true);
    expect(s.networkAllowed).toBe(true);
    expect(s.prefix).not.toContain("unshare");
    expect(s.prefix).toContain("--pdeathsig");
    const cmd = wrapWorker(s, ["/bin/sh", "-c", "ulimit -v"], 64);
    expect(spawnSync(cmd[0]!, cmd.slice(1), { encoding: "utf8" }).stderr.trim()).toBe(String((64 + 1024) * 1024));
  });

  it("reports the opt-out as a reduced sandbox", () => {
    expect(udfSandboxState(parseEnv({ STREAMCANVAS_UDF_ALLOW_NETWORK: "1" }))).toEqual({ networkAllowed: true, setting: "STREAMCANVAS_UDF_ALLOW_NETWORK" });
    expect(udfSandboxState(parseEnv({})).networkAllowed).toBe(false);
  });
});
