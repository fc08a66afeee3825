// How Try it confines a UDF worker, mirroring jvm-runner's WorkerSandbox.java (README "Sandbox"): an empty network
// namespace, the nobody user when the server is root, death with the server (parent-death signal), an address-space cap
// and no file writes, frames on fd 3 so the UDF's stdout is only a log. All in one exec by the launcher (launch.c) where
// it can be built, else by util-linux's unshare and setpriv and a shell (three execs more per worker).
import { spawnSync } from "node:child_process";
import { getEnv } from "@/env";
import { SandboxUnavailable } from "@/server/errors";
import { launcher } from "./launcher";

/** The opt-out (env.ts): workers start without a network namespace; the run panel says the sandbox is reduced. */
export const ALLOW_NETWORK = "STREAMCANVAS_UDF_ALLOW_NETWORK";
/** V8 reserves ~730 MB of address space at start; this much above the heap cap leaves ~500 MB for Buffers. */
export const ADDRESS_SPACE_HEADROOM_MB = 1024;
/** Caps (address space in KB as $1, no file writes, no core), then node with the frame pipe on fd 3, stdout on stderr. */
export const SHELL = 'ulimit -v "$1" && ulimit -f 0 && ulimit -c 0 && shift && unset PWD && exec "$@" 3>&1 1>&2';
const NOBODY = 65534;

/** `launcher`: the one-exec launcher's path (then `prefix` is unused); else `prefix` is the util-linux chain. */
export type Sandbox = { prefix: string[]; networkAllowed: boolean; launcher?: string };

export const addressSpaceMb = (heapMb: number) => heapMb + ADDRESS_SPACE_HEADROOM_MB;

/** The sandbox's state as the run panel shows it: reduced when the user opted out of the network namespace. */
export function udfSandboxState(env = getEnv()): { networkAllowed: boolean; setting: string } {
  return { networkAllowed: env[ALLOW_NETWORK], setting: ALLOW_NETWORK };
}

/** The commands tried, best first: as root a plain network namespace (then nobody), else a user namespace too. */
function candidates(allowNetwork: boolean, root: boolean): string[][] {
  const setpriv = ["setpriv", ...(root ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"] : []), "--pdeathsig", "KILL", "--"];
  if (allowNetwork) return [setpriv];
  return [...(root ? [["unshare", "-n", "--", ...setpriv]] : []), ["unshare", "-rn", "--", ...setpriv]];
}

/**
 * Probes the host once (a few ms, plus a compile of the launcher the first time); throws SandboxUnavailable when it
 * cannot isolate and the user did not opt out. `useLauncher: false` tries only the util-linux chain.
 */
export function probeSandbox(allowNetwork: boolean, root = process.getuid?.() === 0, useLauncher = true): Sandbox {
  const tried: string[] = [];
  const built = useLauncher ? launcher() : { path: null, why: "not tried" };
  if (built.path) {
    const r = spawnSync(built.path, [allowNetwork ? "net" : "nonet", "1048576", "true"], { env: {} as NodeJS.ProcessEnv, encoding: "utf8", timeout: 10_000 });
    if (r.status === 0) return { prefix: [], networkAllowed: allowNetwork, launcher: built.path };
    tried.push(`the launcher ${built.path}: ${r.error ? r.error.message : `exit ${r.status ?? r.signal}, ${r.stderr.trim().split("\n")[0]}`}`);
  }
  for (const prefix of candidates(allowNetwork, root)) {
    const r = spawnSync(prefix[0]!, [...prefix.slice(1), "/bin/sh", "-c", SHELL, "sh", "1048576", "true"], { env: {} as NodeJS.ProcessEnv, encoding: "utf8", timeout: 10_000 });
    if (r.status === 0) return { prefix, networkAllowed: allowNetwork };
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}${r.stderr.trim() ? `, ${r.stderr.trim().split("\n")[0]}` : ""}`;
    tried.push(`\`${prefix.slice(0, prefix.indexOf("--") + 1).join(" ")}\`: ${why}`);
  }
  throw new SandboxUnavailable(
    `TypeScript UDF workers run in their own network namespace, which this host cannot create (${tried.join("; ")}). ` +
      "The host needs util-linux's unshare and setpriv and either root or unprivileged user namespaces " +
      `(sysctl kernel.unprivileged_userns_clone=1). To run UDFs with network access instead, set ${ALLOW_NETWORK}=1.`,
  );
}

let probed: Sandbox | undefined;
/** The server's sandbox, probed on first use. */
export function sandbox(): Sandbox {
  probed ??= probeSandbox(getEnv()[ALLOW_NETWORK]);
  return probed;
}

/** The full command of a worker: the sandbox prefix, the shell that caps and moves the frame pipe, node's own. */
export function wrapWorker(s: Sandbox, node: string[], heapMb: number): string[] {
  if (s.launcher) return [s.launcher, s.networkAllowed ? "net" : "nonet", String(addressSpaceMb(heapMb) * 1024), ...node];
  return [...s.prefix, "/bin/sh", "-c", SHELL, "sh", String(addressSpaceMb(heapMb) * 1024), ...node];
}
