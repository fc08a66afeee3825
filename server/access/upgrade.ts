// Access check for WebSocket upgrades (proxy.ts never sees them): the same decision as every HTTP request.
import { ACCESS_COOKIE, ACCESS_HEADER, decideAccess, type AccessServer } from "./access";

type Headers = Record<string, string | string[] | undefined>;
export type UpgradeDecision = { ok: true } | { ok: false; status: 400 | 401 | 403; reason: string };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The value of one cookie in a Cookie header (no decoding: the session cookie is base64url). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Decides whether a WebSocket upgrade may proceed. Browsers let any page open a WebSocket to any host (no CORS) with this
 * site's cookies, so an upgrade is judged as a state change: this server's Host and Origin, then the token.
 */
export function decideUpgrade(req: { url: string; headers: Headers }, server: AccessServer): UpgradeDecision {
  const auth = one(req.headers.authorization);
  const d = decideAccess(
    {
      method: "GET",
      upgrade: true,
      url: req.url,
      host: one(req.headers.host),
      origin: one(req.headers.origin),
      secFetchSite: one(req.headers["sec-fetch-site"]),
      cookie: cookieValue(one(req.headers.cookie), ACCESS_COOKIE),
      headerToken: one(req.headers[ACCESS_HEADER]) ?? (auth?.startsWith("Bearer ") ? auth.slice(7) : undefined),
    },
    server,
  );
  if (d.kind === "allow") return { ok: true };
  if (d.kind === "deny") return { ok: false, status: d.status === 415 ? 400 : d.status, reason: d.reason };
  return { ok: false, status: 400, reason: "sign in over HTTP (…/?token=…), not on the WebSocket" };
}
