// A broker outage under a running job, as its page shows it: a job writes to Kafka exactly-once through a connection
// whose producer gives up within seconds; the broker goes away; the page shows the restart and, as the root cause, the
// Kafka error on the sink node. Flink 2.3 may record that failure only as "The TaskExecutor is shutting down" (the Kafka
// writer throws again while its failed task cleans up, which takes the TaskManager down): the page then tells it from
// the runner's log (server/monitor/task-failures.ts). This file starts brokers of its own, since it stops them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { createPipeline, realRunnerHarness, snapshotUntil, watchUntil } from "@/server/api/testing/harness";
import type { JobSnapshot } from "@/server/monitor/types";
import { startKafkaBroker, type TestBroker } from "@/server/testing/kafka-broker";
import { createTopic, produceAsync } from "@/server/testing/kafka-tool";

const runnerLog: string[] = [];
const h = realRunnerHarness({ log: (l) => runnerLog.push(l) });
let broker: TestBroker | undefined;

// a broker per test: each one is stopped mid-run
beforeEach(async () => {
  broker = await startKafkaBroker();
  createTopic(broker.bootstrap, "outage-out", 1);
});
afterEach(async () => {
  await broker?.stop();
});

const sink = { id: "out", kind: "kafka-sink", version: 1, position: { x: 600, y: 0 },
  config: { connection: "outage", topic: "outage-out", valueFormat: "json", delivery: "exactly-once" } };
const settings = { parallelism: 1, checkpointIntervalMs: 500, restartStrategy: { type: "fixed-delay", attempts: 100, delayMs: 1_000 } };
const edge = (from: string, to: string) => ({ id: `${from}-${to}`, from: { node: from, port: "out" }, to: { node: to, port: "in" } });

/** datagen → Kafka sink: the planner gives the sink a task of its own */
const generated = (): PipelineGraph => ({
  schemaVersion: 2, name: "kafka outage, generated rows", settings,
  nodes: [{ id: "gen", kind: "datagen", version: 1, position: { x: 0, y: 0 },
    config: { rowsPerSecond: 200, columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 1_000_000 }] } }, sink],
  edges: [edge("gen", "out")],
}) as unknown as PipelineGraph;

/** Kafka source → TS map (about 2 ms a row: 20,000 rows last 40 s, so the outage falls mid-stream) → Kafka sink, in one task */
const SLOW = "export default function slow(row: Input): { id: bigint } {\n  const until = Date.now() + 2;\n  while (Date.now() < until) {}\n  return { id: row.id ?? 0n };\n}\n";
const chained = (): PipelineGraph => ({
  // checkpoints 10 s apart: the outage's expired records, not a checkpoint's new transaction, fail the job first
  schemaVersion: 2, name: "kafka outage, chained", settings: { ...settings, checkpointIntervalMs: 10_000, restartStrategy: { type: "none" } },
  nodes: [
    { id: "in", kind: "kafka-source", version: 1, position: { x: 0, y: 0 }, config: {
      connection: "outage", subscribe: "topic", topic: "outage-in", valueFormat: "json", columns: [{ name: "id", type: "BIGINT" }], startFrom: "earliest" } },
    { id: "slow", kind: "ts-map", version: 2, position: { x: 300, y: 0 }, config: { code: SLOW } }, sink],
  edges: [edge("in", "slow"), edge("slow", "out")],
}) as unknown as PipelineGraph;

const KAFKA_ERROR = /^(Caused by: )?org\.apache\.kafka\.common\.(errors\.)?\w+Exception: /m;

/** Saves the "outage" connection with the client `properties`, runs `graph` and stops the broker once the sink wrote. */
async function runThenStopBroker(graph: PipelineGraph, properties: Record<string, string>) {
  const fields = { bootstrapServers: broker!.bootstrap, properties };
  if ((await h.caller.connections.list()).some((c) => c.name === "outage")) await h.caller.connections.update({ name: "outage", fields });
  else await h.caller.connections.create({ name: "outage", kind: "kafka", fields });
  const id = await createPipeline(h.caller, graph);
  const run = await h.caller.runs.start({ pipelineId: id });
  const running = (await watchUntil(h.caller, run.id, (r) => r.status === "RUNNING" || r.status === "FAILED")).at(-1)!;
  expect(running.status, JSON.stringify(running.error)).toBe("RUNNING");
  const writing = await snapshotUntil(h, running.jobId!, (s) => (s.checkpoints?.completed ?? 0) >= 1 && (s.nodes?.out?.sent ?? 0) > 100, 90_000);
  expect(writing?.nodes?.out?.sent, JSON.stringify(writing?.nodes)).toBeGreaterThan(100);
  await broker!.stop();
  return { runId: run.id, jobId: running.jobId! };
}

