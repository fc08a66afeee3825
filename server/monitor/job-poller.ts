// One tick of a job's poller: reads the job, its vertices' metrics, checkpoints and exceptions from Flink's REST API
// and turns them into a JobSnapshot (rates from counters, figures mapped onto the pipeline's canvas nodes).
import type { PipelineGraph } from "@/pipeline/graph";
import type { CheckpointFailureNote } from "./checkpoint-failures";
import { isEnded } from "@/server/states";
import { type FlinkClient } from "./flink-client";
import { checkpointSummary, exceptionNodes, exceptionsOf, withLoggedCause, type FindTaskFailure } from "./job-extras";
import type { TaskFailureFinder } from "./task-failures";
import { Rates } from "./rates";
import { mapVerticesToNodes, parseOperators, type NodePlacement, type PlanVertex } from "./vertex-map";
import { nodeFigures, totalsOf, type VertexMetrics } from "./node-figures";
import { isUdfMetric, isUdfRowsMetric, udfFigures } from "./udf-figures";
import { isKafkaMetric, isKafkaPartitionMetric, kafkaSourceFigures, recordsSent, skippedMessages } from "./kafka-figures";
import { kafkaSelectionOf, skipsBadOf, type KafkaLatest } from "./kafka-latest";
import type { ExceptionInfo, JobSnapshot, NodeFigures, VertexFigures } from "./types";
import { FlinkHttpError } from "@/server/errors";

export type JobRunLink = { runId: string; pipelineId: string; graph: PipelineGraph | undefined };
export type JobPollDeps = {
  /** the REST client of the cluster that runs the job (a run's remote target, else the embedded cluster) */
  flink: (jobId: string) => FlinkClient | null;
  runFor: (jobId: string) => JobRunLink | undefined;
  /** what the runner's log said about the job's last failed checkpoint (none for a remote cluster) */
  checkpointFailure?: (jobId: string) => CheckpointFailureNote | null;
  /** the runner's log's task failures, for jobs on the embedded cluster's client (null for a remote one's) */
  taskFailures?: (client: FlinkClient) => TaskFailureFinder | null;
  /** the latest offsets of Kafka topics, for consumer lag per partition (without it: Flink's pendingRecords only) */
  kafkaLatest?: KafkaLatest;
  now?: () => number;
};
type State = { plan?: PlanVertex[]; metricIds: Map<string, Set<string>>; rates: Rates; link?: JobRunLink | null };

const MIN_LONG = -9223372036854775808;
const VERTEX_METRICS = ["numRecordsIn", "numRecordsOut", "busyTimeMsPerSecond", "backPressuredTimeMsPerSecond"];
const OP_METRICS = ["numRecordsIn", "numRecordsOut", "currentOutputWatermark", "currentInputWatermark"];

