// The console lines of a job's TS UDFs on a remote cluster, from every TaskManager's log file through Flink's REST API.
//
// Why this route: a UDF worker runs inside a TaskManager on another machine, where the runner's in-memory buffer (the
// embedded cluster's route) is not. Flink already serves each TaskManager's log file through its JobManager's REST API
// (GET /taskmanagers/:id/log), on every deployment mode, with the target's own auth header and TLS, so nothing has to
// reach back from the TaskManagers to this server (which they may not be able to address at all), no port is opened and
// no secret is handed to the job. Metrics or accumulators would be the wrong channel (numbers, not text; accumulators
// only at the end). The cost: each read transfers the whole log file, so it happens only while the Logs tab polls.
import readline from "node:readline";
import type { UdfLogs } from "@/server/runner/client";
import type { FlinkClient } from "./flink-client";
import { flinkRequest } from "./flink-http";

/** As jvm-runner's UdfLogs keeps per job on the embedded cluster. */
const MAX_LINES = 1000;

/** WorkerProcess.logLine in a task: `[udf NAME job JOBID LEVEL EPOCHMS] TEXT` with \\, \n, \r escaped. */
const LINE = /\[udf (.+) job ([0-9a-f]{32}) (\w+) (\d+)\] (.*)$/;

export type TaskManagerLogLine = UdfLogs["lines"][number];

export function parseUdfLogLine(text: string, jobId: string): Omit<TaskManagerLogLine, "seq" | "taskManager"> | null {
  const m = LINE.exec(text);
  if (!m || m[2] !== jobId) return null;
  return { udf: m[1]!, level: m[3]!, time: Number(m[4]), line: m[5]!.replace(/\\(\\|n|r)/g, (_, c: string) => (c === "n" ? "\n" : c === "r" ? "\r" : "\\")) };
}

/** The job's lines of one TaskManager's log, read as a stream so a large log is never held whole. */
async function linesOf(client: FlinkClient, taskManager: string, jobId: string, timeoutMs: number): Promise<TaskManagerLogLine[]> {
  const res = await flinkRequest(client.target, `/taskmanagers/${encodeURIComponent(taskManager)}/log`, { timeoutMs });
  if (res.status !== 200) {
    res.body.resume();
    throw new Error(`Flink answered HTTP ${res.status} for the log of TaskManager ${taskManager}`);
  }
  const out: TaskManagerLogLine[] = [];
  for await (const text of readline.createInterface({ input: res.body, crlfDelay: Infinity })) {
    if (!text.includes(jobId)) continue;
    const l = parseUdfLogLine(text, jobId);
    if (l) out.push({ ...l, seq: 0, taskManager });
  }
  return out;
}

/**
 * Every registered TaskManager's lines for the job, oldest first, each naming its TaskManager; the last 1000 are kept
 * (dropped counts the others). A TaskManager whose log cannot be read gives a line saying so instead of failing the view.
 */
export async function clusterUdfLogs(client: FlinkClient, jobId: string, timeoutMs = 15_000): Promise<UdfLogs> {
  const tms = (await client.getJson("/taskmanagers") as { taskmanagers?: { id: string }[] }).taskmanagers ?? [];
  const per = await Promise.all(tms.map((tm) => linesOf(client, tm.id, jobId, timeoutMs).catch((e: unknown): TaskManagerLogLine[] => [{
    seq: 0, time: Date.now(), udf: "-", level: "warn", taskManager: tm.id, line: `cannot read this TaskManager's log: ${(e as Error).message}`,
  }])));
  const all = per.flat().sort((a, b) => a.time - b.time);
  const kept = all.slice(-MAX_LINES).map((l, i) => ({ ...l, seq: all.length - Math.min(all.length, MAX_LINES) + i }));
  return { lines: kept, dropped: all.length - kept.length };
}
