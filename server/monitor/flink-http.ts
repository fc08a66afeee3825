// HTTP to a Flink REST endpoint: plain for a given http(s) URL, mutual TLS with the runner's client credential for the
// embedded cluster (its endpoint refuses every connection without it, so no other local process can drive it).
import fs from "node:fs";
import http from "node:http";
import https from "node:https";

/** Where Flink's REST API is; `credential`: a PEM file with the client key and certificate (also the one CA to trust). */
export type FlinkTarget = {
  url: string; credential?: string | null;
  /** sent with every request: a remote target's Authorization header (server/targets/) */
  headers?: Record<string, string>;
  /** PEM certificates to trust for an https URL instead of the system's (a remote target's truststore) */
  ca?: string;
};

export type FlinkResponse = { status: number; headers: http.IncomingHttpHeaders; body: http.IncomingMessage };

/** One keep-alive agent per credential file (the runner makes a new one at each start, so files are never rewritten). */
const agents = new Map<string, https.Agent>();

function agentFor(credential: string): https.Agent {
  let agent = agents.get(credential);
  if (!agent) {
    const pem = fs.readFileSync(credential);
    // the runner's certificate names 127.0.0.1 and localhost, so the usual host name check holds
    agent = new https.Agent({ keepAlive: true, key: pem, cert: pem, ca: pem });
    agents.set(credential, agent);
  }
  return agent;
}

/** One keep-alive agent per set of trusted certificates of a remote target. */
const caAgents = new Map<string, https.Agent>();

function agentForCa(ca: string): https.Agent {
  let agent = caAgents.get(ca);
  if (!agent) caAgents.set(ca, (agent = new https.Agent({ keepAlive: true, ca })));
  return agent;
}

/** `pathAndQuery` goes under the target's URL as a path (never as a URL of its own: `//host/x` cannot leave it). */
export function flinkUrl(target: FlinkTarget, pathAndQuery: string): URL {
  const base = new URL(target.url);
  const q = pathAndQuery.indexOf("?");
  const pathname = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  base.pathname = `${base.pathname.replace(/\/$/, "")}/${pathname.replace(/^\/+/, "")}`;
  base.search = q < 0 ? "" : pathAndQuery.slice(q);
  return base;
}

/** Sends one request; resolves with the response head and its unread body stream. */
export function flinkRequest(
  target: FlinkTarget, pathAndQuery: string,
  init: { method?: string; body?: string; headers?: Record<string, string>; timeoutMs: number; signal?: AbortSignal },
): Promise<FlinkResponse> {
  const url = flinkUrl(target, pathAndQuery);
  const tls = url.protocol === "https:";
  if (target.credential && !tls) throw new Error(`a Flink credential needs an https URL, not ${target.url}`);
  const options: https.RequestOptions = {
    method: init.method ?? "GET",
    headers: { ...init.headers, ...target.headers, ...(init.body !== undefined ? { "content-length": String(Buffer.byteLength(init.body)) } : {}) },
    timeout: init.timeoutMs,
    signal: init.signal,
    ...(target.credential ? { agent: agentFor(target.credential) } : tls && target.ca ? { agent: agentForCa(target.ca) } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = (tls ? https : http).request(url, options, (res) =>
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }));
    req.on("timeout", () => req.destroy(new Error(`no answer within ${init.timeoutMs / 1000} s`)));
    req.on("error", reject);
    req.end(init.body);
  });
}

export async function readBody(res: FlinkResponse, timeoutMs: number): Promise<string> {
  const chunks: Buffer[] = [];
  const timer = setTimeout(() => res.body.destroy(new Error(`the answer did not complete within ${timeoutMs / 1000} s`)), timeoutMs);
  try {
    for await (const c of res.body) chunks.push(c as Buffer);
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
