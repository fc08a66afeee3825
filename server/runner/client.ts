// HTTP client for the jvm-runner control API (jvm-runner/API.md): Bearer secret, timeouts, zod-checked answers.
import { z } from "zod";
import type { TableProgram } from "@/pipeline/ir";
import type { RunnerConnections } from "@/server/connections/resolve";
import { RunnerRejection, RunnerUnavailable } from "@/server/errors";
import type { RunnerTarget } from "@/server/targets/runner-target";
import { KafkaOffsetsSchema, KafkaSampleSchema, type KafkaSampleBody, type TopicSelection } from "@/server/kafka/runner-kafka";

export const HealthSchema = z.object({
  status: z.string(), flinkRestUrl: z.string().nullable(), flinkVersion: z.string().optional(),
  /** PEM file with the client key and certificate Flink's REST endpoint demands (mutual TLS); absent: plain HTTP */
  flinkRestCredential: z.string().nullable().optional(),
  startedAt: z.number().optional(), jobs: z.number().optional(),
});
export type Health = z.infer<typeof HealthSchema>;

const ErrorSchema = z.object({ message: z.string(), rootCause: z.string().nullable().optional() });
const CollectSchema = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.object({ kind: z.string(), values: z.array(z.unknown()) })),
  total: z.number(),
});
export const JobInfoSchema = z.object({
  jobId: z.string(), name: z.string().optional(), status: z.string(),
  startTime: z.number().nullable().optional(), endTime: z.number().nullable().optional(),
  error: ErrorSchema.nullable().optional(),
  sinks: z.record(z.string(), CollectSchema).optional(),
});
export type JobInfo = z.infer<typeof JobInfoSchema>;
/** GET /jobs/{id}/logs: console lines of the job's TS UDFs (jvm-runner/API.md). */
export const UdfLogsSchema = z.object({
  lines: z.array(z.object({
    seq: z.number(), time: z.number(), udf: z.string(), level: z.string(), line: z.string(),
    /** the remote TaskManager whose log held the line (server/monitor/taskmanager-logs.ts); absent on the embedded cluster */
    taskManager: z.string().optional(),
  })),
  dropped: z.number(),
});
export type UdfLogs = z.infer<typeof UdfLogsSchema>;
const KafkaTestSchema = z.object({ brokers: z.number(), topics: z.number() });
const KafkaTopicsSchema = z.object({ topics: z.array(z.object({ name: z.string(), partitions: z.number() })) });
const PostgresTestSchema = z.object({ version: z.string(), tables: z.number() });
const PostgresTablesSchema = z.object({ tables: z.array(z.object({
  schema: z.string(), name: z.string(), primaryKey: z.array(z.string()),
  columns: z.array(z.object({ name: z.string(), nullable: z.boolean(), type: z.string().nullable(), unsupported: z.string().optional() })),
})) });
export type PostgresTable = z.infer<typeof PostgresTablesSchema>["tables"][number];
const RejectionSchema = z.object({ error: z.object({ message: z.string(), cause: z.string().nullable().optional() }) });

export type RunnerClient = ReturnType<typeof createRunnerClient>;

/** How long a submission may take to plan and start before the runner counts as unavailable. */
const SUBMIT_TIMEOUT_MS = 300_000;

export function createRunnerClient(baseUrl: string, secret: string, timeoutMs = 10_000) {
  async function call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, ms = timeoutMs): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, baseUrl), {
        method,
        headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(ms),
      });
    } catch (e) {
      // fetch says only "fetch failed"; its cause says how (ECONNREFUSED, a reset, a timeout)
      const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
      const how = cause ? ` (${cause.code ?? cause.message})` : "";
      throw new RunnerUnavailable(`runner at ${baseUrl} unreachable: ${(e as Error).message}${how}`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new RunnerUnavailable(`runner answered ${res.status} with non-JSON: ${text.slice(0, 200)}`);
    }
    if (!res.ok) {
      const rej = RejectionSchema.safeParse(json);
      if (rej.success) throw new RunnerRejection(res.status, rej.data.error.message, rej.data.error.cause);
      throw new RunnerRejection(res.status, `runner answered HTTP ${res.status}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new RunnerUnavailable(`unexpected runner answer to ${method} ${path}: ${parsed.error.message}`);
    return parsed.data;
  }
  return {
    baseUrl,
    health: (ms = 2_000) => call("GET", "/health", HealthSchema, undefined, ms),
    // planning is the runner's slow step: a program of thousands of operators takes tens of seconds, more under load
    // `connections`: the ones the program names, secrets joined in (server/connections/resolve.ts); never logged
    // `target`: a remote session cluster (server/targets/); none: the runner's embedded cluster
    submit: (program: TableProgram, connections: RunnerConnections, target?: RunnerTarget) =>
      call("POST", "/jobs", z.object({ jobId: z.string() }), { program, connections, ...(target ? { target } : {}) }, SUBMIT_TIMEOUT_MS),
    /** connects with these client properties; the runner gives up after 10 s and says what failed (a 400) */
    kafkaTest: (properties: Record<string, string>) => call("POST", "/kafka/test", KafkaTestSchema, { properties }, 20_000),
    kafkaTopics: (properties: Record<string, string>) => call("POST", "/kafka/topics", KafkaTopicsSchema, { properties }, 20_000),
    /** logs in with the JDBC url, username and password; the runner gives up after 10 s and says what failed (a 400) */
    postgresTest: (properties: Record<string, string>) => call("POST", "/postgres/test", PostgresTestSchema, { properties }, 20_000),
    /** schemas, tables and views with columns typed by Flink's JDBC Postgres mapper, and primary keys */
    postgresTables: (properties: Record<string, string>) => call("POST", "/postgres/tables", PostgresTablesSchema, { properties }, 30_000),
    jobs: () => call("GET", "/jobs", z.object({ jobs: z.array(JobInfoSchema) })).then((r) => r.jobs),
    /** undefined when the runner does not know the job (404) */
    job: async (jobId: string): Promise<JobInfo | undefined> => {
      try {
        return await call("GET", `/jobs/${encodeURIComponent(jobId)}`, JobInfoSchema);
      } catch (e) {
        if (e instanceof RunnerRejection && e.status === 404) return undefined;
        throw e;
      }
    },
    /** empty when the runner does not know the job (404) */
    logs: async (jobId: string): Promise<UdfLogs> => {
      try {
        return await call("GET", `/jobs/${encodeURIComponent(jobId)}/logs`, UdfLogsSchema);
      } catch (e) {
        if (e instanceof RunnerRejection && e.status === 404) return { lines: [], dropped: 0 };
        throw e;
      }
    },
    cancel: (jobId: string) => call("POST", `/jobs/${encodeURIComponent(jobId)}/cancel`, JobInfoSchema, undefined, 30_000),
    /** the latest messages per partition, read with no consumer group; the runner keeps to body.timeoutMs (10 s default) */
    kafkaSample: (body: KafkaSampleBody) => call("POST", "/kafka/sample", KafkaSampleSchema, body, (body.timeoutMs ?? 10_000) + 15_000),
    kafkaOffsets: (body: { properties: Record<string, string> } & TopicSelection) => call("POST", "/kafka/offsets", KafkaOffsetsSchema, body, 25_000),
  };
}
