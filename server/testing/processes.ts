// What every test-stage harness (Kafka broker, Flink cluster, PostgreSQL) needs of the processes it starts: a free
// loopback port, whether a process still runs, its log's tail for an error, a stop that touches only its own children (and
// kills them if the test process exits without it), and a child environment as on a host without Node.js.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import net from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Alive means running: an exited process not yet reaped (state Z in /proc) counts as gone. */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return !stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** The last lines of a log file, for an error saying why a process did not start. */
export function logTail(file: string, lines = 40): string {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "(no log)";
}

/** SIGTERM (a clean shutdown), then SIGKILL after 20 s; only the process the harness started. */
export async function stopChild(child: ChildProcess, pid: number): Promise<void> {
  if (!alive(pid)) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timeout = new Promise<"late">((r) => setTimeout(() => r("late"), 20_000).unref());
  if ((await Promise.race([exited, timeout])) === "late") {
    child.kill("SIGKILL");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
  }
}

/**
 * The teardown of a harness's processes: once only, stops them newest first (a cluster's TaskManagers before its
 * JobManager) and removes their folder; until it runs, they are SIGKILLed if this process exits, so none outlives it.
 * `children` is read at each use, since a harness may start more (a restarted TaskManager) after this is made.
 */
export function ownedProcesses(dir: string, children: () => readonly { child: ChildProcess; pid: number }[]): () => Promise<void> {
  const killOnExit = () => children().forEach((c) => alive(c.pid) && process.kill(c.pid, "SIGKILL"));
  process.on("exit", killOnExit);
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", killOnExit);
    for (const c of [...children()].reverse()) await stopChild(c.child, c.pid);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** The environment less every PATH folder holding a `node` and STREAMCANVAS_NODE: a host without Node.js. */
export function withoutNode(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dirs = (env.PATH ?? "").split(":").filter((d) => d && !fs.existsSync(path.join(d, "node")));
  const { STREAMCANVAS_NODE: _, ...rest } = env;
  return { ...rest, PATH: dirs.join(":") };
}

/** A command's absolute path from this process's PATH (a child whose PATH lacks its folder still starts). */
export function absolute(cmd: string): string {
  if (cmd.includes("/")) return cmd;
  const dir = (process.env.PATH ?? "").split(":").find((d) => d && fs.existsSync(path.join(d, cmd)));
  return dir ? path.join(dir, cmd) : cmd;
}
