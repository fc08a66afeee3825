// Next.js proxy: every page and API call passes the access decision (server/access): Host, Origin, content type, token.
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/env";
import { ACCESS_COOKIE, ACCESS_HEADER, decideAccess } from "@/server/access/access";
import { accessServer } from "@/server/access/bound";
import { securityHeaders } from "@/server/access/headers";
import { deniedBody, SIGNED_OUT_HTML } from "@/server/access/pages";
import { currentToken } from "@/server/access/token";
import { appRoot } from "@/server/runner/spawn";

export function proxy(req: NextRequest) {
  const res = decide(req);
  if (res) for (const { key, value } of securityHeaders(process.env.NODE_ENV !== "production")) res.headers.set(key, value);
  return res ?? NextResponse.next();
}

/** The proxy's own answer (a sign-in redirect, a sign-out page, a refusal), or undefined to let the request through. */
function decide(req: NextRequest): NextResponse | undefined {
  const env = getEnv();
  const token = currentToken(env, path.resolve(appRoot(), env.STREAMCANVAS_DATA_DIR));
  const auth = req.headers.get("authorization");
  const h = (name: string) => req.headers.get(name) ?? undefined;
  const decision = decideAccess(
    {
      method: req.method,
      url: `${req.nextUrl.pathname}${req.nextUrl.search}`,
      host: h("host"),
      origin: h("origin"),
      secFetchSite: h("sec-fetch-site"),
      contentType: h("content-type"),
      cookie: req.cookies.get(ACCESS_COOKIE)?.value,
      headerToken: h(ACCESS_HEADER) ?? (auth?.startsWith("Bearer ") ? auth.slice(7) : undefined),
    },
    accessServer(env, token),
  );
  if (decision.kind === "allow") return undefined;
  const cookie = { httpOnly: true, sameSite: "strict", path: "/" } as const;
  if (decision.kind === "login") {
    // relative to this request's own origin: the Host was checked above
    const res = NextResponse.redirect(new URL(decision.redirectTo, req.nextUrl.origin), 303);
    res.cookies.set(ACCESS_COOKIE, decision.cookie, { ...cookie, maxAge: decision.maxAgeSeconds });
    return res;
  }
  if (decision.kind === "logout") {
    const res = new NextResponse(SIGNED_OUT_HTML, { status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
    res.cookies.set(ACCESS_COOKIE, "", { ...cookie, maxAge: 0 });
    return res;
  }
  const body = deniedBody(req.nextUrl.pathname, decision.status, decision.reason);
  return new NextResponse(body.text, { status: decision.status, headers: { "content-type": body.type } });
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