export function createJobTick(deps: JobPollDeps) {
  const states = new Map<string, State>();
  /**
   * Since when each cluster (by REST address) has not answered. It outlives a job's poller (which stops when its last
   * viewer leaves), so a page opened or reopened during an outage still says since when, not since it was opened.
   */
  const downSince = new Map<string, number>();
  const now = deps.now ?? Date.now;

  async function read(client: FlinkClient, jobId: string, st: State, prev: JobSnapshot | undefined): Promise<JobSnapshot> {
    if (st.link === undefined) st.link = deps.runFor(jobId) ?? null;
    const run = st.link ? { runId: st.link.runId, pipelineId: st.link.pipelineId } : null;
    const details = await client.jobIfKnown(jobId);
    const at = now();
    const base = { jobId, at, reachable: true, unreachableSince: null, message: null, run };
    if (!details) {
      return { ...base, job: null, restarts: null, totals: { inRate: null, outRate: null }, vertices: [], nodes: null,
        checkpoints: null, exceptions: { rootCause: null, history: [] } };
    }
    const job = {
      name: details.name, state: details.state, ended: isEnded(details.state), startTime: details["start-time"],
      endTime: details["end-time"] > 0 ? details["end-time"] : null, durationMs: details.duration,
    };
    st.plan ??= (await client.plan(jobId)).map((n) => ({
      id: n.id, name: details.vertices.find((v) => v.id === n.id)?.name ?? n.id, inputs: (n.inputs ?? []).map((i) => i.id),
    }));
    const ended = isEnded(details.state);
    const [metrics, checkpoints, exceptions, restarts] = await Promise.all([
      ended ? Promise.resolve(new Map<string, VertexMetrics>()) : vertexMetrics(client, jobId, details.vertices, st, at),
      client.checkpoints(jobId).then((c) => checkpointSummary(c, deps.checkpointFailure?.(jobId) ?? null)).catch(() => prev?.checkpoints ?? null),
      client.exceptions(jobId).then(exceptionsOf).then((x) => explained(x, deps.taskFailures?.(client), details.vertices)).catch(() => prev?.exceptions ?? { rootCause: null, history: [] }),
      client.jobMetrics(jobId, ["numRestarts"]).then((m) => num(m[0]?.value)).catch(() => null),
    ]);
    st.rates.sweep();
    const vertices: VertexFigures[] = details.vertices.map((v) => {
      const m = metrics.get(v.id);
      return {
        id: v.id, name: v.name, parallelism: v.parallelism, status: v.status,
        inputs: st.plan!.find((p) => p.id === v.id)?.inputs ?? [],
        inRate: m?.rates.numRecordsIn ?? null, outRate: m?.rates.numRecordsOut ?? null,
        recordsIn: m?.values.numRecordsIn ?? null, recordsOut: m?.values.numRecordsOut ?? null,
        busy: share(m?.max.busyTimeMsPerSecond), backpressured: share(m?.max.backPressuredTimeMsPerSecond),
        watermark: m ? minWatermark(m) : null,
      };
    });
    const graph = st.link?.graph;
    const placement = graph ? mapVerticesToNodes(graph, st.plan) : null;
    const nodes = placement ? nodeFigures(placement, metrics, vertices, at) : null;
    if (nodes) for (const [node, udf] of Object.entries(udfFigures(metrics.values()))) if (nodes[node]) nodes[node].udf = udf;
    if (nodes && placement && graph) addConnectorFigures(nodes, placement, metrics, graph);
    if (placement) {
      for (const e of [exceptions.rootCause, ...exceptions.history]) if (e) e.nodes = exceptionNodes(e, placement, vertices);
    }
    return { ...base, job, restarts, totals: totalsOf(st.plan, metrics), vertices, nodes, checkpoints, exceptions };
  }

  /** Consumer lag on Kafka sources (by partition when the broker's latest offsets are known) and records sent by sinks. */
  function addConnectorFigures(nodes: Record<string, NodeFigures>, placement: Record<string, NodePlacement>, metrics: Map<string, VertexMetrics>,
    graph: PipelineGraph) {
    for (const [id, p] of Object.entries(placement)) {
      if (!p.operator?.anchor || !nodes[id] || !p.copies) continue;
      if (p.operator.anchor.role === "sink") {
        const sent = recordsSent(p.copies, metrics);
        if (sent !== null) nodes[id].sent = sent;
        continue;
      }
      const node = graph.nodes.find((n) => n.id === id);
      const selection = node && kafkaSelectionOf(node);
      const kafka = kafkaSourceFigures(p.copies, metrics, selection && deps.kafkaLatest?.get(selection));
      const skips = node ? skipsBadOf(node) : null;
      if (kafka && skips) kafka.skipped = skips === "counted" ? skippedMessages(p.copies, metrics) : null;
      if (kafka) nodes[id].kafka = kafka;
    }
  }

  /** Metrics of every running vertex in one request per vertex: the vertex's own and its operators' counters. */
  async function vertexMetrics(client: FlinkClient, jobId: string, vs: { id: string; name: string; status: string }[], st: State, at: number) {
    const out = new Map<string, VertexMetrics>();
    // a TS UDF registers its metrics when its operator opens, possibly after the vertex's ids were first listed
    const hasUdf = st.link?.graph?.nodes.some((n) => n.kind.startsWith("ts-")) ?? false;
    const kafkaSources = new Set((st.link?.graph?.nodes ?? []).filter((n) => kafkaSelectionOf(n) !== undefined).map((n) => n.id));
    await Promise.all(vs.filter((v) => v.status === "RUNNING").map(async (v) => {
      let ids = st.metricIds.get(v.id);
      const ops = parseOperators(v.name);
      // a Kafka source's per-partition gauges appear once its reader is given its partitions
      const kafkaHere = ops.some((o) => o.anchor?.role === "source" && kafkaSources.has(o.anchor.node));
      if (!ids || ids.size === 0 || (hasUdf && ![...ids].some(isUdfMetric)) || (kafkaHere && ![...ids].some(isKafkaPartitionMetric))) {
        st.metricIds.set(v.id, (ids = new Set(await client.vertexMetricIds(jobId, v.id))));
      }
      const names = [...VERTEX_METRICS, ...ops.flatMap((o) => OP_METRICS.map((m) => `${o.metricPrefix}.${m}`))]
        .filter((n) => ids.has(n)).concat([...ids].filter((id) => isUdfMetric(id) || isKafkaMetric(id)));
      if (names.length === 0) return;
      const answer = await client.vertexMetrics(jobId, v.id, names, ["sum", "max", "min"]);
      const vm: VertexMetrics = { values: {}, max: {}, min: {}, rates: {}, ops: ops.map((o) => o.metricPrefix) };
      for (const m of answer) {
        vm.values[m.id] = m.sum;
        vm.max[m.id] = m.max;
        vm.min[m.id] = m.min;
        if (m.id.endsWith("numRecordsIn") || m.id.endsWith("numRecordsOut") || isUdfRowsMetric(m.id)) vm.rates[m.id] = st.rates.sample(`${v.id}/${m.id}`, at, m.sum);
      }
      out.set(v.id, vm);
    }));
    return out;
  }

  async function tick(jobId: string, prev: JobSnapshot | undefined): Promise<JobSnapshot> {
    let st = states.get(jobId);
    if (!st) states.set(jobId, (st = { metricIds: new Map(), rates: new Rates() }));
    const client = deps.flink(jobId);
    const cluster = client?.baseUrl ?? "(runner not ready)";
    try {
      if (!client) throw new Error("the runner is not ready, so Flink's address is unknown");
      const snap = await read(client, jobId, st, prev);
      downSince.delete(cluster);
      return snap;
    } catch (e) {
      if (e instanceof FlinkHttpError && e.status === 404) st.plan = undefined;
      const t = now();
      const last = prev ?? {
        jobId, at: t, job: null, run: null, restarts: null, totals: { inRate: null, outRate: null }, vertices: [], nodes: null,
        checkpoints: null, exceptions: { rootCause: null, history: [] },
      };
      const since = downSince.get(cluster) ?? prev?.unreachableSince ?? t;
      downSince.set(cluster, since);
      return { ...last, reachable: false, unreachableSince: since, message: (e as Error).message };
    }
  }

  return { tick, forget: (keep: Set<string>) => { for (const k of states.keys()) if (!keep.has(k)) states.delete(k); } };
}

/** Entries that record only a lost TaskManager, told with the runner's log when it has the task's failure. */
function explained(x: JobSnapshot["exceptions"], find: TaskFailureFinder | null | undefined, vertices: { id: string }[]) {
  if (!find) return x;
  const ids = vertices.map((v) => v.id);
  const inJob: FindTaskFailure = (task, at) => find(task, at, ids);
  const tell = (e: ExceptionInfo) => withLoggedCause(e, inJob);
  return { rootCause: x.rootCause && tell(x.rootCause), history: x.history.map(tell) };
}

const num = (v: string | undefined) => (v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));
const share = (msPerSecond: number | undefined) =>
  msPerSecond === undefined || !Number.isFinite(msPerSecond) ? null : Math.min(1, Math.max(0, msPerSecond / 1000));

function minWatermark(m: VertexMetrics): number | null {
  const w = Object.entries(m.min).filter(([k, v]) => k.endsWith("currentInputWatermark") && v !== undefined && v > MIN_LONG)
    .map(([, v]) => v!);
  return w.length ? Math.min(...w) : null;
}
