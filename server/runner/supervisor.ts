// Runner supervisor: adopts or starts the jvm-runner, checks its health, restarts it with backoff, reports lost runs.
import type { ChildProcess } from "node:child_process";
import { createRunnerClient, type RunnerClient } from "./client";
import { readRunnerFile, removeRunnerFile, writeRunnerFile } from "./runner-file";
import { isAlive, spawnRunner, type RunnerCommand } from "./spawn";

import type { LostRun, RunnerStatus } from "./status";
import type { FlinkTarget } from "@/server/monitor/flink-http";
import { RunnerUnavailable } from "@/server/errors";

export type { LostRun, RunnerState, RunnerStatus } from "./status";

export type SupervisorOptions = {
  dataDir: string;
  /** how to start a runner; may throw (e.g. not built), which leaves the state "down" and retries later */
  command: () => RunnerCommand;
  /** an already-running runner to use instead of starting one (never restarted by us) */
  external?: { url: string; secret: string };
  log?: (line: string) => void;
  healthIntervalMs?: number;
  /** called when the runner died: mark the runs that were active as lost and return them */
  onRunnerLost?: () => LostRun[];
  /** called after every (re)adoption or start: reconcile runs with the runner's jobs; returns runs found lost */
  onRunnerReady?: (client: RunnerClient) => Promise<LostRun[]>;
};

const FAILS_BEFORE_DEAD = 3;

