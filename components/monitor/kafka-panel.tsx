// Job page panel: consumer lag of each Kafka source (records behind per partition and in total, from Flink's Kafka
// source metrics and the broker's latest offsets) and the records each sink's writer has sent.
"use client";
import { fmtCount } from "./format";
import type { JobSnapshot } from "./monitor-types";

export function KafkaPanel({ nodes }: { nodes: JobSnapshot["nodes"] }) {
  const sources = Object.entries(nodes ?? {}).filter(([, f]) => f.kafka);
  const sinks = Object.entries(nodes ?? {}).filter(([, f]) => f.sent !== undefined);
  if (sources.length === 0 && sinks.length === 0) return null;
  return (
    <section className="sc-panel" data-testid="kafka-panel">
      <h3>Kafka</h3>
      {sources.map(([id, f]) => (
        <div key={id} data-testid={`kafka-source-${id}`}>
          <p>
            <b>{id}</b>: <b data-testid={`kafka-lag-total-${id}`} data-lag={f.kafka!.lag ?? ""}>{fmtCount(f.kafka!.lag)}</b> records behind
            {f.kafka!.lagFrom === "pendingRecords" && <span className="sc-muted"> (Flink&apos;s pending records; the broker&apos;s latest offsets are not known yet)</span>}
            {f.kafka!.skipped !== undefined && <Skipped id={id} skipped={f.kafka!.skipped} />}
          </p>
          {f.kafka!.partitions.length > 0 && (
            <table className="sc-table">
              <thead><tr><th>Topic</th><th>Partition</th><th>Read up to</th><th>Latest</th><th>Behind</th><th>Committed</th></tr></thead>
              <tbody>
                {f.kafka!.partitions.map((p) => (
                  <tr key={`${p.topic}/${p.partition}`} data-testid={`kafka-partition-${id}`} data-topic={p.topic} data-partition={p.partition} data-lag={p.lag ?? ""}>
                    <td>{p.topic}</td><td>{p.partition}</td><td>{p.currentOffset ?? "—"}</td><td>{p.latest ?? "—"}</td>
                    <td>{fmtCount(p.lag)}</td><td>{p.committedOffset ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      {sinks.length > 0 && (
        <dl className="sc-dl">
          {sinks.map(([id, f]) => (
            <div key={id}><dt>{id} sent</dt><dd data-testid={`sink-sent-${id}`} data-sent={f.sent}>{fmtCount(f.sent)} records</dd></div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** Bad messages the source skipped (its skip policy): Flink's messages read − rows emitted, or why it is not counted. */
function Skipped({ id, skipped }: { id: string; skipped: number | null }) {
  if (skipped === null) {
    return <span className="sc-muted" data-testid={`kafka-skipped-${id}`} data-skipped=""> · bad messages skipped: not counted (a changelog message may give several rows)</span>;
  }
  return <span data-testid={`kafka-skipped-${id}`} data-skipped={skipped}> · <b>{fmtCount(skipped)}</b> bad messages skipped</span>;
}
