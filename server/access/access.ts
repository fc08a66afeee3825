// The one access decision for every HTTP request and WebSocket upgrade: Host, Origin, content type, then the token.
import { SESSION_SECONDS, sameText, signSession, verifySession } from "./token";

export const ACCESS_COOKIE = "streamcanvas_access";
export const ACCESS_HEADER = "x-streamcanvas-secret";

export type AccessRequest = {
  method: string;
  /** path and query, as on the request line */
  url: string;
  /** a WebSocket upgrade: checked like a state-changing request, minus the body's content type */
  upgrade?: boolean;
  host?: string;
  origin?: string;
  secFetchSite?: string;
  contentType?: string;
  /** the access cookie's value */
  cookie?: string;
  /** the token given by a program: `x-streamcanvas-secret: <token>` or `Authorization: Bearer <token>` */
  headerToken?: string;
};

export type AccessServer = {
  token: string;
  /** the port actually bound: a Host header must name it */
  port: number;
  /** host names besides loopback ones this server answers to (the configured host, a wildcard bind's own names) */
  hosts: ReadonlySet<string>;
  now?: number;
};

export type AccessDecision =
  | { kind: "allow" }
  | { kind: "login"; cookie: string; maxAgeSeconds: number; redirectTo: string }
  | { kind: "logout" }
  | { kind: "deny"; status: 400 | 401 | 403 | 415; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const JSON_TYPE = /^application\/json\s*(;|$)/i;
const HOW_TO_SIGN_IN = "open the URL `npm start` printed (…/?token=…), or print it with `streamcanvas token`";

export const isLoopbackName = (h: string) =>
  h === "localhost" || h.endsWith(".localhost") || h === "[::1]" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);

function parseHost(host: string): { hostname: string; port: number } | null {
  try {
    const u = new URL(`http://${host}`);
    if (u.host.toLowerCase() !== host.toLowerCase().replace(/:80$/, "")) return null; // userinfo, paths: not a Host
    return { hostname: u.hostname.toLowerCase(), port: u.port ? Number(u.port) : 80 };
  } catch {
    return null;
  }
}

const deny = (status: 400 | 401 | 403 | 415, reason: string): AccessDecision => ({ kind: "deny", status, reason });

/** Where a sign-in URL lands once its token has become a cookie: the same page without the token. */
function withoutToken(url: URL): string {
  if (url.pathname === "/login") return "/";
  url.searchParams.delete("token");
  const q = url.searchParams.toString();
  return `${url.pathname}${q ? `?${q}` : ""}`;
}

/**
 * Decides one request. Host first (a DNS-rebound name reaches a loopback server with a foreign Host), then what a
 * browser on another site could forge (a state change needs this server's Origin, or `Sec-Fetch-Site: same-origin`,
 * and a JSON body, which no cross-site form can send), then the token: a sign-in URL, the signed cookie, or a header.
 */
export function decideAccess(req: AccessRequest, server: AccessServer): AccessDecision {
  const host = req.host ? parseHost(req.host) : null;
  if (!req.host || !host) return deny(400, "the request has no valid Host header");
  if (host.port !== server.port || !(isLoopbackName(host.hostname) || server.hosts.has(host.hostname))) {
    return deny(403, `Host ${req.host} is not this server (it answers to loopback names and ${[...server.hosts].join(", ") || "no other"} on port ${server.port}): refused, as a DNS-rebound name would be`);
  }
  const url = new URL(req.url, "http://x");
  const changes = req.upgrade || !SAFE_METHODS.has(req.method.toUpperCase());
  if (changes) {
    if (req.origin !== undefined && req.origin !== "null") {
      let originHost: string | null = null;
      try {
        originHost = new URL(req.origin).host.toLowerCase();
      } catch {
        // an unparsable Origin is foreign
      }
      if (originHost !== req.host.toLowerCase()) return deny(403, `Origin ${req.origin} is not this server (${req.host}): cross-site requests are refused`);
    } else if (req.origin === "null") {
      return deny(403, "Origin null (a sandboxed or file page) is not this server: cross-site requests are refused");
    }
    if (req.secFetchSite && req.secFetchSite !== "same-origin" && req.secFetchSite !== "none") {
      return deny(403, `Sec-Fetch-Site ${req.secFetchSite}: cross-site requests are refused`);
    }
    if (!req.upgrade && !JSON_TYPE.test(req.contentType ?? "")) {
      return deny(415, `Content-Type ${req.contentType || "(none)"} refused: state-changing requests must send application/json`);
    }
  }

  if (url.pathname === "/logout") return { kind: "logout" };
  const given = url.pathname === "/login" ? (url.searchParams.get("token") ?? url.searchParams.get("secret")) : url.searchParams.get("token");
  if (given !== null && !changes) {
    if (!sameText(given, server.token)) return deny(401, `the token in this URL is not this server's (it may have been rotated): ${HOW_TO_SIGN_IN}`);
    const now = server.now ?? Date.now();
    return { kind: "login", cookie: signSession(server.token, now + SESSION_SECONDS * 1000), maxAgeSeconds: SESSION_SECONDS, redirectTo: withoutToken(url) };
  }
  if (req.headerToken !== undefined) {
    return sameText(req.headerToken, server.token) ? { kind: "allow" } : deny(401, "the token in the request header is not this server's");
  }
  if (!req.cookie) return deny(401, `access token required: ${HOW_TO_SIGN_IN}`);
  const session = verifySession(req.cookie, server.token, server.now);
  if (!session.ok) {
    const why = session.why === "expired" ? "your sign-in has expired" : "your sign-in is no longer valid (the token was rotated)";
    return deny(401, `${why}: ${HOW_TO_SIGN_IN}`);
  }
  // a browser always sends Origin with a POST or an upgrade; a cookie without it is not a page of this server's
  if (changes && req.origin === undefined && req.secFetchSite !== "same-origin") {
    return deny(403, "a state-changing request signed in by cookie needs this server's Origin (or Sec-Fetch-Site: same-origin)");
  }
  return { kind: "allow" };
}
