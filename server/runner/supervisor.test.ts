// Supervisor against a real child process speaking the runner API (testing/fake-runner.mjs): start, adopt,
// crash and restart with lost runs, stop. The same paths run against the real jvm-runner in *.int.test.ts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import { readRunnerFile, runnerFilePath } from "./runner-file";
import { isAlive } from "./spawn";
import { stopRunnerOnSignals } from "./stop-on-signals";
import { RunnerSupervisor, type RunnerStatus, type SupervisorOptions } from "./supervisor";
import { RunnerNotBuilt } from "@/server/errors";

const fake = path.join(import.meta.dirname, "testing", "fake-runner.mjs");
const command = () => ({ command: process.execPath, args: [fake], cwd: process.cwd() });

let dir: string;
const sups: RunnerSupervisor[] = [];
const make = (o: Partial<SupervisorOptions> = {}) => {
  const s = new RunnerSupervisor({ dataDir: dir, command, log: () => {}, healthIntervalMs: 200, ...o });
  sups.push(s);
  return s;
};
const until = (s: RunnerSupervisor, pred: (st: RunnerStatus) => boolean) =>
  new Promise<RunnerStatus>((resolve) => {
    if (pred(s.getStatus())) return resolve(s.getStatus());
    const off = s.subscribe((st) => pred(st) && (off(), resolve(st)));
  });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-sup-"));
});
afterEach(async () => {
  for (const s of sups.splice(0)) await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("RunnerSupervisor", () => {
  it("starts a runner, records it in runner.json (0600), and answers health", async () => {
    const s = make();
    await s.start();
    expect(s.getStatus().state).toBe("ready");
    const rec = readRunnerFile(dir)!;
    expect(rec.pid).toBe(s.runnerPid());
    expect(fs.statSync(runnerFilePath(dir)).mode & 0o777).toBe(0o600);
    expect((await s.currentClient()!.health()).status).toBe("ok");
  });

  it("re-adopts a live runner from runner.json instead of starting a second one", async () => {
    const a = make();
    await a.start();
    const b = make();
    await b.start();
    expect(b.getStatus().message).toBe("runner adopted");
    expect(b.runnerPid()).toBe(a.runnerPid());
  });

  it("restarts a killed runner and reports the runs it lost", async () => {
    const lost = [{ runId: "r1", pipelineId: "p1", jobId: "j1" }];
    const s = make({ onRunnerLost: () => lost });
    await s.start();
    const first = s.runnerPid()!;
    const restarting = until(s, (st) => st.state === "restarting");
    process.kill(first, "SIGKILL");
    expect((await restarting).lostRuns).toEqual(lost);
    const ready = await until(s, (st) => st.state === "ready");
    expect(ready.lostRuns).toEqual(lost);
    expect(s.runnerPid()).not.toBe(first);
    expect(readRunnerFile(dir)!.pid).toBe(s.runnerPid());
  });

  it("stops its runner and removes runner.json", async () => {
    const s = make();
    await s.start();
    const pid = s.runnerPid()!;
    await s.stop();
    expect(isAlive(pid)).toBe(false);
    expect(fs.existsSync(runnerFilePath(dir))).toBe(false);
    expect(s.getStatus().state).toBe("down");
  });

  it("on SIGINT/SIGTERM stops its runner at once and does not restart it when it exits while the server closes", async () => {
    const s = make();
    await s.start();
    const pid = s.runnerPid()!;
    const states: string[] = [];
    s.subscribe((st) => states.push(st.state));
    const proc = Object.assign(new EventEmitter(), { pid: 4242, kill: (p: number, sig: string) => void kills.push(`${p} ${sig}`) });
    const kills: string[] = [];
    proc.on("SIGTERM", () => {}); // Next.js's own handler, which exits once its connections are closed
    stopRunnerOnSignals(s, proc);
    proc.emit("SIGTERM");
    process.kill(pid, "SIGINT"); // the runner dies of the signal too, while the server is still closing
    while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 600)); // three health intervals: time for a wrongful restart to begin
    expect(states).not.toContain("restarting");
    expect(s.getStatus().state).toBe("down");
    expect(fs.existsSync(runnerFilePath(dir))).toBe(false);
    expect(kills).toEqual([]); // Next.js listens, so the signal is not raised again
  });

  it("raises the signal again when nobody else listens, so the process still exits", async () => {
    const s = make();
    const kills: string[] = [];
    const proc = Object.assign(new EventEmitter(), { pid: 4242, kill: (p: number, sig: string) => void kills.push(`${p} ${sig}`) });
    stopRunnerOnSignals(s, proc);
    proc.emit("SIGINT");
    expect(kills).toEqual(["4242 SIGINT"]);
  });

  it("leaves no runner behind when stopped while the runner is still booting", async () => {
    let pid = 0;
    const s: RunnerSupervisor = make({
      log: (l) => {
        const m = /booting pid=(\d+)/.exec(l);
        if (m) (pid = Number(m[1])), void s.stop();
      },
    });
    await s.start();
    expect(pid).toBeGreaterThan(0);
    while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
    expect(s.getStatus().state).toBe("down");
    expect(fs.existsSync(runnerFilePath(dir))).toBe(false);
  });

  it("is down with the reason when the runner cannot be started, and whenReady rejects", async () => {
    const s = make({ command: () => { throw new RunnerNotBuilt("jvm-runner is not built"); } });
    void s.start();
    const st = await until(s, (x) => x.state === "down");
    expect(st.message).toMatch(/not built/);
    await expect(s.whenReady(600_000)).rejects.toThrow(/down: .*not built/); // at once, not after the timeout
  });
});
