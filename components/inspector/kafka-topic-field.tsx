// A Kafka topic field: typed freely, with the topics of the node's connection (and their partition counts) offered as
// suggestions, listed by the runner through the connection (connections.topics); what failed is said under the field.
"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { describeError } from "@/components/monitor/describe-error";

export function KafkaTopicField({ path, connection, value, input }: {
  path: string; connection: string; value: string;
  /** the text input, given the datalist id to suggest from */
  input(list: string): React.ReactNode;
}) {
  const trpc = useTRPC();
  const topics = useQuery(trpc.connections.topics.queryOptions({ name: connection }, { enabled: connection.trim() !== "", retry: false, staleTime: 30_000 }));
  const list = `sc-topics-${path}`;
  const known = topics.data?.topics ?? [];
  const match = known.find((t) => t.name === value);
  return (
    <>
      {input(list)}
      <datalist id={list}>
        {known.map((t) => <option key={t.name} value={t.name} data-testid="topic-option">{`${t.partitions} partition${t.partitions === 1 ? "" : "s"}`}</option>)}
      </datalist>
      <span className="sc-field__hint" data-testid={`topics-${path}`} data-count={known.length}>
        {connection.trim() === "" ? "Choose a connection to list its topics."
          : topics.isPending ? `Listing the topics of ${connection}…`
          : topics.error ? <span className="sc-bad">Could not list the topics of {connection}: {describeError(topics.error)}</span>
          : match ? `${match.name}: ${match.partitions} partition${match.partitions === 1 ? "" : "s"}`
          : `${known.length} topic${known.length === 1 ? "" : "s"} on ${connection}${value && !match ? `; "${value}" is not one of them` : ""}`}
        {!topics.isPending && connection.trim() !== "" && (
          <button type="button" className="sc-button sc-button--ghost" data-testid={`topics-refresh-${path}`} onClick={() => void topics.refetch()}>↻</button>
        )}
      </span>
    </>
  );
}
