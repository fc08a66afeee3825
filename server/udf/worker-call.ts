// Runs a bundled UDF over a few rows in the runner's own worker program (jvm-runner/udf-worker/worker.mjs), launched
// the way the runner launches it: the sandbox of worker-sandbox.ts, Node's permission model (no file access: the program
// is `-e` text), an empty environment, heap and memory caps, and a deadline after which the process is killed.
// User code never runs inside the server process.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { appRoot } from "@/server/runner/spawn";
import { addressSpaceMb, sandbox, type Sandbox, wrapWorker } from "./worker-sandbox";

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
/** The largest frame a worker may send (worker.mjs, WorkerProcess.MAX_FRAME_BYTES): a bigger one fails the call. */
export const MAX_FRAME_BYTES = 64 << 20;
/** Lines of the UDF's own stdout/stderr kept as logs, each cut at MAX_LINE characters. */
const MAX_OUTPUT_LINES = 100;
const MAX_LINE = 2000;

/** Node 22.13 made the permission model stable under `--permission`; Node 20 knows only the experimental flag. */
export function permissionFlag(version = process.versions.node): string {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? "--permission" : "--experimental-permission";
}

export function workerScript(): string {
  return path.join(appRoot(), "jvm-runner", "udf-worker", "worker.mjs");
}
let workerSource: string | undefined;

/** node's command line for a worker (as NodeRuntime.command builds it), inside the sandbox's. */
export function workerCommand(heapMb: number, s: Sandbox = sandbox()): string[] {
  workerSource ??= fs.readFileSync(workerScript(), "utf8");
  return wrapWorker(s, [process.execPath, permissionFlag(), `--max-old-space-size=${heapMb}`, "--no-warnings", "--input-type=module", "-e", workerSource], heapMb);
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
  const heapMb = o.heapMb ?? 128;
  let cmd: string[];
  try {
    cmd = workerCommand(heapMb);
  } catch (e) {
    return Promise.resolve({ ok: false, error: { message: (e as Error).message, stack: [], row: null }, logs: [] });
  }
  const child = spawn(cmd[0]!, cmd.slice(1), { env: {} as NodeJS.ProcessEnv, cwd: "/", stdio: ["pipe", "pipe", "pipe"] });
  const logs: WorkerLog[] = [];
  let stderr = "";
  let outOfMemory = false;
  const outputLines = lineSplitter((line) => {
    if (/heap out of memory|Reached heap limit/.test(line)) outOfMemory = true;
    if (logs.length < MAX_OUTPUT_LINES) logs.push({ level: "warn", line });
  });
  const oomMessage = (detail?: string) => `UDF "${spec.name}": its worker process ran out of memory (heap cap ${heapMb} MB, memory cap ${addressSpaceMb(heapMb)} MB)${detail ? `: ${detail}` : ""}`;
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
    const malformed = (why: string) => fail(`UDF "${spec.name}": its worker sent a malformed frame (${why})`);
    child.stdout.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (!settled && pending.length >= 4) {
        const len = pending.readUInt32BE(0);
        if (len < 1 || len > MAX_FRAME_BYTES) {
          return fail(`UDF "${spec.name}": its worker sent a frame of ${len} bytes, above the limit of ${MAX_FRAME_BYTES >> 20} MB (a batch's answer too large, or a forged frame)`);
        }
        if (pending.length < 4 + len) return;
        const type = pending[4];
        let body: unknown;
        try {
          body = JSON.parse(pending.toString("utf8", 5, 4 + len));
        } catch (e) {
          return malformed((e as Error).message);
        }
        pending = pending.subarray(4 + len);
        if (type === FRAME.LOG && Array.isArray(body)) logs.push(...(body as WorkerLog[]));
        else if (type === FRAME.RESULT && Array.isArray(body)) finish({ ok: true, rows: body as unknown[][], logs });
        else if (type === FRAME.ERROR && typeof body === "object" && body !== null) {
          const e = body as { message: string; stack: string; row: unknown; outOfMemory?: boolean };
          if (e.outOfMemory) fail(oomMessage(e.message));
          else fail(`UDF "${spec.name}" failed: ${e.message}`, userFrames(String(e.stack ?? ""), spec.name, spec.code), e.row);
        } else if (type !== FRAME.READY) malformed(`type byte ${type}`);
      }
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString("utf8")).slice(-4000);
      outputLines(d);
    });
    child.on("error", (e) => fail(`cannot start the UDF worker: ${e.message}`));
    child.on("exit", (code, signal) => fail(outOfMemory ? oomMessage()
      : `the UDF worker exited (${signal ?? `code ${code}`})${stderr ? `: ${stderr.trim().split("\n").slice(-3).join(" ")}` : ""}`));
    child.stdin.on("error", () => {}); // an early exit is reported by the exit handler
    child.stdin.write(frame(FRAME.INIT, spec));
    child.stdin.write(frame(FRAME.BATCH, rows));
  });
}

/** Calls `take` per line of a byte stream, each cut at MAX_LINE characters (the rest of an overlong line dropped). */
function lineSplitter(take: (line: string) => void): (chunk: Buffer) => void {
  let line = "";
  return (chunk) => {
    const parts = chunk.toString("utf8").split("\n");
    for (let i = 0; i < parts.length; i++) {
      if (line.length < MAX_LINE) line += parts[i]!.slice(0, MAX_LINE - line.length);
      if (i < parts.length - 1) {
        if (line.trim()) take(line);
        line = "";
      }
    }
  };
}
