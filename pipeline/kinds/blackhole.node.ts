// blackhole: swallows every row (Flink's blackhole connector), for load tests and for running a branch without output.
import { connectorSink } from "./sinks";

export const blackholeKind = connectorSink("blackhole", "Blackhole", "Discards every row; useful to measure throughput.");
