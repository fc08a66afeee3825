// Run settings: the schema's defaults and bounds, the schema-1 → 2 upgrade of saved graphs, and the Flink options they become.
import { describe, expect, it } from "vitest";
import { formatPipelineFile, parsePipelineFile } from "./format";
import { PipelineGraphSchema, SCHEMA_VERSION } from "./graph";
import { defaultRunSettings, effectiveRestart, FLINK_RESTART_DEFAULTS, RunSettingsSchema, runSettingsToFlink } from "./run-settings";
import { graph, seqSource } from "./testing";
import { parseGraph } from "./upgrade";

const nodes = () => graph([seqSource(), { id: "out", kind: "collect" }], ["src->out"]);
/** A graph as schema 1 saved it: no settings. */
const v1 = () => {
  const { settings: _, ...g } = nodes();
  return { ...g, schemaVersion: 1 };
};

describe("run settings schema", () => {
  it("defaults to parallelism 1, no checkpoints, Flink's restart default, hashmap state, no TTL, no idle timeout", () => {
    expect(defaultRunSettings()).toEqual({
      parallelism: 1, checkpointIntervalMs: null, checkpointMode: "exactly-once", restartStrategy: null,
      stateBackend: "hashmap", stateTtlMs: null, sourceIdleTimeoutMs: null,
    });
  });
  it("names the field at fault", () => {
    const r = RunSettingsSchema.safeParse({ parallelism: 0, restartStrategy: { type: "fixed-delay", attempts: 0, delayMs: 10 }, stateBackend: "forst" });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["parallelism", "restartStrategy.attempts", "stateBackend"]);
  });
});

describe("saved graphs and run settings", () => {
  it("upgrades a schema-1 graph to the current schema with the default settings (it ran with them)", () => {
    const r = parseGraph(v1());
    expect(r).toEqual({ ok: true, graph: { ...nodes(), schemaVersion: SCHEMA_VERSION, settings: defaultRunSettings() } });
    expect(PipelineGraphSchema.parse(v1()).settings).toEqual(defaultRunSettings());
  });
  it("keeps saved settings, filling fields a hand-written file leaves out", () => {
    const g = { ...nodes(), settings: { checkpointIntervalMs: 5_000, stateBackend: "rocksdb" } };
    const r = PipelineGraphSchema.parse(g);
    expect(r.settings).toEqual({ ...defaultRunSettings(), checkpointIntervalMs: 5_000, stateBackend: "rocksdb" });
  });
  it("reports a bad setting with its path in the graph", () => {
    const r = parseGraph({ ...nodes(), settings: { ...defaultRunSettings(), checkpointMode: "twice" } });
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(["settings.checkpointMode"]);
  });
  it("round-trips the settings through the pipeline file, older files included", () => {
    const settings = { ...defaultRunSettings(), parallelism: 3, checkpointIntervalMs: 2_000, checkpointMode: "at-least-once" as const,
      restartStrategy: { type: "failure-rate" as const, maxFailuresPerInterval: 4, failureRateIntervalMs: 30_000, delayMs: 500 },
      stateBackend: "rocksdb" as const, stateTtlMs: 3_600_000, sourceIdleTimeoutMs: 10_000 };
    const g = { ...nodes(), settings };
    const text = formatPipelineFile(g);
    expect(text).toContain(`"schemaVersion": ${SCHEMA_VERSION}`);
    const back = parsePipelineFile(text);
    expect(back.ok && back.graph.settings).toEqual(settings);
    expect(back.ok && formatPipelineFile(back.graph)).toBe(text);
    const old = parsePipelineFile(JSON.stringify(v1()));
    expect(old.ok && old.graph.settings).toEqual(defaultRunSettings());
  });
});

describe("Flink options of run settings", () => {
  it("turns off restarts without checkpoints and uses exponential-delay with them, as Flink does by default", () => {
    expect(effectiveRestart(defaultRunSettings())).toEqual({ type: "none" });
    const ckpt = { ...defaultRunSettings(), checkpointIntervalMs: 5_000 };
    expect(effectiveRestart(ckpt)).toEqual(FLINK_RESTART_DEFAULTS["exponential-delay"]);
    expect(runSettingsToFlink(defaultRunSettings())).toEqual({
      "parallelism.default": "1", "execution.checkpointing.mode": "EXACTLY_ONCE", "restart-strategy.type": "none", "state.backend.type": "hashmap",
    });
    expect(runSettingsToFlink(ckpt)).toMatchObject({
      "execution.checkpointing.interval": "5000 ms", "restart-strategy.type": "exponential-delay",
      "restart-strategy.exponential-delay.initial-backoff": "1000 ms", "restart-strategy.exponential-delay.max-backoff": "60000 ms",
      "restart-strategy.exponential-delay.backoff-multiplier": "1.5", "restart-strategy.exponential-delay.jitter-factor": "0.1",
      "restart-strategy.exponential-delay.reset-backoff-threshold": "3600000 ms",
    });
  });
  it("sets every chosen setting", () => {
    const s = { ...defaultRunSettings(), parallelism: 4, checkpointIntervalMs: 1_500, checkpointMode: "at-least-once" as const,
      restartStrategy: { type: "fixed-delay" as const, attempts: 3, delayMs: 2_000 }, stateBackend: "rocksdb" as const,
      stateTtlMs: 60_000, sourceIdleTimeoutMs: 5_000 };
    expect(runSettingsToFlink(s)).toEqual({
      "parallelism.default": "4", "execution.checkpointing.interval": "1500 ms", "execution.checkpointing.mode": "AT_LEAST_ONCE",
      "restart-strategy.type": "fixed-delay", "restart-strategy.fixed-delay.attempts": "3", "restart-strategy.fixed-delay.delay": "2000 ms",
      "state.backend.type": "rocksdb", "table.exec.state.ttl": "60000 ms", "table.exec.source.idle-timeout": "5000 ms",
    });
    const rate = runSettingsToFlink({ ...s, restartStrategy: FLINK_RESTART_DEFAULTS["failure-rate"] });
    expect(rate).toMatchObject({
      "restart-strategy.type": "failure-rate", "restart-strategy.failure-rate.max-failures-per-interval": "1",
      "restart-strategy.failure-rate.failure-rate-interval": "60000 ms", "restart-strategy.failure-rate.delay": "1000 ms",
    });
    expect(Object.keys(rate).some((k) => k.startsWith("restart-strategy.fixed-delay"))).toBe(false);
    // an explicit "none" stays none even with checkpoints
    expect(runSettingsToFlink({ ...s, restartStrategy: { type: "none" } })["restart-strategy.type"]).toBe("none");
  });
});
