// Job and run states, each one zod enum with its "is it over" rule (DESIGN §6.8b); what the server sends the browser
// carries the answer (`ended`), so no component decides it again.
import { z } from "zod";

/** Flink's JobStatus names (org.apache.flink.api.common.JobStatus), as its REST API and the runner report them. */
export const FlinkJobState = z.enum([
  "INITIALIZING", "CREATED", "RUNNING", "FAILING", "FAILED", "CANCELLING", "CANCELED", "FINISHED", "RESTARTING",
  "SUSPENDED", "RECONCILING",
]);
export type FlinkJobState = z.infer<typeof FlinkJobState>;

/** Flink's JobStatus#isGloballyTerminalState: the job is over on every cluster. */
const GLOBALLY_TERMINAL: ReadonlySet<string> = new Set<FlinkJobState>(["FINISHED", "FAILED", "CANCELED"]);

/** Flink's JobStatus#isTerminalState: the job does nothing more on this cluster (SUSPENDED included: it may resume elsewhere). */
export const isEnded = (state: string): boolean => GLOBALLY_TERMINAL.has(state) || state === "SUSPENDED";

/** A StreamCanvas run's state: its job's, or SUBMITTING before the runner took it, or LOST when the runner no longer knows it. */
export const RunState = z.enum([...FlinkJobState.options, "SUBMITTING", "LOST"]);
export type RunState = z.infer<typeof RunState>;

/** The run states that never change again: its job is over everywhere, or lost. A SUSPENDED job may resume, so its run stays watched. */
export const TERMINAL_RUN_STATES: readonly RunState[] = ["FINISHED", "FAILED", "CANCELED", "LOST"];
export const isTerminal = (state: string): boolean => (TERMINAL_RUN_STATES as readonly string[]).includes(state);
