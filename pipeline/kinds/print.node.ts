// print: writes every row to the TaskManager's standard output (Flink's print connector).
import { connectorSink } from "./sinks";

export const printKind = connectorSink("print", "Print", "Writes every row to the Flink TaskManager log (stdout).");