export class RunnerSupervisor {
  private status: RunnerStatus = { state: "starting", message: "starting the runner", flinkRestUrl: null, lostRuns: [] };
  private listeners = new Set<(s: RunnerStatus) => void>();
  private client: RunnerClient | null = null;
  private child: ChildProcess | null = null;
  private pid: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private fails = 0;
  private attempt = 0;
  private stopped = false;
  private booting: Promise<void> | null = null;
  /** a runner started but not yet ready: stop() and killNow() must not leave it behind */
  private spawning: ChildProcess | null = null;
  /** the client credential of the runner's Flink REST endpoint (never in the status: that goes to browsers) */
  private flinkCredential: string | null = null;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: SupervisorOptions) {
    this.log = opts.log ?? ((l) => console.log(`[runner] ${l}`));
  }

  getStatus(): RunnerStatus {
    return this.status;
  }
  currentClient(): RunnerClient | null {
    return this.status.state === "ready" ? this.client : null;
  }
  /** pid of the runner process we look after (started or adopted), for tests and the CLI */
  runnerPid(): number | null {
    return this.pid;
  }
  subscribe(fn: (s: RunnerStatus) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  start(): Promise<void> {
    this.booting ??= this.boot("starting").finally(() => (this.booting = null));
    return this.booting;
  }

  /** Resolves with a client once the runner is ready; rejects at once while it is down, else after timeoutMs. */
  async whenReady(timeoutMs: number): Promise<RunnerClient> {
    const c = this.currentClient();
    if (c) return c;
    if (this.status.state === "down") throw new RunnerUnavailable(`runner is down: ${this.status.message}`);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new RunnerUnavailable(`runner not ready (${this.status.state}: ${this.status.message})`));
      }, timeoutMs);
      const off = this.subscribe(() => {
        const client = this.currentClient();
        if (client) {
          clearTimeout(timer);
          off();
          resolve(client);
        }
      });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.spawning?.kill("SIGTERM");
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(t);
      if (this.pid !== null) removeRunnerFile(this.opts.dataDir, this.pid);
    }
    this.set({ state: "down", message: "stopped" });
  }

  /** Synchronous last-moment stop for process exit: signals our own runner and forgets it. */
  killNow(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.spawning?.kill("SIGTERM");
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGTERM");
      if (this.pid !== null) removeRunnerFile(this.opts.dataDir, this.pid);
    }
    this.child = null;
  }

  /** Where the current runner's Flink REST API is and the credential it demands; null while there is none. */
  flinkTarget(): FlinkTarget | null {
    const url = this.status.flinkRestUrl;
    return url ? { url, credential: this.flinkCredential } : null;
  }

  private set(patch: Partial<RunnerStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const fn of this.listeners) fn(this.status);
  }

  private async boot(state: "starting" | "restarting"): Promise<void> {
    while (!this.stopped) {
      try {
        const adopted = await this.adopt();
        if (!adopted) await this.spawn(state);
        if (this.stopped) return;
        this.attempt = 0;
        this.fails = 0;
        const lost = (await this.opts.onRunnerReady?.(this.client!)) ?? [];
        this.set({
          state: "ready", message: adopted ? "runner adopted" : "runner ready",
          ...(lost.length ? { lostRuns: [...this.status.lostRuns, ...lost] } : {}),
        });
        this.scheduleHealth();
        return;
      } catch (e) {
        const wait = Math.min(30_000, 1_000 * 2 ** this.attempt++);
        this.set({ state: "down", message: `${(e as Error).message} (retrying in ${Math.round(wait / 1000)} s)` });
        this.log(`could not start: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, wait));
        state = "restarting";
      }
    }
  }

  /** Reuses an external runner or the one recorded in runner.json if it still answers with its secret. */
  private async adopt(): Promise<boolean> {
    const ext = this.opts.external;
    const rec = ext ? { url: ext.url, secret: ext.secret, pid: null, flinkRestUrl: null } : this.recorded();
    if (!rec) return false;
    const client = createRunnerClient(rec.url, rec.secret);
    try {
      const h = await client.health();
      this.client = client;
      this.pid = rec.pid;
      this.flinkCredential = h.flinkRestCredential ?? null;
      this.set({ flinkRestUrl: h.flinkRestUrl });
      this.log(`adopted runner at ${rec.url}${rec.pid ? ` (pid ${rec.pid})` : ""}`);
      return true;
    } catch (e) {
      if (ext) throw e; // an external runner is not ours to replace
      return false;
    }
  }

  private recorded() {
    const f = readRunnerFile(this.opts.dataDir);
    if (!f || !isAlive(f.pid)) return undefined;
    return { url: `http://127.0.0.1:${f.port}`, secret: f.secret, pid: f.pid as number | null, flinkRestUrl: f.flinkRestUrl };
  }

  private async spawn(state: "starting" | "restarting"): Promise<void> {
    this.set({ state, message: state === "starting" ? "starting the runner" : "restarting the runner" });
    const onLine = (l: string) => {
      this.log(l);
      if (this.status.state !== "ready") this.set({ message: l.slice(0, 200) });
    };
    const started = await spawnRunner(this.opts.command(), onLine, undefined, (c) => (this.spawning = c)).finally(
      () => (this.spawning = null),
    );
    if (this.stopped) {
      started.child.kill("SIGTERM"); // stop() came while it was booting
      return;
    }
    this.child = started.child;
    this.pid = started.ready.pid;
    this.client = createRunnerClient(started.url, started.secret);
    this.flinkCredential = started.ready.flinkRestCredential;
    this.set({ flinkRestUrl: started.ready.flinkRestUrl });
    writeRunnerFile(this.opts.dataDir, { ...started.ready, secret: started.secret, startedAt: Date.now() });
    const child = started.child;
    child.once("exit", (code, signal) => {
      if (this.child === child && !this.stopped) void this.died(`runner exited (${signal ?? `code ${code}`})`);
    });
  }

  private scheduleHealth(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.checkHealth(), this.opts.healthIntervalMs ?? 2_000);
  }

  private async checkHealth(): Promise<void> {
    if (this.stopped || this.status.state !== "ready" || !this.client) return;
    if (this.pid !== null && !isAlive(this.pid)) return this.died(`runner process ${this.pid} is gone`);
    try {
      await this.client.health();
      this.fails = 0;
    } catch (e) {
      if (++this.fails >= FAILS_BEFORE_DEAD) {
        if (this.opts.external) {
          this.set({ state: "down", message: (e as Error).message });
          return void this.start();
        }
        if (this.pid !== null) process.kill(this.pid, "SIGKILL");
        return this.died(`runner stopped answering: ${(e as Error).message}`);
      }
    }
    this.scheduleHealth();
  }

  private async died(reason: string): Promise<void> {
    if (this.status.state !== "ready" || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.log(reason);
    this.client = null;
    this.child = null;
    if (this.pid !== null) removeRunnerFile(this.opts.dataDir, this.pid);
    this.pid = null;
    const lost = this.opts.onRunnerLost?.() ?? [];
    this.set({ state: "restarting", message: `${reason}; restarting`, lostRuns: lost, flinkRestUrl: null });
    await (this.booting ??= this.boot("restarting").finally(() => (this.booting = null)));
  }
}
