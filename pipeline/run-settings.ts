// Run settings: how Flink runs a pipeline (parallelism, checkpoints, restarts, state), saved with the graph and its versions.
import { z } from "zod";

const ms = (max: number) => z.number().int().min(0).max(max);
const DAY_MS = 86_400_000;

/** Flink's restart strategies with their parameters (restart-strategy.* options), durations in milliseconds. */
export const RestartStrategySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({ type: z.literal("fixed-delay"), attempts: z.number().int().min(1).max(1_000_000), delayMs: ms(DAY_MS) }),
  z.object({
    type: z.literal("exponential-delay"), initialBackoffMs: ms(DAY_MS), maxBackoffMs: ms(DAY_MS),
    backoffMultiplier: z.number().min(1).max(100), resetBackoffThresholdMs: ms(7 * DAY_MS), jitterFactor: z.number().min(0).max(1),
  }),
  z.object({
    type: z.literal("failure-rate"), maxFailuresPerInterval: z.number().int().min(1).max(1_000_000),
    failureRateIntervalMs: ms(DAY_MS), delayMs: ms(DAY_MS),
  }),
]);
export type RestartStrategy = z.infer<typeof RestartStrategySchema>;
export type RestartType = RestartStrategy["type"];
export const RESTART_TYPES: readonly RestartType[] = ["none", "fixed-delay", "exponential-delay", "failure-rate"];

/** Each strategy with Flink 2.3's defaults for its parameters (RestartStrategyOptions). */
export const FLINK_RESTART_DEFAULTS: { [T in RestartType]: Extract<RestartStrategy, { type: T }> } = {
  "none": { type: "none" },
  "fixed-delay": { type: "fixed-delay", attempts: 1, delayMs: 1_000 },
  "exponential-delay": {
    type: "exponential-delay", initialBackoffMs: 1_000, maxBackoffMs: 60_000, backoffMultiplier: 1.5,
    resetBackoffThresholdMs: 3_600_000, jitterFactor: 0.1,
  },
  "failure-rate": { type: "failure-rate", maxFailuresPerInterval: 1, failureRateIntervalMs: 60_000, delayMs: 1_000 },
};

export const CHECKPOINT_MODES = ["exactly-once", "at-least-once"] as const;
export const STATE_BACKENDS = ["hashmap", "rocksdb"] as const;

export const RunSettingsSchema = z.object({
  parallelism: z.number().int().min(1).max(64).default(1),
  /** null: no periodic checkpoints */
  checkpointIntervalMs: z.number().int().min(100).max(3_600_000).nullable().default(null),
  checkpointMode: z.enum(CHECKPOINT_MODES).default("exactly-once"),
  /** null: Flink's default — exponential-delay when checkpointing is on, none when it is off */
  restartStrategy: RestartStrategySchema.nullable().default(null),
  stateBackend: z.enum(STATE_BACKENDS).default("hashmap"),
  /** null: state is kept until the job ends (table.exec.state.ttl) */
  stateTtlMs: z.number().int().min(1).max(365 * DAY_MS).nullable().default(null),
  /** null: a source without data holds the watermark back forever (table.exec.source.idle-timeout) */
  sourceIdleTimeoutMs: z.number().int().min(1).max(DAY_MS).nullable().default(null),
});
export type RunSettings = z.infer<typeof RunSettingsSchema>;

/** What a pipeline saved before run settings existed runs with, and what a new pipeline starts with. */
export const defaultRunSettings = (): RunSettings => RunSettingsSchema.parse({});

/** The strategy Flink applies: the chosen one, or Flink's own default for the checkpoint setting. */
export function effectiveRestart(s: RunSettings): RestartStrategy {
  if (s.restartStrategy) return s.restartStrategy;
  return s.checkpointIntervalMs !== null ? FLINK_RESTART_DEFAULTS["exponential-delay"] : FLINK_RESTART_DEFAULTS.none;
}

const dur = (msValue: number) => `${msValue} ms`;

function restartOptions(r: RestartStrategy): Record<string, string> {
  const p = `restart-strategy.${r.type}`;
  switch (r.type) {
    case "none": return {};
    case "fixed-delay": return { [`${p}.attempts`]: String(r.attempts), [`${p}.delay`]: dur(r.delayMs) };
    case "failure-rate": return {
      [`${p}.max-failures-per-interval`]: String(r.maxFailuresPerInterval),
      [`${p}.failure-rate-interval`]: dur(r.failureRateIntervalMs), [`${p}.delay`]: dur(r.delayMs),
    };
    case "exponential-delay": return {
      [`${p}.initial-backoff`]: dur(r.initialBackoffMs), [`${p}.max-backoff`]: dur(r.maxBackoffMs),
      [`${p}.backoff-multiplier`]: String(r.backoffMultiplier), [`${p}.reset-backoff-threshold`]: dur(r.resetBackoffThresholdMs),
      [`${p}.jitter-factor`]: String(r.jitterFactor),
    };
  }
}

/**
 * The Flink options for the settings, set on the job by the runner. Every option is explicit (the restart strategy
 * too, resolved as Flink would), so a job's behaviour never depends on the cluster's own defaults.
 */
export function runSettingsToFlink(s: RunSettings): Record<string, string> {
  const restart = effectiveRestart(s);
  const config: Record<string, string> = {
    "parallelism.default": String(s.parallelism),
    "execution.checkpointing.mode": s.checkpointMode === "exactly-once" ? "EXACTLY_ONCE" : "AT_LEAST_ONCE",
    "restart-strategy.type": restart.type,
    ...restartOptions(restart),
    "state.backend.type": s.stateBackend,
  };
  if (s.checkpointIntervalMs !== null) config["execution.checkpointing.interval"] = dur(s.checkpointIntervalMs);
  if (s.stateTtlMs !== null) config["table.exec.state.ttl"] = dur(s.stateTtlMs);
  if (s.sourceIdleTimeoutMs !== null) config["table.exec.source.idle-timeout"] = dur(s.sourceIdleTimeoutMs);
  return config;
}
