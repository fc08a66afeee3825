// Benches call the server they started as its owner does: the data dir's token in a header for tRPC, the signed
// cookie for browser pages (a server given by BENCH_BASE_URL: BENCH_TOKEN).
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { Page } from "@playwright/test";
import { ACCESS_COOKIE, ACCESS_HEADER } from "@/server/access/access";
import { readOrCreateToken, SESSION_SECONDS, signSession } from "@/server/access/token";
import type { AppRouter } from "@/server/api/root";

export function benchToken(dataDir: string | undefined): string {
  const t = process.env.BENCH_TOKEN ?? (dataDir ? readOrCreateToken(dataDir) : undefined);
  if (!t) throw new Error("BENCH_BASE_URL needs BENCH_TOKEN (the server's data dir access-token, or its STREAMCANVAS_ACCESS_SECRET)");
  return t;
}

export const signedInTrpc = (base: string, token: string) =>
  createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${base}/api/trpc`, headers: { [ACCESS_HEADER]: token } })] });

/** Signs a page's context in, as opening the printed …/?token= URL once would. */
export async function signIn(page: Page, base: string, token: string): Promise<Page> {
  await page.context().addCookies([{
    name: ACCESS_COOKIE, value: signSession(token, Date.now() + SESSION_SECONDS * 1000), url: base, httpOnly: true, sameSite: "Strict",
  }]);
  return page;
}
