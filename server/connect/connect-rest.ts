// The few Kafka Connect REST calls a change stream needs: create-or-update a connector's config (left alone when it is
// already the same), wait until the connector and its task run, and wait until its topic exists. Connect's answers are
// never echoed whole: GET /connectors/…/config holds the database password.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000), headers: { "Content-Type": "application/json", Accept: "application/json" } });
  } catch (e) {
    throw new Error(`Kafka Connect at ${new URL(url).origin} did not answer: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
  }
  const text = await res.text();
  let body: unknown = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  return { status: res.status, body };
}

const message = (body: unknown) => (body && typeof body === "object" && "message" in body ? String((body as { message: unknown }).message) : "no message");

/** PUT /connectors/{name}/config unless the connector already has exactly this config. */
export async function putConnector(base: string, name: string, config: Record<string, string>): Promise<"created" | "updated" | "unchanged"> {
  const at = `${base.replace(/\/+$/, "")}/connectors/${encodeURIComponent(name)}`;
  const current = await call(`${at}/config`);
  const want = { ...config, name };
  if (current.status === 200 && sameConfig(current.body as Record<string, string>, want)) return "unchanged";
  const r = await call(`${at}/config`, { method: "PUT", body: JSON.stringify(config) });
  if (r.status !== 200 && r.status !== 201) throw new Error(`Kafka Connect refused connector "${name}" (HTTP ${r.status}): ${message(r.body)}`);
  return r.status === 201 ? "created" : "updated";
}

function sameConfig(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b)]);
  return [...keys].every((k) => a?.[k] === b[k]);
}

type Status = { connector?: { state?: string; trace?: string }; tasks?: { id: number; state?: string; trace?: string }[] };

/** Resolves when the connector and all its tasks are RUNNING; a FAILED one throws its trace's first line. */
export async function awaitRunning(base: string, name: string, timeoutMs: number): Promise<void> {
  const at = `${base.replace(/\/+$/, "")}/connectors/${encodeURIComponent(name)}/status`;
  const deadline = Date.now() + timeoutMs;
  let last = "no status yet";
  while (Date.now() < deadline) {
    const r = await call(at);
    const s = (r.status === 200 ? r.body : {}) as Status;
    const failed = [s.connector, ...(s.tasks ?? [])].find((x) => x?.state === "FAILED");
    if (failed) throw new Error(`Debezium connector "${name}" failed: ${(failed.trace ?? "no trace").split("\n")[0]}`);
    const tasks = s.tasks ?? [];
    if (s.connector?.state === "RUNNING" && tasks.length > 0 && tasks.every((t) => t.state === "RUNNING")) return;
    last = `connector ${s.connector?.state ?? "unknown"}, tasks ${tasks.map((t) => t.state).join(", ") || "none"}`;
    await sleep(500);
  }
  throw new Error(`Debezium connector "${name}" was not running within ${timeoutMs / 1000} s (${last})`);
}

/** Resolves when `topic` exists (Debezium creates it with the table's first event). */
export async function awaitTopic(list: () => Promise<{ name: string }[]>, topic: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await list()).some((t) => t.name === topic)) return;
    await sleep(500);
  }
  throw new Error(`Debezium wrote nothing to topic "${topic}" within ${timeoutMs / 1000} s: it creates the topic with the table's first row, so an empty table has none yet (insert a row, or see the connector's status in Kafka Connect)`);
}
