// Next.js proxy: when STREAMCANVAS_ACCESS_SECRET is set, every page and API call needs it (see server/access).
import { NextResponse, type NextRequest } from "next/server";
import { ACCESS_COOKIE, ACCESS_HEADER, UNAUTHORIZED_HTML, decideAccess } from "@/server/access/access";

export async function proxy(req: NextRequest) {
  const auth = req.headers.get("authorization");
  const decision = await decideAccess(
    {
      pathname: req.nextUrl.pathname,
      query: req.nextUrl.searchParams,
      cookie: req.cookies.get(ACCESS_COOKIE)?.value,
      header: req.headers.get(ACCESS_HEADER) ?? undefined,
      bearer: auth?.startsWith("Bearer ") ? auth.slice(7) : undefined,
    },
    process.env.STREAMCANVAS_ACCESS_SECRET || undefined,
  );
  if (decision.kind === "allow") return NextResponse.next();
  if (decision.kind === "login") {
    const res = NextResponse.redirect(new URL(decision.redirectTo, req.url));
    res.cookies.set(ACCESS_COOKIE, decision.token, { httpOnly: true, sameSite: "strict", path: "/" });
    return res;
  }
  return new NextResponse(UNAUTHORIZED_HTML, { status: 401, headers: { "content-type": "text/html; charset=utf-8" } });
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
