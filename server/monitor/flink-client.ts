// Flink REST API client (the same for the embedded MiniCluster and a remote cluster: only the target differs).
import { z } from "zod";
import {
  AggregatedMetricsSchema, BackpressureSchema, CheckpointsSchema, ExceptionsSchema, JobDetailsSchema, JobPlanSchema,
  JobsOverviewSchema, MetricValuesSchema, SavepointStatusSchema, TriggerSchema,
} from "./flink-schemas";
import { FlinkUnreachable, FlinkHttpError } from "@/server/errors";
import { flinkRequest, readBody, type FlinkTarget } from "./flink-http";

export type FlinkClient = ReturnType<typeof createFlinkClient>;
export type SavepointResult = { ok: true; location: string } | { ok: false; cause: string };

const enc = encodeURIComponent;

/** A target, or a plain base URL (a cluster without a client credential). */
export function createFlinkClient(to: FlinkTarget | string, timeoutMs = 5_000) {
  const target: FlinkTarget = typeof to === "string" ? { url: to } : to;
  const baseUrl = target.url;
  async function call<T>(path: string, schema: z.ZodType<T>, init?: { method: string; body: unknown }): Promise<T> {
    let status: number;
    let text: string;
    try {
      const res = await flinkRequest(target, path, {
        method: init?.method ?? "GET",
        headers: init ? { "content-type": "application/json", accept: "application/json" } : { accept: "application/json" },
        body: init ? JSON.stringify(init.body) : undefined,
        timeoutMs,
      });
      status = res.status;
      text = await readBody(res, timeoutMs);
    } catch (e) {
      throw new FlinkUnreachable(`Flink at ${baseUrl} unreachable: ${(e as Error).message}`);
    }
    if (status < 200 || status > 299) throw new FlinkHttpError(status, `Flink answered HTTP ${status} to ${path}: ${text.slice(0, 300)}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new FlinkUnreachable(`Flink answered non-JSON to ${path}: ${text.slice(0, 200)}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new FlinkUnreachable(`unexpected Flink answer to ${path}: ${parsed.error.message}`);
    return parsed.data;
  }
  const job = (id: string) => `/jobs/${enc(id)}`;
  const vertex = (id: string, vid: string) => `${job(id)}/vertices/${enc(vid)}`;

  return {
    baseUrl,
    target,
    /** any GET path's JSON, unchecked (tests read what the monitor does not) */
    getJson: (path: string) => call(path, z.unknown()),
    overview: () => call("/jobs/overview", JobsOverviewSchema).then((r) => r.jobs),
    job: (id: string) => call(job(id), JobDetailsSchema),
    /** undefined when the cluster does not know the job */
    jobIfKnown: (id: string) => call(job(id), JobDetailsSchema).catch((e) => {
      if (e instanceof FlinkHttpError && e.status === 404) return undefined;
      throw e;
    }),
    plan: (id: string) => call(`${job(id)}/plan`, JobPlanSchema).then((r) => r.plan.nodes),
    /** job-level metrics such as numRestarts */
    jobMetrics: (id: string, names: string[]) => call(`${job(id)}/metrics?get=${names.map(enc).join(",")}`, MetricValuesSchema),
    /** vertex and operator metrics aggregated over the vertex's subtasks */
    vertexMetrics: (id: string, vid: string, names: string[], agg = ["sum", "max"]) =>
      call(`${vertex(id, vid)}/subtasks/metrics?get=${names.map(enc).join(",")}&agg=${agg.join(",")}`, AggregatedMetricsSchema),
    /** the ids of every metric a vertex's subtasks report (operator metrics included) */
    vertexMetricIds: (id: string, vid: string) =>
      call(`${vertex(id, vid)}/subtasks/metrics`, AggregatedMetricsSchema).then((r) => r.map((m) => m.id)),
    watermarks: (id: string, vid: string) => call(`${vertex(id, vid)}/watermarks`, MetricValuesSchema),
    backpressure: (id: string, vid: string) => call(`${vertex(id, vid)}/backpressure`, BackpressureSchema),
    checkpoints: (id: string) => call(`${job(id)}/checkpoints`, CheckpointsSchema),
    exceptions: (id: string, maxExceptions = 20) => call(`${job(id)}/exceptions?maxExceptions=${maxExceptions}`, ExceptionsSchema),
    /** the JobManager's effective configuration, as key → value */
    jobManagerConfig: () => call("/jobmanager/config", z.array(z.object({ key: z.string(), value: z.string() })))
      .then((r) => new Map(r.map((e) => [e.key, e.value]))),
    /** stop-with-savepoint: a trigger id to poll with savepointStatus */
    stopWithSavepoint: (id: string, targetDirectory: string) =>
      call(`${job(id)}/stop`, TriggerSchema, { method: "POST", body: { targetDirectory, drain: false } }).then((r) => r["request-id"]),
    triggerSavepoint: (id: string, targetDirectory: string) =>
      call(`${job(id)}/savepoints`, TriggerSchema, { method: "POST", body: { "target-directory": targetDirectory, "cancel-job": false } })
        .then((r) => r["request-id"]),
    savepointStatus: (id: string, triggerId: string) => call(`${job(id)}/savepoints/${enc(triggerId)}`, SavepointStatusSchema),
    /** Polls a savepoint trigger until Flink reports it completed (with a location) or failed (with its cause). */
    async awaitSavepoint(id: string, triggerId: string, timeoutMs = 120_000, everyMs = 250): Promise<SavepointResult> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const s = await this.savepointStatus(id, triggerId);
        if (s.status.id === "COMPLETED") {
          const loc = s.operation?.location;
          if (loc) return { ok: true, location: loc };
          return { ok: false, cause: rootCauseOf(s.operation?.["failure-cause"]?.["stack-trace"] ?? "savepoint failed") };
        }
        if (Date.now() > deadline) return { ok: false, cause: `savepoint did not complete within ${timeoutMs / 1000} s` };
        await new Promise((r) => setTimeout(r, everyMs));
      }
    },
  };
}

/** The deepest "Caused by:" line of a Java stack trace (or its first line), without the frames. */
export function rootCauseOf(stack: string): string {
  const lines = stack.split("\n");
  const causes = lines.filter((l) => l.startsWith("Caused by: ")).map((l) => l.slice("Caused by: ".length));
  const line = causes.at(-1) ?? lines[0] ?? stack;
  return line.replace(/^([\w$.]+\.)+(?=[\w$]+(:|$))/, "").trim().slice(0, 2000);
}
