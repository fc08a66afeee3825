// Test of a Flink target: asks its REST API for the release and the TaskManagers with their slots, or says exactly what
// failed (unreachable, refused, not Flink, another Flink minor release than the runner's).
import { flinkRequest, readBody, type FlinkTarget } from "@/server/monitor/flink-http";
import { versionSkew } from "@/server/runner/flink-version";
import type { ResolvedTarget } from "./service";
import { truststorePem } from "./truststore";

export type TargetTest =
  | { ok: true; message: string; flinkVersion: string; taskManagers: number; slotsTotal: number; slotsFree: number }
  | { ok: false; message: string; flinkVersion?: string };

/** The REST client's view of a resolved target: its Authorization header on every request, its truststore's certificates. */
export function flinkTargetOf(t: Pick<ResolvedTarget, "url" | "authHeader" | "truststore" | "truststorePassword">): FlinkTarget {
  return {
    url: t.url, ...(t.authHeader ? { headers: { authorization: t.authHeader } } : {}),
    ...(t.truststore ? { ca: truststorePem(t.truststore, t.truststorePassword) } : {}),
  };
}

async function getJson(target: FlinkTarget, path: string, timeoutMs: number): Promise<{ status: number; json: unknown; text: string }> {
  const res = await flinkRequest(target, path, { headers: { accept: "application/json" }, timeoutMs });
  const text = await readBody(res, timeoutMs);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

export async function testTarget(t: ResolvedTarget, runnerVersion: string, timeoutMs = 10_000): Promise<TargetTest> {
  let target: FlinkTarget;
  try {
    target = flinkTargetOf(t);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  let r;
  try {
    r = await getJson(target, "/overview", timeoutMs);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, message: `cannot reach Flink's REST API at ${t.url}: ${err.code ? `${err.code} ` : ""}${err.message}` };
  }
  if (r.status === 401 || r.status === 403) {
    return { ok: false, message: `${t.url} refused the request (HTTP ${r.status}): ${t.authHeader ? "check the target's auth header" : "it needs an auth header"}` };
  }
  const o = r.json as Record<string, unknown> | undefined;
  if (r.status !== 200 || typeof o?.["flink-version"] !== "string" || typeof o.taskmanagers !== "number") {
    return { ok: false, message: `${t.url} answered HTTP ${r.status} to GET /overview without Flink's cluster overview: is it a Flink REST address? (${r.text.slice(0, 120)})` };
  }
  const flinkVersion = o["flink-version"];
  const skew = versionSkew(flinkVersion, runnerVersion);
  if (skew) return { ok: false, message: skew, flinkVersion };
  const taskManagers = o.taskmanagers;
  const slotsTotal = Number(o["slots-total"] ?? 0);
  const slotsFree = Number(o["slots-available"] ?? 0);
  const message = `Flink ${flinkVersion}: ${taskManagers} TaskManager${taskManagers === 1 ? "" : "s"}, ${slotsFree} of ${slotsTotal} slots free` +
    (taskManagers === 0 ? " (no TaskManager is registered: jobs will wait for one)" : "");
  return { ok: true, message, flinkVersion, taskManagers, slotsTotal, slotsFree };
}
