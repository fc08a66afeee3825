// Words for run settings, shared by the run panel's form and the job page: restart parameters and one-line summaries.
import { effectiveRestart, type RestartStrategy, type RestartType, type RunSettings } from "@/pipeline/run-settings";

/**
 * A restart parameter as the form edits it: `scale` converts the shown unit to the stored one (s → ms); min and max
 * in stored units, as RestartStrategySchema bounds them.
 */
export type RestartParam = { key: string; label: string; unit: string; scale: number; integer: boolean; min: number; max: number };

const DAY_MS = 86_400_000;
const seconds = (key: string, label: string, max = DAY_MS): RestartParam => ({ key, label, unit: "s", scale: 1000, integer: true, min: 0, max });
const count = (key: string, label: string): RestartParam => ({ key, label, unit: "", scale: 1, integer: true, min: 1, max: 1_000_000 });
const factor = (key: string, label: string, min: number, max: number): RestartParam =>
  ({ key, label, unit: "×", scale: 1, integer: false, min, max });

export const RESTART_PARAMS: { [T in RestartType]: RestartParam[] } = {
  "none": [],
  "fixed-delay": [count("attempts", "attempts"), seconds("delayMs", "delay")],
  "exponential-delay": [
    seconds("initialBackoffMs", "initial backoff"), seconds("maxBackoffMs", "max backoff"),
    factor("backoffMultiplier", "multiplier", 1, 100), seconds("resetBackoffThresholdMs", "reset after", 7 * DAY_MS),
    factor("jitterFactor", "jitter", 0, 1),
  ],
  "failure-rate": [count("maxFailuresPerInterval", "max failures"), seconds("failureRateIntervalMs", "per interval"), seconds("delayMs", "delay")],
};

const secs = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

export function describeRestart(r: RestartStrategy): string {
  if (r.type === "none") return "none (a failure ends the job)";
  const values = r as unknown as Record<string, number>;
  const parts = RESTART_PARAMS[r.type].map((p) => `${p.label} ${p.unit === "s" ? secs(values[p.key]!) : `${values[p.key]}${p.unit}`}`);
  return `${r.type}: ${parts.join(", ")}`;
}

/** The settings as label → text rows, with the restart strategy Flink applies (saying when it is Flink's default). */
export function describeSettings(s: RunSettings): { key: string; label: string; text: string }[] {
  const restart = describeRestart(effectiveRestart(s)) + (s.restartStrategy ? "" : " (Flink's default)");
  return [
    { key: "parallelism", label: "parallelism", text: String(s.parallelism) },
    { key: "checkpoints", label: "checkpoints", text: s.checkpointIntervalMs === null ? "off" : `every ${secs(s.checkpointIntervalMs)}, ${s.checkpointMode}` },
    { key: "restart", label: "restart strategy", text: restart },
    { key: "state-backend", label: "state backend", text: s.stateBackend === "rocksdb" ? "RocksDB" : "hashmap (heap)" },
    { key: "state-ttl", label: "state TTL", text: s.stateTtlMs === null ? "none (kept until the job ends)" : secs(s.stateTtlMs) },
    { key: "idle-timeout", label: "source idle timeout", text: s.sourceIdleTimeoutMs === null ? "none" : secs(s.sourceIdleTimeoutMs) },
  ];
}
