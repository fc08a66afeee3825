// The one-exec sandbox launcher (jvm-runner/udf-worker/launch.c): compiled at first use where a C compiler exists, into
// a folder only this user can write, and cached there by the source's hash; null where it cannot be built.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { appRoot } from "@/server/runner/spawn";

export const launcherSource = () => path.join(appRoot(), "jvm-runner", "udf-worker", "launch.c");

/** `dir` exists as a real folder of ours that nobody else can write (so no one can swap the binary under us). */
function ownPrivateDir(dir: string): boolean {
  try {
    const st = fs.lstatSync(dir);
    return st.isDirectory() && st.uid === process.getuid?.() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

let built: { path: string | null; why: string } | undefined;

/** The launcher's path, or null (with why) when there is no C compiler or the build failed. */
export function launcher(source = launcherSource()): { path: string | null; why: string } {
  if (built) return built;
  built = build(source);
  return built;
}

function build(source: string): { path: string | null; why: string } {
  let text: Buffer;
  try {
    text = fs.readFileSync(source);
  } catch (e) {
    return { path: null, why: `no launcher source: ${(e as Error).message}` };
  }
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  let dir = path.join(os.tmpdir(), `streamcanvas-launch-${process.getuid?.() ?? "u"}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!ownPrivateDir(dir)) dir = fs.mkdtempSync(path.join(os.tmpdir(), "streamcanvas-launch-"));
  const bin = path.join(dir, `sc-launch-${hash}`);
  if (fs.existsSync(bin)) return { path: bin, why: "cached" };
  const tmp = `${bin}.${process.pid}.tmp`;
  for (const cc of ["cc", "gcc", "clang"]) {
    const r = spawnSync(cc, ["-O2", "-o", tmp, source], { encoding: "utf8", timeout: 60_000 });
    if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") continue;
    if (r.status !== 0) return { path: null, why: `${cc} could not build ${source}: ${(r.stderr || r.error?.message || "").trim().split("\n")[0]}` };
    fs.chmodSync(tmp, 0o700);
    fs.renameSync(tmp, bin);
    return { path: bin, why: `built with ${cc}` };
  }
  return { path: null, why: "no C compiler (cc, gcc or clang) on the PATH" };
}
