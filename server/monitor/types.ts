// What the monitor streams to the pages: a job's figures at one moment, and the jobs list.
import type { InternalJobKind } from "@/pipeline/internal-jobs";

export type ExceptionInfo = {
  time: number; name: string; rootCause: string; stack: string; task: string | null;
  /** canvas nodes the failure belongs to: the failing UDF's node, else the nodes of the failing vertex */
  nodes: string[];
  /**
   * where rootCause and stack come from when Flink's history recorded only the TaskManager going down: the runner's log
   * (the embedded cluster's TaskManager); flinkCause is then what Flink recorded
   */
  causeFrom?: "runner-log"; flinkCause?: string;
};
export type CheckpointSummary = {
  completed: number; failed: number; inProgress: number; restored: number;
  lastDurationMs: number | null; lastSizeBytes: number | null; lastAt: number | null;
  lastFailure: string | null;
  /** where lastFailure comes from: Flink's checkpoint history, or the runner's log when the history has no message */
  lastFailureFrom: "flink" | "runner-log" | null;
  lastSavepoint: string | null; restoredFrom: string | null;
};
export type VertexFigures = {
  id: string; name: string; parallelism: number; status: string; inputs: string[];
  inRate: number | null; outRate: number | null; recordsIn: number | null; recordsOut: number | null;
  /** shares of time, 0..1, worst subtask */
  busy: number | null; backpressured: number | null;
  watermark: number | null;
};
/** A TS UDF node's own figures, from the runner's metrics: rows answered, batches sent to its workers, latency. */
export type UdfFigures = {
  rows: number; rowsPerSecond: number | null; batches: number;
  /** the slowest worker round trip among each subtask's last 128 batches, ms (null before any) */
  latencyMs: number | null;
};
/** A Kafka source node's consumer lag: records behind per partition and in total (server/monitor/kafka-figures.ts). */
export type KafkaFigures = {
  /** records behind in total: from the partitions' latest offsets, else Flink's pendingRecords; null before either */
  lag: number | null;
  lagFrom: "offsets" | "pendingRecords" | null;
  partitions: { topic: string; partition: number; currentOffset: number | null; committedOffset: number | null; latest: number | null; lag: number | null }[];
  /** under the skip policy only: the bad messages skipped, as messages read − rows emitted by Flink's source operator
   *  (numRecordsIn − numRecordsOut); null where one message may give several rows (changelog formats) */
  skipped?: number | null;
};
export type NodeFigures = {
  inRate: number | null; outRate: number | null; recordsIn: number | null; recordsOut: number | null; busy: number | null; backpressured: number | null;
  watermark: number | null; watermarkLagMs: number | null; vertices: string[];
  /** operator: the node's own Flink operator; chain: a chained group of operators shared with `sharedWith` */
  scope: "operator" | "chain"; operators: string[]; sharedWith: string[];
  /** TS UDF nodes only, once their workers report */
  udf?: UdfFigures;
  /** Kafka sources only, once their readers report */
  kafka?: KafkaFigures;
  /** sinks whose writer counts what it sent (Flink's numRecordsSend: Kafka, files…) */
  sent?: number;
};
export type JobSnapshot = {
  jobId: string;
  /** when the figures were read from Flink (server clock) */
  at: number;
  reachable: boolean;
  /** set while Flink or the runner cannot be reached: the figures are then the last ones read, as of `at` */
  unreachableSince: number | null;
  message: string | null;
  /** null: the cluster does not know this job */
  /** `ended`: the job does nothing more on this cluster (server/states.ts isEnded) */
  job: { name: string; state: string; ended: boolean; startTime: number; endTime: number | null; durationMs: number } | null;
  run: { runId: string; pipelineId: string } | null;
  restarts: number | null;
  totals: { inRate: number | null; outRate: number | null };
  vertices: VertexFigures[];
  nodes: Record<string, NodeFigures> | null;
  checkpoints: CheckpointSummary | null;
  exceptions: { rootCause: ExceptionInfo | null; history: ExceptionInfo[] };
};
export type JobRow = {
  jobId: string | null; runId: string | null; pipelineId: string | null; pipelineName: string | null;
  /** the pipeline version the run ran */
  version: number | null;
  name: string; status: string; startTime: number; endTime: number | null;
  /** the job or run is over (server/states.ts), so the page need not decide it */
  ended: boolean;
  /** the job page's own figures (its JobSnapshot's totals), as of `figuresAt`; null when the job is not running */
  inRate: number | null; outRate: number | null; figuresAt: number | null;
  restarts: number | null; error: string | null;
  /** a job StreamCanvas runs for itself (warm-up, preview, Try it's sample): the list hides it unless asked */
  internal: InternalJobKind | null;
  /** the Flink target it runs on (server/targets/); null: the embedded cluster */
  target: string | null;
  /** on a remote target, submitted by another tool (no run of this server, not one of its internal jobs) */
  foreign: boolean;
};
export type JobsSnapshot = {
  at: number; reachable: boolean; unreachableSince: number | null; message: string | null; jobs: JobRow[];
  /** remote targets whose job list could not be read this poll, with why */
  targetProblems: { target: string; message: string }[];
};
