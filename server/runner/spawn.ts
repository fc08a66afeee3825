// Starting a jvm-runner process and waiting for its READY line; shared by the server's supervisor and the CLI.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { z } from "zod";
import { RunnerNotBuilt } from "@/server/errors";

export const READY_PREFIX = "STREAMCANVAS_RUNNER_READY ";
const ReadySchema = z.object({
  port: z.number().int(), pid: z.number().int(), flinkRestUrl: z.string().nullable().optional(),
  flinkRestCredential: z.string().nullable().optional(),
});
/** `flinkRestCredential`: the PEM file of the client key and certificate that Flink's REST endpoint demands */
export type RunnerReady = { port: number; pid: number; flinkRestUrl: string | null; flinkRestCredential: string | null };
export type RunnerCommand = { command: string; args: string[]; cwd: string };

/** The application's root (where jvm-runner/ and examples/ live): the bin sets it, the server runs from it. */
export const appRoot = () => process.env.STREAMCANVAS_HOME || process.cwd();


/**
 * `java <jvm.options> -cp classes:lib/* io.streamcanvas.runner.Main --port 0 [--data-root DIR] [--state-dir DIR]`,
 * checked to be built; without a data root the runner refuses the filesystem connector, without a state dir any
 * checkpoint or savepoint folder (with one, every such folder outside it).
 */
export function javaRunnerCommand(java: string, root = appRoot(), dataRoot?: string, stateDir?: string): RunnerCommand {
  const dir = path.join(root, "jvm-runner");
  const classes = path.join(dir, "target", "classes");
  const lib = path.join(dir, "target", "lib");
  if (!fs.existsSync(path.join(classes, "io")) || !fs.existsSync(lib)) {
    throw new RunnerNotBuilt(
      `jvm-runner is not built (${path.relative(process.cwd(), classes) || classes} or target/lib missing): ` +
        "run `npm run build` (or `mvn -B -q -f jvm-runner/pom.xml package -DskipTests`)",
    );
  }
  const optionsFile = path.join(dir, "jvm.options");
  const options = fs.existsSync(optionsFile)
    ? fs.readFileSync(optionsFile, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    : [];
  const heap = options.some((o) => o.startsWith("-Xmx")) ? [] : ["-Xmx1g"];
  const cp = [classes, path.join(lib, "*")].join(path.delimiter);
  return { command: java, args: [...heap, ...options, "-cp", cp, "io.streamcanvas.runner.Main", "--port", "0",
    ...(dataRoot ? ["--data-root", dataRoot] : []), ...(stateDir ? ["--state-dir", stateDir] : [])], cwd: root };
}

export const newSecret = () => randomBytes(24).toString("base64url");

export type SpawnedRunner = { child: ChildProcess; ready: RunnerReady; secret: string; url: string };

/**
 * Spawns the runner with a fresh secret in its environment (never on the command line) and resolves on READY.
 * Every other output line goes to `log`, before and after READY.
 */
export function spawnRunner(
  cmd: RunnerCommand, log: (line: string) => void, timeoutMs = 180_000, onSpawn?: (child: ChildProcess) => void,
): Promise<SpawnedRunner> {
  const secret = newSecret();
  const child = spawn(cmd.command, cmd.args, {
    cwd: cmd.cwd,
    env: { ...process.env, STREAMCANVAS_RUNNER_SECRET: secret },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onSpawn?.(child);
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    let settled = false;
    const fail = (msg: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${msg}${tail.length ? `\n  last runner output:\n  ${tail.join("\n  ")}` : ""}`));
    };
    const timer = setTimeout(() => fail(`runner did not report ready within ${timeoutMs / 1000} s`), timeoutMs);
    const onLine = (line: string) => {
      if (!settled && line.startsWith(READY_PREFIX)) {
        const r = ReadySchema.safeParse(safeJson(line.slice(READY_PREFIX.length)));
        if (!r.success) return fail(`runner printed an unreadable READY line: ${line}`);
        settled = true;
        clearTimeout(timer);
        const ready = {
          port: r.data.port, pid: r.data.pid, flinkRestUrl: r.data.flinkRestUrl ?? null,
          flinkRestCredential: r.data.flinkRestCredential ?? null,
        };
        return resolve({ child, ready, secret, url: `http://127.0.0.1:${ready.port}` });
      }
      tail.push(line);
      if (tail.length > 15) tail.shift();
      log(line);
    };
    readline.createInterface({ input: child.stdout! }).on("line", onLine);
    readline.createInterface({ input: child.stderr! }).on("line", onLine);
    child.on("error", (e) => fail(`could not start \`${cmd.command}\`: ${e.message}`));
    child.on("exit", (code, signal) => fail(`runner exited before it was ready (${signal ?? `exit code ${code}`})`));
  });
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** True if a process with this pid exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
