// Access check for a server exposed beyond loopback: a secret given once at /login?secret=… becomes a cookie.
export const ACCESS_COOKIE = "streamcanvas_access";
export const ACCESS_HEADER = "x-streamcanvas-secret";

/** The cookie holds a digest of the secret, so a leaked cookie jar does not reveal the secret itself. */
export async function accessToken(secret: string): Promise<string> {
  const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`streamcanvas:${secret}`));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

function sameText(a: string, b: string): boolean {
  // constant time for equal lengths; lengths of digests are fixed
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type AccessDecision =
  | { kind: "allow" }
  | { kind: "login"; token: string; redirectTo: string }
  | { kind: "deny" };

type RequestLike = { pathname: string; query: URLSearchParams; cookie?: string; header?: string; bearer?: string };

/** Decides what to do with a request when an access secret is configured (no secret → always allow). */
export async function decideAccess(req: RequestLike, secret: string | undefined): Promise<AccessDecision> {
  if (!secret) return { kind: "allow" };
  const token = await accessToken(secret);
  if (req.pathname === "/login") {
    const given = req.query.get("secret");
    if (given && sameText(await accessToken(given), token)) return { kind: "login", token, redirectTo: "/" };
    return { kind: "deny" };
  }
  if (req.cookie && sameText(req.cookie, token)) return { kind: "allow" };
  for (const given of [req.header, req.bearer]) {
    if (given && sameText(await accessToken(given), token)) return { kind: "allow" };
  }
  return { kind: "deny" };
}

export const UNAUTHORIZED_HTML = `<!doctype html><html><head><title>StreamCanvas: access secret required</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>401: access secret required</h1>
<p>This StreamCanvas server is protected by <code>STREAMCANVAS_ACCESS_SECRET</code>.
Open <code>/login?secret=&lt;the secret&gt;</code> once to sign in this browser.</p></body></html>`;
