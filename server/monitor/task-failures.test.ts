// A Kafka sink's task failure that took its TaskManager down, read from the runner's log (lines as Flink 2.3 and the
// Kafka connector 5.0.0-2.2 log them, shortened), told on the job page in place of "The TaskExecutor is shutting down".
import { describe, expect, it } from "vitest";
import { exceptionNodes, withLoggedCause } from "./job-extras";
import { TaskFailureLog, isLostTaskManager, taskOf } from "./task-failures";
import type { ExceptionInfo } from "./types";

const TASK = "Source: clicks[1] -> Calc[2] -> out[3]: Writer -> out[3]: Committer";
const ATTEMPT = "a5a395ca69c679924b56086f16e330fc_cbc357ccb763df2852fee8c4fc7d55f2_0_0";
const LOG = [
  "19:54:08.006 WARN KafkaWriter - Kafka request failed, sent records: 1054, out records: 1133",
  `19:54:14.851 WARN Task - ${TASK} (1/1)#0 (${ATTEMPT}) switched from RUNNING to FAILED with failure cause:`,
  "java.io.IOException: Failed to deserialize consumer record due to",
  "\tat org.apache.flink.connector.kafka.source.reader.KafkaRecordEmitter.emitRecord(KafkaRecordEmitter.java:56)",
  "Caused by: org.apache.kafka.common.KafkaException: Cannot execute transactional method because we are in an error state",
  "\tat org.apache.flink.connector.kafka.sink.KafkaWriter.write(KafkaWriter.java:185)",
  "\t... 36 more",
  `19:54:14.910 ERROR Task - FATAL - exception in exception handler of task ${TASK} (1/1)#0 (${ATTEMPT}).`,
  "java.io.IOException: One or more Kafka Producer send requests have encountered exception",
  "\tat org.apache.flink.connector.kafka.sink.KafkaWriter.checkAsyncException(KafkaWriter.java:297)",
  "Caused by: org.apache.flink.util.FlinkRuntimeException: Failed to send data to Kafka outage-out-0@-1 with FlinkKafkaInternalProducer@6844",
  "\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.decorateException(KafkaWriter.java:368)",
  "Caused by: org.apache.kafka.common.errors.TimeoutException: Expiring 4 record(s) for outage-out-0:4001 ms has passed since batch creation",
  `19:54:14.910 ERROR TaskExecutor - FATAL - exception in exception handler of task ${TASK} (1/1)#0 (${ATTEMPT}).`,
  "java.io.IOException: a second copy of the same exception, not kept",
  "19:54:14.911 ERROR MiniCluster - TaskManager #0 failed.",
];
const lost = (o: Partial<ExceptionInfo> = {}): ExceptionInfo => ({
  time: 10_000, name: "org.apache.flink.util.FlinkExpectedException", rootCause: "FlinkExpectedException: The TaskExecutor is shutting down.",
  stack: "org.apache.flink.util.FlinkExpectedException: The TaskExecutor is shutting down.\n\tat org.apache.flink.runtime.taskexecutor.TaskExecutor.onStop(TaskExecutor.java:500)",
  task: `${TASK} (1/1) - execution #0`, nodes: [], ...o,
});

function logAt(ms: number) {
  const log = new TaskFailureLog(() => ms);
  for (const l of LOG) log.feed(l);
  return log;
}

