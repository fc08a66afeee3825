// What this process actually listens on (Linux /proc), the non-loopback guard on it, and the host names it answers to.
import fs from "node:fs";
import os from "node:os";
import { isLoopbackName } from "./access";

export type Bound = { address: string; port: number };

/** "0100007F" → 127.0.0.1; 32 hex digits → an IPv6 address in groups (v4-mapped shown as IPv4). */
function decodeAddress(hex: string): string {
  if (hex.length === 8) return Buffer.from(hex, "hex").reverse().join(".");
  const words = Array.from({ length: 4 }, (_, i) => Buffer.from(hex.slice(i * 8, i * 8 + 8), "hex").reverse());
  const b = Buffer.concat(words);
  if (b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff) return [...b.subarray(12)].join(".");
  const groups = Array.from({ length: 8 }, (_, i) => b.readUInt16BE(i * 2).toString(16));
  return groups.join(":").replace(/\b(?:0:){2,}/, "::").replace(/^0::/, "::").replace(/::0$/, "::");
}

/**
 * The TCP sockets this process listens on, read from /proc (the sockets whose inodes are among our file descriptors);
 * null where /proc is not available.
 */
export function listeningSockets(): Bound[] | null {
  let inodes: Set<string>;
  try {
    inodes = new Set();
    for (const fd of fs.readdirSync("/proc/self/fd")) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/self/fd/${fd}`));
        if (m) inodes.add(m[1]!);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    return null;
  }
  const out: Bound[] = [];
  for (const table of ["/proc/self/net/tcp", "/proc/self/net/tcp6"]) {
    let text = "";
    try {
      text = fs.readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== "0A" || !inodes.has(f[9]!)) continue; // 0A: LISTEN
      const [addr, port] = f[1]!.split(":");
      out.push({ address: decodeAddress(addr!), port: parseInt(port!, 16) });
    }
  }
  return out;
}

const isLoopbackAddress = (a: string) => a === "::1" || /^127\./.test(a);

/** The refusal for a server bound beyond loopback without STREAMCANVAS_ACCESS_SECRET, or null when all is well. */
export function boundRefusal(bound: Bound[], secret: string | undefined): string | null {
  const open = bound.filter((b) => !isLoopbackAddress(b.address));
  if (!open.length || secret) return null;
  const where = open.map((b) => `${b.address.includes(":") ? `[${b.address}]` : b.address}:${b.port}`).join(", ");
  return (
    `refusing to serve on ${where} without an access secret: anyone who can reach that address could try to run jobs` +
    ` (\`next start\` binds every interface unless given -H 127.0.0.1).\n` +
    `Use \`npm start\` (127.0.0.1 by default), or set one, e.g.  STREAMCANVAS_ACCESS_SECRET=$(openssl rand -hex 24) STREAMCANVAS_HOST=0.0.0.0 npm start`
  );
}

const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

/** Host names besides loopback ones the server answers to: the configured host, or on a wildcard bind its own names. */
export function serverHostnames(configured: string, bound: Bound[] | null): Set<string> {
  const names = new Set<string>();
  const add = (h: string) => !isLoopbackName(h) && names.add(h.includes(":") && !h.startsWith("[") ? `[${h.toLowerCase()}]` : h.toLowerCase());
  const wildcard = WILDCARD.has(configured) || (bound ?? []).some((b) => WILDCARD.has(b.address));
  if (!WILDCARD.has(configured)) add(configured);
  for (const b of bound ?? []) if (!WILDCARD.has(b.address)) add(b.address);
  if (wildcard) {
    add(os.hostname());
    for (const list of Object.values(os.networkInterfaces())) for (const i of list ?? []) add(i.address);
  }
  return names;
}

let hostsCache: Set<string> | undefined;
/** What the access decision compares a request against, for this running server (host names computed once). */
export function accessServer(env: { STREAMCANVAS_HOST: string; PORT: number; STREAMCANVAS_ACCESS_SECRET?: string }, token: string) {
  // `next start` and scripts/serve.mjs put the port actually bound in PORT once listening
  const port = Number(process.env.PORT) || env.PORT;
  hostsCache ??= serverHostnames(env.STREAMCANVAS_HOST, listeningSockets());
  return { token, port, hosts: hostsCache };
}

/**
 * The non-loopback guard on the address actually bound (`next start` without -H binds every interface, whatever
 * STREAMCANVAS_HOST says): exits with the refusal. Under `next start` this runs once listening; under a custom server
 * that prepares first and listens after, it looks again until the socket is there.
 */
export function guardBoundAddress(secret: string | undefined, exit: (msg: string) => void, deadline = Date.now() + 120_000) {
  const bound = listeningSockets();
  if (bound === null) return; // no /proc: STREAMCANVAS_HOST was checked by parseEnv, which is all we can know
  if (!bound.length) {
    if (Date.now() < deadline) setTimeout(() => guardBoundAddress(secret, exit, deadline), 25).unref();
    return;
  }
  const refusal = boundRefusal(bound, secret);
  if (refusal) exit(refusal);
}
