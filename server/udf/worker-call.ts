// Runs a bundled UDF over a few rows in the runner's own worker program (jvm-runner/udf-worker/worker.mjs), launched
// the way the runner launches it: Node's permission model (read only the script), an empty environment, a heap cap,
// and a deadline after which the process is killed. User code never runs inside the server process.
import { spawn } from "node:child_process";
import { SourceMap } from "node:module";
import path from "node:path";
import { appRoot } from "@/server/runner/spawn";

export type WorkerSpec = {
  /** the worker protocol's UDF kind; map when absent */
  kind?: "map" | "filter" | "flatMap";
  name: string; code: string;
  inputColumns: { name: string; type: string }[]; outputColumns: { name: string; type: string }[];
};
export type WorkerLog = { level: string; line: string };
export type WorkerOutcome =
  | { ok: true; rows: unknown[][]; logs: WorkerLog[] }
  | { ok: false; error: { message: string; stack: string[]; row: unknown }; logs: WorkerLog[] };

const FRAME = { INIT: 0x49, BATCH: 0x42, READY: 0x4b, RESULT: 0x52, ERROR: 0x45, LOG: 0x4c };

/** Node 22.13 made the permission model stable under `--permission`; Node 20 knows only the experimental flag. */
export function permissionFlag(version = process.versions.node): string {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? "--permission" : "--experimental-permission";
}

export function workerScript(): string {
  return path.join(appRoot(), "jvm-runner", "udf-worker", "worker.mjs");
}

function frame(type: number, payload: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(payload), "utf8");
  const head = Buffer.alloc(5);
  head.writeUInt32BE(body.length + 1, 0);
  head[4] = type;
  return Buffer.concat([head, body]);
}

/** The bundle's inline source map (server/udf/bundle.ts appends it), or null. */
function sourceMapOf(code: string): SourceMap | null {
  const m = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
  if (!m) return null;
  try {
    return new SourceMap(JSON.parse(Buffer.from(m[1]!, "base64").toString("utf8")));
  } catch {
    return null;
  }
}

/**
 * The UDF's own stack frames, its data: URL shown as `<name>.ts:line:col` through the bundle's source map (as the
 * runner shows them), or as `<name>.js:line:col` where nothing maps.
 */
function userFrames(stack: string, name: string, code: string): string[] {
  const map = sourceMapOf(code);
  const at = (line: number, col: number) => {
    const e = map?.findEntry(line - 1, col - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    return e?.originalSource?.endsWith("udf.ts") && e.originalLine !== undefined
      ? `${name}.ts:${e.originalLine + 1}:${(e.originalColumn ?? 0) + 1}` : `${name}.js:${line}:${col}`;
  };
  return stack.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("at ") && l.includes("data:text/javascript"))
    .slice(0, 8).map((l) => `in ${l.slice(3).replace(/data:text\/javascript;base64,[A-Za-z0-9+/=]*:(\d+):(\d+)/g, (_, a: string, b: string) => at(Number(a), Number(b)))}`);
}

export function callWorker(spec: WorkerSpec, rows: unknown[][], o: { deadlineMs?: number; heapMb?: number } = {}): Promise<WorkerOutcome> {
  const script = workerScript();
  const child = spawn(process.execPath, [
    permissionFlag(), `--allow-fs-read=${script}`, `--max-old-space-size=${o.heapMb ?? 128}`, "--no-warnings", script,
  ], { env: {} as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] });
  const logs: WorkerLog[] = [];
  let stderr = "";
  return new Promise<WorkerOutcome>((resolve) => {
    let settled = false;
    const finish = (r: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      resolve(r);
    };
    const fail = (message: string, stack: string[] = [], row: unknown = null) => finish({ ok: false, error: { message, stack, row }, logs });
    const timer = setTimeout(() => fail(`UDF "${spec.name}" did not answer within ${o.deadlineMs ?? 5000} ms (an endless loop?); its worker was killed`), o.deadlineMs ?? 5000);
    let pending = Buffer.alloc(0);
    child.stdout.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
        const len = pending.readUInt32BE(0);
        const type = pending[4];
        const body = JSON.parse(pending.toString("utf8", 5, 4 + len)) as unknown;
        pending = pending.subarray(4 + len);
        if (type === FRAME.LOG) logs.push(...(body as WorkerLog[]));
        else if (type === FRAME.RESULT) finish({ ok: true, rows: body as unknown[][], logs });
        else if (type === FRAME.ERROR) {
          const e = body as { message: string; stack: string; row: unknown };
          fail(`UDF "${spec.name}" failed: ${e.message}`, userFrames(e.stack, spec.name, spec.code), e.row);
        }
      }
    });
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString("utf8")).slice(-4000)));
    child.on("error", (e) => fail(`cannot start the UDF worker: ${e.message}`));
    child.on("exit", (code, signal) => fail(`the UDF worker exited (${signal ?? `code ${code}`})${stderr ? `: ${stderr.trim().split("\n").slice(-3).join(" ")}` : ""}`));
    child.stdin.on("error", () => {}); // an early exit is reported by the exit handler
    child.stdin.write(frame(FRAME.INIT, spec));
    child.stdin.write(frame(FRAME.BATCH, rows));
  });
}