describe("TaskFailureLog", () => {
  it("keeps the task's failure and the exception that took its TaskManager down, by task name", () => {
    const note = logAt(9_000).find(`${TASK} (1/1) - execution #0`, 10_000, [])!;
    expect(note.task).toBe(TASK);
    expect(note.failure!.split("\n")[0]).toBe("java.io.IOException: Failed to deserialize consumer record due to");
    expect(note.failure).toContain("Cannot execute transactional method");
    expect(note.fatal!.split("\n")).toHaveLength(5);
    expect(note.fatal).toContain("Expiring 4 record(s) for outage-out-0");
    expect(note.fatal).not.toContain("second copy");
  });

  it("keeps every cause of a long exception, dropping frames past its budget", () => {
    const log = new TaskFailureLog(() => 9_000);
    const frames = Array.from({ length: 300 }, (_, i) => `\tat org.apache.flink.streaming.runtime.tasks.Frame${i}.run(Frame.java:${i})`);
    for (const l of [LOG[1]!, "java.io.IOException: outer", ...frames, "Caused by: java.lang.RuntimeException: middle", ...frames,
      "Caused by: org.apache.kafka.common.errors.TimeoutException: Topic outage-out not present in metadata after 10000 ms.", "\t... 40 more",
      LOG[7]!, "org.apache.kafka.common.errors.TimeoutException: Timeout expired after 10000ms while awaiting EndTxn(false)"]) log.feed(l);
    const failure = log.find(TASK, 10_000, [])!.failure!;
    expect(failure.length).toBeLessThan(17_000);
    expect(failure.split("\n").filter((l) => !l.startsWith("\t"))).toEqual(["java.io.IOException: outer", "Caused by: java.lang.RuntimeException: middle",
      "Caused by: org.apache.kafka.common.errors.TimeoutException: Topic outage-out not present in metadata after 10000 ms."]);
  });

  it("a failure whose TaskManager lived (Flink recorded it) does not explain a TaskManager lost later", () => {
    const log = new TaskFailureLog(() => 9_000);
    for (const l of LOG.slice(0, 7)) log.feed(l);
    log.feed("19:54:15.000 INFO Task - next line");
    expect(log.find(TASK, 10_000, [])).toBeNull();
  });

  it("finds nothing for another task, or long before or after the entry", () => {
    expect(logAt(9_000).find("Source: other[1] (1/1)#0", 10_000, [])).toBeNull();
    expect(logAt(9_000).find(TASK, 200_000, [])).toBeNull();
    expect(logAt(20_000).find(TASK, 10_000, [])).toBeNull();
  });

  it("for an entry that names no task (no restart left), finds the failure of a task of one of the job's vertices", () => {
    expect(logAt(9_000).find(null, 10_000, ["cbc357ccb763df2852fee8c4fc7d55f2"])?.task).toBe(TASK);
    expect(logAt(9_000).find(null, 10_000, ["20ba6b65f97481d5570070de90e4e791"])).toBeNull();
  });

  it("names a task alike in the log and in Flink's history", () => {
    expect(taskOf(`${TASK} (2/4)#3`)).toBe(TASK);
    expect(taskOf(`${TASK} (2/4) - execution #3`)).toBe(TASK);
    expect(isLostTaskManager(lost().rootCause)).toBe(true);
    expect(isLostTaskManager("java.lang.ArithmeticException: / by zero")).toBe(false);
  });
});

