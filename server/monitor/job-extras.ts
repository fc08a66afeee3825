// Checkpoint and exception summaries from Flink's /checkpoints and /exceptions answers.
import type { CheckpointFailureNote } from "./checkpoint-failures";
import { rootCauseOf } from "./flink-client";
import type { Checkpoints, FlinkExceptionEntry } from "./flink-schemas";
import type { CheckpointSummary, ExceptionInfo } from "./types";
import { isLostTaskManager, taskOf, type TaskFailureNote } from "./task-failures";
import type { NodePlacement } from "./vertex-map";
import type { z } from "zod";
import type { ExceptionsSchema } from "./flink-schemas";

/** `logged`: what the runner's log said about the job's last failed checkpoint, for when Flink's history says nothing. */
export function checkpointSummary(c: Checkpoints, logged: CheckpointFailureNote | null = null): CheckpointSummary {
  const last = c.latest.completed ?? null;
  const fromFlink = c.latest.failed?.failure_message
    ?? c.history?.find((h) => h.status === "FAILED" && h.failure_message)?.failure_message ?? null;
  const fromLog = c.counts.failed > 0 ? (logged?.message ?? null) : null;
  return {
    completed: c.counts.completed, failed: c.counts.failed, inProgress: c.counts.in_progress, restored: c.counts.restored,
    lastDurationMs: last?.end_to_end_duration ?? null, lastSizeBytes: last?.checkpointed_size ?? last?.state_size ?? null,
    lastAt: last?.latest_ack_timestamp ?? null,
    lastFailure: fromFlink ?? fromLog, lastFailureFrom: fromFlink ? "flink" : fromLog ? "runner-log" : null,
    lastSavepoint: c.latest.savepoint?.external_path ?? null, restoredFrom: c.latest.restored?.external_path ?? null,
  };
}

type Entry = FlinkExceptionEntry & { concurrentExceptions?: FlinkExceptionEntry[] };
const info = (e: Entry): ExceptionInfo => ({
  time: e.timestamp, name: e.exceptionName, rootCause: rootCauseOf(e.stacktrace), stack: e.stacktrace.slice(0, 8_000),
  // a global failure (no restarts) names no task itself; a concurrent task failure may
  task: e.taskName ?? e.concurrentExceptions?.find((c) => c.taskName)?.taskName ?? null, nodes: [],
});

/** A failure inside a connector's reader or writer (Flink's Kafka source or sink): it belongs to that source or sink node. */
const CONNECTOR_SIDE: [RegExp, "source" | "sink"][] = [
  [/\bat org\.apache\.flink\.connector\.kafka\.source\.|\bat org\.apache\.kafka\.clients\.consumer\./, "source"],
  [/\bat org\.apache\.flink\.connector\.kafka\.sink\.|\bat org\.apache\.kafka\.clients\.producer\./, "sink"],
  // Kafka's own timeouts carry no frames: a transaction's request that timed out is the (exactly-once) sink's
  [/^(Caused by: )?org\.apache\.kafka\.common\.errors\.TimeoutException: .*while awaiting (InitProducerId|EndTxn|AddPartitionsToTxn|AddOffsetsToTxn|TxnOffsetCommit)/m, "sink"],
];

/**
 * Whose frames a failure went through, deepest cause first: a sink's send error reaches the task through the source
 * that emitted the record ("Failed to deserialize consumer record" wraps it), so the outer frames name the wrong side.
 */
function connectorSide(stack: string): "source" | "sink" | undefined {
  const causes = stack.split(/^(?=Caused by: )/m).reverse();
  for (const c of causes) {
    const side = CONNECTOR_SIDE.find(([re]) => re.test(c))?.[1];
    if (side) return side;
  }
  return undefined;
}

/** A task's logged failure around a time, for one job (TaskFailureFinder with the job's vertices given). */
export type FindTaskFailure = (task: string | null, at: number) => TaskFailureNote | null;

/**
 * A history entry that records only a lost TaskManager, told with what the runner's log says: the task's own failure
 * leads (what Flink would have recorded had the TaskManager lived), then the exception its clean-up threw, which took
 * the TaskManager down, then Flink's record.
 */
export function withLoggedCause(e: ExceptionInfo, find: FindTaskFailure): ExceptionInfo {
  if (!isLostTaskManager(e.rootCause)) return e;
  const note = find(e.task, e.time);
  const lead = note?.failure ?? note?.fatal;
  if (!note || !lead) return e;
  const parts = [lead, note.failure && note.fatal ? `While the task cleaned up, this took its TaskManager down:\n${note.fatal}` : null,
    `Flink's record: ${e.rootCause}`];
  return { ...e, rootCause: rootCauseOf(lead), stack: parts.filter(Boolean).join("\n\n").slice(0, 20_000), causeFrom: "runner-log",
    flinkCause: e.rootCause, task: e.task ?? note.task };
}

/**
 * The canvas nodes an exception belongs to: a TS UDF names its node; a connector's reader or writer (a broker gone, a
 * topic missing) its source or sink node in the failing vertex; else the task's vertex and the nodes placed in it.
 */
export function exceptionNodes(e: ExceptionInfo, placement: Record<string, NodePlacement>, vertices: { id: string; name: string }[]): string[] {
  const udf = /UDF "([^"]+)"/.exec(`${e.rootCause}\n${e.stack}`)?.[1];
  if (udf && placement[udf]) return [udf];
  const vertexName = e.task && taskOf(e.task);
  // without a task name, a job of one vertex still says where it failed
  const v = vertices.find((x) => x.name === vertexName) ?? (vertices.length === 1 ? vertices[0] : undefined);
  const inVertex = v ? Object.entries(placement).filter(([, p]) => p.vertices.includes(v.id)) : [];
  const side = connectorSide(e.stack);
  const own = side ? inVertex.filter(([, p]) => p.operator?.anchor?.role === side) : [];
  return (own.length === 1 ? own : inVertex).map(([id]) => id);
}

/** Newest failure first; its root cause (the deepest "Caused by") is what the page leads with. */
export function exceptionsOf(x: z.infer<typeof ExceptionsSchema>): { rootCause: ExceptionInfo | null; history: ExceptionInfo[] } {
  const history = [...x.exceptionHistory.entries].sort((a, b) => b.timestamp - a.timestamp).map(info);
  return { rootCause: history[0] ?? null, history };
}
