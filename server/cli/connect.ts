// The CLI's runner: the server's (runner.json or STREAMCANVAS_RUNNER_URL) if it answers, else one of its own.
import path from "node:path";
import type { Env } from "@/env";
import { createRunnerClient, type RunnerClient } from "@/server/runner/client";
import { readRunnerFile } from "@/server/runner/runner-file";
import { isAlive, javaRunnerCommand, spawnRunner } from "@/server/runner/spawn";

export type Connection = { client: RunnerClient; source: string; close(): Promise<void> };

/** `dataRoot`: given to a runner we start, which confines filesystem sources and sinks to it. */
export async function connectRunner(env: Env, dataDir: string, log: (l: string) => void, dataRoot?: string): Promise<Connection> {
  if (env.STREAMCANVAS_RUNNER_URL) {
    const client = createRunnerClient(env.STREAMCANVAS_RUNNER_URL, env.STREAMCANVAS_RUNNER_SECRET!);
    await client.health();
    return { client, source: env.STREAMCANVAS_RUNNER_URL, close: async () => {} };
  }
  const rec = readRunnerFile(dataDir);
  if (rec && isAlive(rec.pid)) {
    const client = createRunnerClient(`http://127.0.0.1:${rec.port}`, rec.secret);
    const healthy = await client.health().then(() => true, () => false);
    if (healthy) return { client, source: `the server's runner (pid ${rec.pid})`, close: async () => {} };
  }
  log("no runner is up; starting one (this takes a few seconds)");
  const started = await spawnRunner(javaRunnerCommand(env.JAVA, undefined, dataRoot, path.join(dataDir, "flink-state")), (l) => log(`[runner] ${l}`));
  const { child } = started;
  const stopOnExit = () => child.kill("SIGTERM");
  process.once("exit", stopOnExit);
  return {
    client: createRunnerClient(started.url, started.secret),
    source: `a runner of its own (pid ${started.ready.pid})`,
    async close() {
      process.off("exit", stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}
