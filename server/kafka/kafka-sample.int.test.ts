// Kafka through tRPC on the real runner and the test broker: Propose columns from a topic's latest messages (exact
// proposal, the messages left where they were: no consumer group), errors on the right field, a preview of a Kafka
// source reading only the latest N per partition, and a running job's consumer lag on the monitor.
import { describe, expect, it } from "vitest";
import type { PipelineGraph } from "@/pipeline/graph";
import { createPipeline, realRunnerHarness, watchUntil } from "@/server/api/testing/harness";
import { testKafka } from "@/server/testing/kafka-env";
import { createTopic, produce } from "@/server/testing/kafka-tool";

const h = realRunnerHarness();
const k = () => testKafka();
const source = (config: Record<string, unknown>) => ({ id: "clicks", kind: "kafka-source", version: 1, position: { x: 0, y: 0 }, config: { connection: "local", ...config } });
const graphOf = (config: Record<string, unknown>, extra: Partial<PipelineGraph> = {}) => ({
  schemaVersion: 2, name: "kafka", settings: undefined,
  nodes: [source(config), { id: "out", kind: "collect", version: 1, position: { x: 300, y: 0 }, config: { maxRows: 1000 } }],
  edges: [{ id: "e", from: { node: "clicks", port: "out" }, to: { node: "out", port: "in" } }], ...extra,
}) as unknown as PipelineGraph;

describe("Kafka sampling, preview and lag", () => {
  it("proposes nested columns from the latest messages; unknown topics and connections are named on their field", async () => {
    await h.caller.connections.create({ name: "local", kind: "kafka", fields: { bootstrapServers: k().bootstrap } });
    createTopic(k().bootstrap, "sample-clicks", 2);
    const msgs = Array.from({ length: 150 }, (_, i) => ({
      key: `u${i % 7}`, partition: i % 2,
      value: JSON.stringify({ user_id: i, url: `/p/${i}`, at: `2026-03-02 09:${String(i % 60).padStart(2, "0")}:00`, device: { os: i % 2 ? "ios" : "android", version: 17 }, tags: ["a"] }),
    }));
    produce(k().bootstrap, "sample-clicks", msgs);
    const r = await h.caller.sample.proposeColumns({ from: "kafka", connection: "local", topics: ["sample-clicks"], valueFormat: "json", maxPerPartition: 50 });
    if (!r.ok) throw new Error(r.message);
    expect(r.proposal.columns).toEqual([
      { name: "user_id", type: "BIGINT" }, { name: "url", type: "STRING" }, { name: "at", type: "TIMESTAMP(3)" },
      { name: "device", type: "ROW<`os` STRING, `version` BIGINT>" }, { name: "tags", type: "ARRAY<STRING>" },
    ]);
    expect(r.proposal.source).toBe("sample-clicks: the latest 100 messages of 2 partitions");
    // the latest 50 of each partition: user ids 50..149
    expect(r.proposal.rows.length).toBe(20);

    const unknown = await h.caller.sample.proposeColumns({ from: "kafka", connection: "local", topics: ["nope"], valueFormat: "json" });
    expect(unknown).toEqual({ ok: false, field: "topic", message: 'topic "nope" does not exist on the cluster' });
    const missing = await h.caller.sample.proposeColumns({ from: "kafka", connection: "missing", topics: ["sample-clicks"], valueFormat: "json" });
    expect(missing.ok ? "" : `${missing.field}: ${missing.message}`).toMatch(/^connection: connection "missing" does not exist/);
  });

  it("a preview of a Kafka source reads only the latest 100 messages of each partition", async () => {
    createTopic(k().bootstrap, "preview-clicks", 2);
    produce(k().bootstrap, "preview-clicks", Array.from({ length: 260 }, (_, i) => ({ value: JSON.stringify({ user_id: i, url: `/p/${i}` }), partition: i % 2 })));
    const { previewId } = await h.caller.preview.start({
      key: "kafka-preview", nodeId: "out", rows: 1000,
      graph: graphOf({ topic: "preview-clicks", columns: [{ name: "user_id", type: "BIGINT" }, { name: "url", type: "STRING" }] }),
    });
    const seen = [];
    for await (const e of await h.caller.preview.watch({ previewId })) seen.push(e);
    const last = seen.at(-1)!;
    if (last.type !== "result" || !last.result.samples.clicks) throw new Error(JSON.stringify(seen.slice(-3)).slice(0, 3000));
    expect(last.result.status).toBe("FINISHED"); // bounded at the latest offsets: it ends by itself
    const ids = last.result.samples.clicks.rows.map((row) => Number(row.values[0])).sort((a, b) => a - b);
    // partition 0 holds the even ids, 1 the odd, 130 each: the latest 100 of each are 60..259
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => 60 + i));
  });

  it("a running job shows its consumer lag per partition on the monitor", async () => {
    createTopic(k().bootstrap, "lag-clicks", 1);
    produce(k().bootstrap, "lag-clicks", Array.from({ length: 30 }, (_, i) => ({ value: JSON.stringify({ user_id: i }), partition: 0 })));
    const g = graphOf({ topic: "lag-clicks", columns: [{ name: "user_id", type: "BIGINT" }] });
    const id = await createPipeline(h.caller, g);
    const run = await h.caller.runs.start({ pipelineId: id });
    const running = (await watchUntil(h.caller, run.id, (r) => r.status === "RUNNING" || r.status === "FAILED")).at(-1)!;
    expect(running.status).toBe("RUNNING");
    let lag;
    let snap;
    const stop = AbortSignal.timeout(60_000);
    for await (const s of h.services.monitor.watchJob(running.jobId!, stop)) {
      snap = s;
      const f = s.nodes?.clicks?.kafka;
      if (f?.lagFrom === "offsets" && f.partitions[0]?.currentOffset === 29) { lag = f; break; }
    }
    const flink = h.services.monitor.flink()!;
    const ids = lag ? [] : await flink.vertexMetricIds(running.jobId!, snap!.vertices[0]!.id);
    expect(lag, JSON.stringify(snap?.nodes ?? snap).slice(0, 1500) + JSON.stringify(ids.filter((i) => !/^\d+\./.test(i)))).toEqual({ lag: 0, lagFrom: "offsets", partitions: [{ topic: "lag-clicks", partition: 0, currentOffset: 29, committedOffset: null, latest: 30, lag: 0 }] });
    await h.caller.runs.stop({ runId: run.id });
  });
});
