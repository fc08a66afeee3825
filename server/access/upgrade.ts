// Access check for WebSocket upgrades: the HTTP access secret (proxy.ts never sees upgrades), plus Host and Origin.
import { isLoopback } from "@/env";
import { ACCESS_COOKIE, ACCESS_HEADER, decideAccess } from "./access";

type Headers = Record<string, string | string[] | undefined>;
export type UpgradeDecision = { ok: true } | { ok: false; status: 400 | 401 | 403; reason: string };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The value of one cookie in a Cookie header (no decoding: the access token is hex). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function hostnameOf(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

/**
 * Decides whether a WebSocket upgrade may proceed. Browsers let any page open a WebSocket to any host (no CORS), with
 * this site's cookies, so besides the secret: the Origin, when sent (browsers always send it), must be this same host,
 * and a loopback server without a secret answers only to loopback Host names (a DNS-rebound name would pass the Origin
 * check); with a secret, e.g. behind a reverse proxy that passes its own Host, the secret decides.
 */
export async function decideUpgrade(
  req: { url: string; headers: Headers },
  server: { listenHost: string; secret: string | undefined },
): Promise<UpgradeDecision> {
  const host = one(req.headers.host);
  const hostname = host ? hostnameOf(host) : null;
  if (!host || !hostname) return { ok: false, status: 400, reason: "the upgrade request has no valid Host header" };
  if (!server.secret && isLoopback(server.listenHost) && !isLoopback(hostname)) {
    return { ok: false, status: 403, reason: `Host ${host} is not a loopback name, and this server listens on ${server.listenHost} only` };
  }
  const origin = one(req.headers.origin);
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // an unparsable Origin is refused below
    }
    if (originHost?.toLowerCase() !== host.toLowerCase()) {
      return { ok: false, status: 403, reason: `Origin ${origin} is not this server (${host})` };
    }
  }
  const url = new URL(req.url, "http://upgrade");
  const auth = one(req.headers.authorization);
  const decision = await decideAccess(
    {
      pathname: url.pathname,
      query: url.searchParams,
      cookie: cookieValue(one(req.headers.cookie), ACCESS_COOKIE),
      header: one(req.headers[ACCESS_HEADER]),
      bearer: auth?.startsWith("Bearer ") ? auth.slice(7) : undefined,
    },
    server.secret,
  );
  if (decision.kind !== "allow") return { ok: false, status: 401, reason: "access secret required (open /login?secret=… once)" };
  return { ok: true };
}
