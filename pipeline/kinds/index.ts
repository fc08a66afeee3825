// Registry of node kinds: the palette order, and lookup by kind id. Adding a kind is its file plus one line here.
import { blackholeKind } from "./blackhole.node.ts";
import { collectKind } from "./collect.node.ts";
import { datagenKind } from "./datagen.node.ts";
import type { PortsOf } from "../graph";
import type { NodeKind } from "./define";
import { filterKind } from "./filter.node.ts";
import { printKind } from "./print.node.ts";
import { selectKind } from "./select.node.ts";
import { valuesKind } from "./values.node.ts";
import { addColumnsKind } from "./add-columns.node.ts";
import { renameColumnsKind } from "./rename-columns.node.ts";
import { dropColumnsKind } from "./drop-columns.node.ts";
import { unionKind } from "./union.node.ts";
import { distinctKind } from "./distinct.node.ts";
import { groupAggregateKind } from "./group-aggregate.node.ts";
import { tumbleWindowKind } from "./tumble-window.node.ts";
import { hopWindowKind } from "./hop-window.node.ts";
import { sessionWindowKind } from "./session-window.node.ts";
import { cumulateWindowKind } from "./cumulate-window.node.ts";
import { tsMapKind } from "./ts-map.node.ts";
import { filesystemSourceKind } from "./filesystem-source.node.ts";
import { filesystemSinkKind } from "./filesystem-sink.node.ts";
import { joinKind } from "./join.node.ts";
import { intervalJoinKind } from "./interval-join.node.ts";
import { deduplicateKind } from "./deduplicate.node.ts";
import { topNKind } from "./top-n.node.ts";
import { limitKind } from "./limit.node.ts";
import { orderByKind } from "./order-by.node.ts";
import { tsFilterKind } from "./ts-filter.node.ts";
import { tsFlatMapKind } from "./ts-flat-map.node.ts";
import { tsAggregateKind } from "./ts-aggregate.node.ts";
import { kafkaSourceKind } from "./kafka-source.node.ts";
import { kafkaSinkKind } from "./kafka-sink.node.ts";
import { upsertKafkaSinkKind } from "./upsert-kafka-sink.node.ts";
import { jdbcSourceKind } from "./jdbc-source.node.ts";
import { jdbcSinkKind } from "./jdbc-sink.node.ts";
import { lookupJoinKind } from "./lookup-join.node.ts";
import { postgresChangesKind } from "./postgres-changes.node.ts";

export type { NodeCategory, NodeKind } from "./define";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own config type
export const nodeKinds: readonly NodeKind<any>[] = [
  datagenKind, valuesKind, filesystemSourceKind, kafkaSourceKind, jdbcSourceKind, postgresChangesKind,
  filterKind, selectKind, addColumnsKind, renameColumnsKind, dropColumnsKind, unionKind, distinctKind, groupAggregateKind, tumbleWindowKind, tsMapKind,
  joinKind, intervalJoinKind, lookupJoinKind, deduplicateKind, topNKind, orderByKind, limitKind,
  hopWindowKind, sessionWindowKind, cumulateWindowKind,
  tsFilterKind, tsFlatMapKind, tsAggregateKind,
  printKind, blackholeKind, collectKind, filesystemSinkKind, kafkaSinkKind, upsertKafkaSinkKind, jdbcSinkKind,
];

const byKind = new Map(nodeKinds.map((k) => [k.kind, k]));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function getNodeKind(kind: string): NodeKind<any> | undefined {
  return byKind.get(kind);
}

/** The registry's ports, for graph.ts's edge checks. */
export const portsOf: PortsOf = (kind) => byKind.get(kind)?.ports;