/**
 * The job page once the job has failed (`restarted`: and restarted): the first failure after the outage is a Kafka
 * client's (a send or a transaction's request timing out) on the sink node, not a lost TaskManager.
 */
async function firstFailureOnThePage(graph: PipelineGraph, jobId: string, restarted: boolean) {
  const first = (s: JobSnapshot) => s.exceptions.history.at(-1);
  const failed = await snapshotUntil(h, jobId, (s) => (!restarted || (s.restarts ?? 0) >= 1) && first(s) !== undefined, 90_000);
  const told = failed?.exceptions.history.map((e) => `${e.causeFrom ?? "flink"} [${e.nodes.join(",")}] ${e.rootCause}`);
  const cause = failed && first(failed);
  const logged = runnerLog.filter((l) => /switched from|FATAL|^Caused by|^\S+Exception/.test(l)).slice(-40).join("\n");
  expect(cause?.stack ?? "(no failure)", `${JSON.stringify(told)}\nrunner log:\n${logged}`).toMatch(KAFKA_ERROR);
  expect(cause!.rootCause).not.toMatch(/TaskExecutor is shutting down/);
  if (restarted) expect(failed!.restarts).toBeGreaterThanOrEqual(1);
  expect(cause!.nodes).toEqual(["out"]);
  // told from the runner's log, the page still says what Flink itself recorded
  if (cause!.causeFrom) {
    expect(cause!.causeFrom).toBe("runner-log");
    expect(cause!.flinkCause).toMatch(/The TaskExecutor is shutting down/);
  }
  console.log(`[outage] ${graph.name}: ${failed!.restarts} restart(s); history, newest first:\n${told!.join("\n")}`);
  return cause!;
}

describe("a broker outage on the job page", () => {
  it("a sink in a task of its own: the restart, and the Kafka error as root cause on the sink node", async () => {
    // the producer gives up on a record, or on a new transaction, after 4 s (Kafka's defaults wait 1 to 2 min), so the
    // outage fails the job soon
    const graph = generated();
    const { runId, jobId } = await runThenStopBroker(graph, { "delivery.timeout.ms": "4000", "request.timeout.ms": "2000", "max.block.ms": "4000" });
    await firstFailureOnThePage(graph, jobId, true);
    await h.caller.runs.stop({ runId });
  });

  it("a sink chained to its Kafka source, no restarts: the run fails with the Kafka error, told from the runner's log if the TaskManager went down", async () => {
    createTopic(broker!.bootstrap, "outage-in", 1);
    await produceAsync(broker!.bootstrap, "outage-in", Array.from({ length: 20_000 }, (_, i) => ({ value: JSON.stringify({ id: i + 1 }), partition: 0 })));
    // records expire after 4 s, before a send or a transaction's request gives up blocking (10 s)
    const graph = chained();
    const { runId, jobId } = await runThenStopBroker(graph, { "delivery.timeout.ms": "4000", "request.timeout.ms": "2000", "max.block.ms": "10000" });
    const ended = (await watchUntil(h.caller, runId, (r) => r.status === "FAILED" || r.status === "FINISHED")).at(-1)!;
    expect(ended.status).toBe("FAILED");
    const cause = await firstFailureOnThePage(graph, jobId, false);
    // the run's own error (run panel, pipeline list, CLI) leads with the same Kafka error as the page
    expect(ended.error?.rootCause, JSON.stringify(ended.error)).toContain(cause.rootCause);
    if (cause.causeFrom) expect(ended.error!.rootCause).toMatch(/from the runner's log; Flink recorded only: .*The TaskExecutor is shutting down/);
  });
});