describe("withLoggedCause", () => {
  const placement = {
    clicks: { vertices: ["K"], sharedWith: [], operator: { name: "Source: clicks[1]", metricPrefix: "Source__clicks[1]", anchor: { node: "clicks", role: "source" as const } } },
    keep: { vertices: ["K"], sharedWith: [] },
    out: { vertices: ["K"], sharedWith: [], operator: { name: "out[3]: Writer", metricPrefix: "out[3]__Writer", anchor: { node: "out", role: "sink" as const } } },
  };
  const vertices = [{ id: "K", name: TASK }];

  it("leads with the task's own Kafka error, then the one that took the TaskManager down; both on the sink node", () => {
    const log = logAt(9_000);
    const e = withLoggedCause(lost(), (t, at) => log.find(t, at, []));
    expect(e.rootCause).toBe("KafkaException: Cannot execute transactional method because we are in an error state");
    expect(e.causeFrom).toBe("runner-log");
    expect(e.flinkCause).toBe("FlinkExpectedException: The TaskExecutor is shutting down.");
    expect(e.stack.split("\n")[0]).toBe("java.io.IOException: Failed to deserialize consumer record due to");
    expect(e.stack).toContain("While the task cleaned up, this took its TaskManager down:\njava.io.IOException: One or more Kafka Producer");
    expect(e.stack).toContain("Expiring 4 record(s) for outage-out-0");
    expect(e.stack).toMatch(/Flink's record: FlinkExpectedException: The TaskExecutor is shutting down\.$/);
    expect(exceptionNodes(e, placement, vertices)).toEqual(["out"]);
  });

  it("an entry that names no task gets the logged task's name, so it maps to the sink node too", () => {
    const log = logAt(9_000);
    const e = withLoggedCause(lost({ task: null }), (t, at) => log.find(t, at, ["cbc357ccb763df2852fee8c4fc7d55f2"]));
    expect([e.task, e.causeFrom]).toEqual([TASK, "runner-log"]);
    expect(exceptionNodes(e, placement, [...vertices, { id: "X", name: "Source: other[9]" }])).toEqual(["out"]);
  });

  it("leaves an entry alone that is the task's own failure, or that the log knows nothing of", () => {
    const log = logAt(9_000);
    const own = lost({ rootCause: "ArithmeticException: / by zero", stack: "java.lang.ArithmeticException: / by zero" });
    // no restart left: the entry leads with the recovery's refusal, the lost TaskManager is its root cause
    const last = lost({ stack: "org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy\n" +
      "Caused by: org.apache.flink.util.FlinkExpectedException: The TaskExecutor is shutting down.", task: null });
    expect(withLoggedCause(last, (t, at) => log.find(t, at, ["cbc357ccb763df2852fee8c4fc7d55f2"])).causeFrom).toBe("runner-log");
    expect(withLoggedCause(own, (t, at) => log.find(t, at, []))).toBe(own);
    const unknown = lost({ task: "Source: other[1] (1/1) - execution #0" });
    expect(withLoggedCause(unknown, (t, at) => log.find(t, at, []))).toBe(unknown);
  });

  it("a sink's send error wrapped by the source that emitted the record belongs to the sink", () => {
    const stack = "java.io.IOException: Failed to deserialize consumer record due to\n" +
      "\tat org.apache.flink.connector.kafka.source.reader.KafkaRecordEmitter.emitRecord(KafkaRecordEmitter.java:56)\n" +
      "Caused by: java.io.IOException: One or more Kafka Producer send requests have encountered exception\n" +
      "\tat org.apache.flink.connector.kafka.sink.KafkaWriter.checkAsyncException(KafkaWriter.java:297)\n" +
      "Caused by: org.apache.kafka.common.errors.TimeoutException: Expiring 4 record(s) for outage-out-0:4001 ms has passed since batch creation";
    expect(exceptionNodes(lost({ stack }), placement, vertices)).toEqual(["out"]);
  });

  it("a transaction's request that timed out (no Kafka frames) belongs to the sink", () => {
    const stack = "java.lang.Exception: Could not perform checkpoint 7 for operator Source: clicks[1] -> out[3]: Writer (1/1)#0.\n" +
      "\tat org.apache.flink.streaming.runtime.tasks.StreamTask.triggerCheckpointAsyncInMailbox(StreamTask.java:1378)\n" +
      "Caused by: org.apache.kafka.common.errors.TimeoutException: Timeout expired after 60000ms while awaiting InitProducerId";
    expect(exceptionNodes(lost({ stack }), placement, vertices)).toEqual(["out"]);
    const polled = "java.lang.RuntimeException: One or more fetchers have encountered exception\n" +
      "Caused by: org.apache.kafka.common.errors.TimeoutException: Timeout of 60000ms expired before the position for partition clicks-0 could be determined\n" +
      "\tat org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer.position(ClassicKafkaConsumer.java:1000)";
    expect(exceptionNodes(lost({ stack: polled }), placement, vertices)).toEqual(["clicks"]);
  });
});
