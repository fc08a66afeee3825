// The Flink web UI under this server's origin, read-only: GETs go to the runner's Flink REST endpoint with its client
// credential (the endpoint itself accepts nobody else), every other method is refused here.
import { Readable } from "node:stream";
import { flinkRequest, type FlinkTarget } from "./flink-http";
import { FLINK_UI_PREFIX } from "./flink-ui-path";

/** Flink's answer headers worth passing on; cookies, hop-by-hop and CORS headers are not. */
const PASSED = ["content-type", "content-length", "cache-control", "last-modified", "etag", "expires"];

const text = (status: number, body: string, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", ...extra } });

export function refuseNonGet(method: string): Response {
  return text(405, `the Flink web UI is read-only here: ${method} refused (cancel and savepoints go through StreamCanvas's own run controls)\n`,
    { allow: "GET, HEAD" });
}

/** Forwards one GET (path and query after the prefix, nothing of the browser's request but Accept) to Flink. */
export async function proxyGet(target: FlinkTarget | null, url: URL, method: "GET" | "HEAD" = "GET"): Promise<Response> {
  if (!target) return text(503, "the runner is not ready, so Flink's web UI is not available yet\n");
  const rest = url.pathname.slice(FLINK_UI_PREFIX.length) || "/";
  let res;
  try {
    res = await flinkRequest(target, `${rest}${url.search}`, { method, headers: { accept: "*/*" }, timeoutMs: 30_000 });
  } catch (e) {
    return text(502, `Flink at ${target.url} did not answer: ${(e as Error).message}\n`);
  }
  const headers = new Headers();
  for (const h of PASSED) {
    const v = res.headers[h];
    if (typeof v === "string") headers.set(h, v);
  }
  if (method === "HEAD" || res.status === 204 || res.status === 304) {
    res.body.resume();
    return new Response(null, { status: res.status, headers });
  }
  return new Response(Readable.toWeb(res.body) as ReadableStream, { status: res.status, headers });
}
