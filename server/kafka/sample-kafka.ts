// Propose columns for a Kafka source: the latest messages of its topics, read by the runner through the named
// connection (no consumer group, nothing committed), proposed per value format by pipeline/sample/kafka-propose.
import { proposeFromMessages } from "@/pipeline/sample/kafka-propose";
import type { ColumnProposal, SampleRequest } from "@/pipeline/sample/request";
import { RunnerRejection } from "@/server/errors";
import { SampleError } from "@/server/files/sample-file";
import type { RunnerClient } from "@/server/runner/client";
import { hideSecrets } from "@/server/connections/scrub";

type KafkaRequest = Extract<SampleRequest, { from: "kafka" }>;
/** The connection's client properties and its secret values (server/connections' resolve). */
export type ResolveConnection = (name: string) => { properties: Record<string, string>; secretValues: string[] };

export async function sampleKafka(runner: Pick<RunnerClient, "kafkaSample">, resolve: ResolveConnection, req: KafkaRequest): Promise<ColumnProposal> {
  let conn: ReturnType<ResolveConnection>;
  try {
    conn = resolve(req.connection);
  } catch (e) {
    throw new SampleError((e as Error).message, "connection");
  }
  const selection = req.pattern !== undefined ? { pattern: req.pattern } : { topics: req.topics ?? [] };
  let sample;
  try {
    sample = await runner.kafkaSample({ properties: conn.properties, ...selection, maxPerPartition: req.maxPerPartition, max: 1000 });
  } catch (e) {
    const err = hideSecrets(e, conn.secretValues);
    // unknown topic or no topic matching: the topic field; a cluster not reached or refusing us: the connection
    if (err instanceof RunnerRejection) throw new SampleError(err.message, err.status === 404 || err.status === 400 ? "topic" : "connection");
    throw err;
  }
  const what = selection.pattern !== undefined ? `topics matching ${selection.pattern}` : selection.topics.join(", ");
  if (sample.messages.length === 0) {
    throw new SampleError(`${what} holds no messages yet (${sample.partitions.length} partitions): produce some, or type the columns`, "topic");
  }
  const p = proposeFromMessages(req.valueFormat, sample.messages, req.fieldDelimiter);
  const read = `${what}: the latest ${sample.messages.length} messages of ${sample.partitions.length} partition${sample.partitions.length === 1 ? "" : "s"}`;
  const skipped = p.skipped ? `; ${p.skipped} skipped, first ${p.firstSkipped}` : "";
  const late = sample.complete ? "" : " (stopped at the 10 s limit)";
  if (p.columns.length === 0) throw new SampleError(`${read}${skipped}: none is ${req.valueFormat}`, "valueFormat");
  return { columns: p.columns, rows: p.rows.slice(0, 20), source: `${read}${late}${skipped}` };
}
